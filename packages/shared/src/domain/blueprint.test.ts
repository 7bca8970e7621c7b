import { describe, expect, it } from 'vitest';
import { BlueprintSchema, blueprintItemCount, blueprintTotalPoints } from './blueprint';

/** 三级: 40 判断 × 0.5 + 140 单选 × 0.5 + 10 多选 × 1 = 100. */
const level3 = {
  id: 'bp-electrician-3',
  version: 1,
  title: '电工三级理论知识组卷方案',
  standard: { occupationCode: '6-31-01-03', version: '2018' },
  level: 3,
  sections: [
    { itemType: 'true_false', count: 40, pointsEach: 0.5 },
    { itemType: 'single_choice', count: 140, pointsEach: 0.5 },
    { itemType: 'multiple_choice', count: 10, pointsEach: 1 },
  ],
  durationMinutes: 120,
  fullMarks: 100,
  importance: { X: { minShare: 0.7 } },
  difficulty: { kind: 'mix', easy: 0.2, medium: 0.7, hard: 0.1, tolerance: 0.05 },
};

function messagesOf(input: unknown): string[] {
  const result = BlueprintSchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((issue) => issue.message);
}

describe('BlueprintSchema', () => {
  it('parses a level-3 blueprint with its defaults', () => {
    const blueprint = BlueprintSchema.parse(level3);
    expect(blueprintItemCount(blueprint)).toBe(190);
    expect(blueprintTotalPoints(blueprint)).toBe(100);
    expect(blueprint.maxItemsPerPoint).toBe(1);
    expect(blueprint.passMark).toBe(60);
    expect(blueprint.shuffleItems && blueprint.shuffleOptions).toBe(true);
    expect(blueprint.multipleChoiceScoring).toBe('all_or_nothing');
    expect(blueprint.rangeAllocation).toEqual({ bySection: false, overrides: {} });
  });

  it('rejects full marks that differ from the sections', () => {
    expect(messagesOf({ ...level3, fullMarks: 90 })).toEqual([
      '各大题合计 100 分，与满分 90 不一致',
    ]);
  });

  it('rejects a difficulty mix that does not add up, and a duplicate section type', () => {
    const sections = [...level3.sections, { itemType: 'true_false', count: 2, pointsEach: 0 }];
    expect(
      messagesOf({ ...level3, difficulty: { kind: 'mix', easy: 0.5, medium: 0.7, hard: 0.1 } }),
    ).toEqual(['easy + medium + hard must add up to 1']);
    expect(messagesOf({ ...level3, sections }).length).toBeGreaterThan(0);
  });

  it('rejects min above max, importance minimums over 100 % and approvedOnly false', () => {
    const overrides = { A: { min: 5, max: 3 } };
    expect(messagesOf({ ...level3, rangeAllocation: { overrides } })).toEqual([
      'min must not exceed max',
    ]);
    expect(
      messagesOf({ ...level3, importance: { X: { minShare: 0.8 }, Y: { minShare: 0.3 } } }),
    ).toEqual(['X/Y/Z 的最低比例合计 1.1，超过 100%']);
    expect(messagesOf({ ...level3, approvedOnly: false }).length).toBe(1);
  });
});
