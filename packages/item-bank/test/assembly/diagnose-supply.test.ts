import type { BlueprintInput } from '@skillexam/shared';
import { describe, expect, it } from 'vitest';
import type { AssemblySource } from '../../src/assembly/assembly-pool';
import { diagnoseSupply } from '../../src/assembly/diagnose-supply';
import { resolveBlueprint } from '../../src/assembly/requirements';
import { level3Blueprint, syntheticSource } from './synthetic-pool';

const source = syntheticSource({ items: 600, points: 60, seed: 9 });
const small: Partial<BlueprintInput> = {
  sections: [
    { itemType: 'true_false', count: 10, pointsEach: 1 },
    { itemType: 'single_choice', count: 30, pointsEach: 2 },
  ],
  fullMarks: 70,
};

function messages(
  overrides: Partial<BlueprintInput>,
  src: AssemblySource = source,
  forms = { forms: 1, maxOverlapItems: 0 },
): string[] {
  const resolved = resolveBlueprint(level3Blueprint({ ...small, ...overrides }), src);
  return diagnoseSupply(resolved, forms).map((problem) => problem.message);
}

describe('supply diagnosis before solving', () => {
  it('finds nothing wrong when the bank can supply every requirement', () => {
    expect(messages({})).toEqual([]);
  });

  it('counts at most k items per 鉴定点 and says so', () => {
    // 60 points: a 100-item single-choice section cannot have one item per point.
    const result = messages({
      sections: [{ itemType: 'single_choice', count: 100, pointsEach: 1 }],
      fullMarks: 100,
      difficulty: undefined,
    });
    expect(result[0]).toMatch(
      /^需要 100 道单选题，题库中仅有 \d+ 道符合条件的已审核单选题，受“每个鉴定点\/互斥组”限制最多可选 60 道$/,
    );
  });

  it('names the X share and the difficulty band that cannot be met', () => {
    const noX: AssemblySource = {
      ...source,
      items: source.items.map((item) => ({ ...item, importance: 'Y' as const })),
    };
    expect(messages({ importance: { X: { minShare: 0.7 } } }, noX)).toContain(
      '需要至少 28 道 X 类（核心）鉴定点的题，题库中仅有 0 道',
    );
    const allEasy: AssemblySource = {
      ...source,
      items: source.items.map(({ empiricalP: _p, ...item }) => ({ ...item, difficulty: 1 })),
    };
    expect(
      messages({ difficulty: { kind: 'mix', easy: 0.2, medium: 0.7, hard: 0.1 } }, allEasy),
    ).toEqual(
      expect.arrayContaining([
        '需要至少 26 道“中”题，题库中仅有 0 道',
        '“易”题最多 10 道，其余需 30 道其他难度的题，但只能提供 0 道',
      ]),
    );
    expect(
      messages({ difficulty: { kind: 'meanP', value: 0.6, tolerance: 0.02 } }, allEasy),
    ).toEqual(['平均难度 p 需要不高于 0.620，题库中最难的题组成的试卷也有 0.900']);
  });

  it('notes items left out by exposure limits', () => {
    const recent = new Set(
      source.items.filter((item) => item.type === 'true_false').map((item) => item.itemId),
    );
    expect(messages({}, { ...source, recentlyUsed: recent })[0]).toMatch(
      /^需要 10 道判断题，题库中仅有 0 道符合条件的已审核判断题（另有 \d+ 道在最近的试卷中用过，已按曝光限制排除）$/,
    );
  });

  it('bounds the distinct items parallel forms need', () => {
    const result = messages({}, source, { forms: 20, maxOverlapItems: 0 });
    expect(result[0]).toMatch(
      /^组 20 套平行卷（两两重叠不超过 0 道）至少需要 800 道不同的题，题库中符合条件的仅 \d+ 道$/,
    );
  });

  it('reports blueprint settings that do not fit the bank', () => {
    expect(messages({ rangeAllocation: { overrides: { 'Z-Z': { max: 3 } } } })).toContain(
      'rangeAllocation.overrides 中的范围 Z-Z 不在等级 3 的权重表中',
    );
    const { weights: _weights, ...withoutWeights } = source;
    expect(messages({}, withoutWeights)).toEqual([
      '标准没有等级 3 的理论知识权重表，无法按鉴定范围分配题量',
    ]);
  });
});
