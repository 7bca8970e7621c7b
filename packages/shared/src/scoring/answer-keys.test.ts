import { describe, expect, it } from 'vitest';
import { blank, itemBody, itemBodyFromText, paragraph } from '../content/builders';
import { toCandidatePaper } from '../domain/candidate-paper';
import type { ItemContent } from '../domain/item-content';
import { PaperSchema } from '../domain/paper';
import { PaperAnswerKeysSchema, toPaperAnswerKeys } from './answer-keys';
import { scoreAttempt } from './score-attempt';

const common = {
  stem: itemBodyFromText('题干'),
  assessmentPointId: 'ap-1',
  level: 4,
  difficulty: 3,
} as const;

const contents: Record<string, ItemContent> = {
  t1: { type: 'true_false', ...common, key: true },
  s1: {
    type: 'single_choice',
    ...common,
    options: (['A', 'B', 'C', 'D'] as const).map((id) => ({ id, content: itemBodyFromText(id) })),
    key: 'B',
  },
};

const paper = PaperSchema.parse({
  id: 'p1',
  title: '电工四级理论',
  standard: { occupationCode: '6-31-01-03', version: '2018' },
  level: 4,
  durationMinutes: 90,
  fullMarks: 1,
  passMark: 0.5,
  sections: [
    {
      title: '判断题',
      itemType: 'true_false',
      pointsEach: 0.5,
      items: [{ itemId: 't1', version: 1 }],
    },
    {
      title: '单选题',
      itemType: 'single_choice',
      pointsEach: 0.5,
      items: [{ itemId: 's1', version: 1 }],
    },
  ],
});

describe('toPaperAnswerKeys', () => {
  it('numbers items like the candidate paper and keeps only keys', () => {
    const contentOf = (ref: { itemId: string }) => {
      const content = contents[ref.itemId];
      if (content === undefined) throw new Error(`missing ${ref.itemId}`);
      return content;
    };
    const keys = PaperAnswerKeysSchema.parse(toPaperAnswerKeys(paper, contentOf));
    const candidate = toCandidatePaper(paper, contentOf);
    expect(keys.sections.map((s) => s.items.map((i) => i.number))).toEqual(
      candidate.sections.map((s) => s.items.map((i) => i.number)),
    );
    expect(keys.sections[1]?.items[0]?.answer).toEqual({ type: 'single_choice', key: 'B' });
    expect(keys).toMatchObject({ paperId: 'p1', fullMarks: 1, passMark: 0.5 });
  });

  it('rejects a key whose type differs from its section', () => {
    const result = PaperAnswerKeysSchema.safeParse({
      paperId: 'p1',
      fullMarks: 1,
      passMark: 0.5,
      sections: [
        {
          title: '判断题',
          itemType: 'true_false',
          pointsEach: 1,
          items: [
            { itemId: 'x', version: 1, number: 1, answer: { type: 'single_choice', key: 'A' } },
          ],
        },
      ],
    });
    expect(result.success).toBe(false);
  });
});

describe('exam packages with numeric 填空 keys', () => {
  it('keys.enc keeps the tolerance through JSON, and the server scores with it', () => {
    const numeric: ItemContent = {
      type: 'fill_blank',
      ...common,
      stem: itemBody(paragraph('8 V 电压加在 2 A 电流的电阻上，电阻为', blank('b1'), 'Ω。')),
      key: { b1: [{ number: 4, tolerance: 5, mode: 'relative' }] },
    };
    const fillPaper = PaperSchema.parse({
      ...paper,
      fullMarks: 2,
      passMark: 1,
      sections: [
        {
          title: '填空题',
          itemType: 'fill_blank',
          pointsEach: 2,
          items: [{ itemId: 'f1', version: 1 }],
        },
      ],
    });
    const keys = PaperAnswerKeysSchema.parse(
      JSON.parse(JSON.stringify(toPaperAnswerKeys(fillPaper, () => numeric))),
    );
    expect(keys.sections[0]?.items[0]?.answer).toEqual({
      type: 'fill_blank',
      key: { b1: [{ number: 4, tolerance: 5, mode: 'relative' }] },
    });
    const score = (given: string) =>
      scoreAttempt(keys, new Map([['f1', { kind: 'blanks', values: { b1: given } }]])).total;
    expect(score('4')).toBe(2);
    expect(score('4.2')).toBe(2);
    expect(score('4.3')).toBe(0);
  });
});
