import { describe, expect, it } from 'vitest';
import { itemBodyFromText } from '../content/builders';
import {
  CandidatePaperItemSchema,
  CandidatePaperSchema,
  toCandidatePaper,
} from './candidate-paper';
import { ItemContentSchema, type ItemContent } from './item-content';
import type { ItemVersionRef } from './item-version';
import { PaperSchema } from './paper';

const SECRET = '答案与解析：只有服务器可见';

const contents: Record<string, ItemContent> = {
  tf: ItemContentSchema.parse({
    type: 'true_false',
    stem: itemBodyFromText('安全电压一般为36V以下。'),
    key: true,
    explanation: itemBodyFromText(SECRET),
    assessmentPointId: 'p1',
    level: 4,
    difficulty: 2,
  }),
  mc: ItemContentSchema.parse({
    type: 'multiple_choice',
    stem: itemBodyFromText('下列属于导体的有（　　）。'),
    options: ['铜', '铝', '橡胶', '陶瓷', '银'].map((label, index) => ({
      id: 'ABCDE'.charAt(index),
      content: itemBodyFromText(label),
    })),
    key: ['A', 'B', 'E'],
    explanation: itemBodyFromText(SECRET),
    assessmentPointId: 'p2',
    level: 4,
    difficulty: 3,
  }),
};

const paper = PaperSchema.parse({
  id: 'paper-1',
  title: '电工（四级）理论知识试卷',
  standard: { occupationCode: '6-31-01-03', version: '2018' },
  level: 4,
  sections: [
    {
      title: '一、判断题',
      itemType: 'true_false',
      pointsEach: 40,
      items: [{ itemId: 'tf', version: 1 }],
    },
    {
      title: '二、多项选择题',
      itemType: 'multiple_choice',
      pointsEach: 60,
      items: [{ itemId: 'mc', version: 2 }],
    },
  ],
  durationMinutes: 90,
});

function contentOf(ref: ItemVersionRef): ItemContent {
  const content = contents[ref.itemId];
  if (content === undefined) throw new Error(`missing ${ref.itemId}`);
  return content;
}

describe('toCandidatePaper', () => {
  it('numbers items across sections and keeps stems and options', () => {
    const view = toCandidatePaper(paper, contentOf);
    expect(view.sections.map((section) => section.items.map((item) => item.number))).toEqual([
      [1],
      [2],
    ]);
    const mc = view.sections[1]?.items[0];
    expect(mc?.type === 'multiple_choice' && mc.options.map((option) => option.id)).toEqual([
      'A',
      'B',
      'C',
      'D',
      'E',
    ]);
    expect(mc).toMatchObject({ itemId: 'mc', version: 2, points: 60 });
  });

  it('never carries a key, 解析, 鉴定点 or difficulty', () => {
    const json = JSON.stringify(toCandidatePaper(paper, contentOf));
    for (const field of [
      '"key"',
      '"explanation"',
      '"assessmentPointId"',
      '"difficulty"',
      '"passMark"',
    ]) {
      expect(json).not.toContain(field);
    }
    expect(json).not.toContain(SECRET);
    expect(CandidatePaperSchema.parse(JSON.parse(json))).toEqual(JSON.parse(json));
  });

  it('refuses an item whose type does not match its section', () => {
    expect(() => toCandidatePaper(paper, () => contents.mc!)).toThrow(/section holds true_false/);
  });
});

describe('CandidatePaperItemSchema', () => {
  it('strips answer data from anything parsed through it', () => {
    const leaked = { ...contents.mc, itemId: 'mc', version: 2, number: 1, points: 1 };
    const parsed = CandidatePaperItemSchema.parse(leaked);
    expect('key' in parsed).toBe(false);
    expect('explanation' in parsed).toBe(false);
  });
});
