import { describe, expect, it } from 'vitest';
import { PaperSchema, paperItemCount, paperTotalPoints, sectionScoringPolicy } from './paper';

const refs = (prefix: string, count: number) =>
  Array.from({ length: count }, (_, index) => ({ itemId: `${prefix}-${index + 1}`, version: 1 }));

/** 三级 paper: 40 判断 × 0.5 + 140 单选 × 0.5 + 10 多选 × 1 = 100. */
const level3Paper = {
  id: 'paper-6-31-01-03-L3-A',
  title: '电工（三级）理论知识试卷 A',
  standard: { occupationCode: '6-31-01-03', version: '2018' },
  level: 3,
  sections: [
    { title: '一、判断题', itemType: 'true_false', pointsEach: 0.5, items: refs('tf', 40) },
    { title: '二、单项选择题', itemType: 'single_choice', pointsEach: 0.5, items: refs('sc', 140) },
    { title: '三、多项选择题', itemType: 'multiple_choice', pointsEach: 1, items: refs('mc', 10) },
  ],
  durationMinutes: 120,
};

function messagesOf(input: unknown): string[] {
  const result = PaperSchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((issue) => issue.message);
}

describe('PaperSchema', () => {
  it('parses a typical 三级 paper with pass mark 60 of 100 by default', () => {
    const paper = PaperSchema.parse(level3Paper);
    expect(paper.passMark).toBe(60);
    expect(paper.fullMarks).toBe(100);
    expect(paperTotalPoints(paper)).toBe(100);
    expect(paperItemCount(paper)).toBe(190);
  });

  it('defaults multiple-choice scoring to all-or-nothing and accepts partial', () => {
    const paper = PaperSchema.parse(level3Paper);
    expect(sectionScoringPolicy(paper.sections[2]!)).toBe('all_or_nothing');
    const sections = level3Paper.sections.map((section, index) =>
      index === 2 ? { ...section, scoringPolicy: 'partial' } : section,
    );
    expect(sectionScoringPolicy(PaperSchema.parse({ ...level3Paper, sections }).sections[2]!)).toBe(
      'partial',
    );
  });

  it('refuses a scoring policy on a non-multiple-choice section', () => {
    const sections = level3Paper.sections.map((section, index) =>
      index === 0 ? { ...section, scoringPolicy: 'partial' } : section,
    );
    expect(messagesOf({ ...level3Paper, sections })).toEqual([
      'A scoring policy only applies to multiple-choice sections, not true_false',
    ]);
  });

  it('requires the sections to add up to the full marks', () => {
    const sections = level3Paper.sections.slice(0, 2);
    expect(messagesOf({ ...level3Paper, sections })).toEqual([
      "The sections add up to 90 points, but the paper's full marks are 100",
    ]);
    expect(messagesOf({ ...level3Paper, sections, fullMarks: 90, passMark: 54 })).toEqual([]);
  });

  it('refuses an item that appears twice, even as another version', () => {
    const sections = [
      {
        title: '一、判断题',
        itemType: 'true_false',
        pointsEach: 50,
        items: [
          { itemId: 'x', version: 1 },
          { itemId: 'x', version: 2 },
        ],
      },
    ];
    expect(messagesOf({ ...level3Paper, sections })).toEqual([
      'Item "x" appears more than once in the paper',
    ]);
  });

  it('refuses a pass mark above full marks, empty sections and a zero duration', () => {
    expect(messagesOf({ ...level3Paper, passMark: 120 })).toEqual([
      'The pass mark 120 is above the full marks 100',
    ]);
    expect(messagesOf({ ...level3Paper, sections: [] })).not.toEqual([]);
    expect(messagesOf({ ...level3Paper, durationMinutes: 0 })).not.toEqual([]);
  });
});
