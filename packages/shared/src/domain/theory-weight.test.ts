import { describe, expect, it } from 'vitest';
import { TheoryWeightTableSchema } from './theory-weight';

/** 车工 6-18-01-01 (2018), 四级, 理论知识权重表 (国标表4.1). */
const lathe4 = {
  level: 4,
  weights: { 'A-A': 5, 'A-B': 20, 'B-A': 15, 'B-B': 15, 'B-C': 20, 'B-D': 10, 'B-E': 10, 'B-F': 5 },
};

describe('TheoryWeightTableSchema', () => {
  it('accepts a real table that totals 100', () => {
    expect(TheoryWeightTableSchema.parse(lathe4).weights['B-C']).toBe(20);
  });

  it('explains a table that does not total 100', () => {
    const result = TheoryWeightTableSchema.safeParse({
      ...lathe4,
      weights: { ...lathe4.weights, 'B-F': 10 },
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues).toEqual([
      expect.objectContaining({
        path: ['weights'],
        message: '理论知识权重表 for level 4 totals 105%, but the weights must total 100%',
      }),
    ]);
  });

  it('tolerates decimal weights and rejects empty tables, bad codes and out-of-range percents', () => {
    expect(
      TheoryWeightTableSchema.safeParse({ level: 3, weights: { A: 33.3, B: 33.3, C: 33.4 } })
        .success,
    ).toBe(true);
    expect(
      TheoryWeightTableSchema.safeParse({ level: 3, weights: {} }).error?.issues[0]?.message,
    ).toContain('empty');
    expect(TheoryWeightTableSchema.safeParse({ level: 3, weights: { a: 100 } }).success).toBe(
      false,
    );
    expect(
      TheoryWeightTableSchema.safeParse({ level: 3, weights: { A: 120, B: -20 } }).success,
    ).toBe(false);
  });
});
