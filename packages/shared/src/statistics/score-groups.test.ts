import { describe, expect, it } from 'vitest';
import { GROUP_LOWER, GROUP_UPPER, groupSize, scoreGroups } from './score-groups';

describe('groupSize', () => {
  it('is round(27 %) of n, at least 1 and at most half', () => {
    expect(groupSize(1000, 0.27)).toBe(270);
    expect(groupSize(10, 0.27)).toBe(3); // 2.7 → 3
    expect(groupSize(5, 0.27)).toBe(1); // 1.35 → 1
    expect(groupSize(3, 0.5)).toBe(1); // 1.5 → 2, capped at ⌊3/2⌋
    expect(groupSize(2, 0.27)).toBe(1);
    expect(groupSize(1, 0.27)).toBe(0);
  });
});

describe('scoreGroups', () => {
  it('takes the highest and lowest totals, breaking ties by row order', () => {
    // totals by row: 5 3 3 3 1 8; ranking (desc, then row): r5(8) r0(5) r1(3) r2(3) r3(3) r4(1)
    // g = round(.5·6) = 3 → upper r5 r0 r1; lower r4 r3 r2
    const groups = scoreGroups(Float64Array.of(5, 3, 3, 3, 1, 8), 0.5);
    expect(groups.size).toBe(3);
    expect([...groups.membership]).toEqual([
      GROUP_UPPER,
      GROUP_UPPER,
      GROUP_LOWER,
      GROUP_LOWER,
      GROUP_LOWER,
      GROUP_UPPER,
    ]);
  });

  it('with g = 2 of tied middle rows, the earlier row goes up', () => {
    const groups = scoreGroups(Float64Array.of(3, 2, 2, 1, 0), 0.4);
    expect([...groups.membership]).toEqual([1, 1, 0, -1, -1]);
    const swapped = scoreGroups(Float64Array.of(3, 2, 2, 1, 0).reverse(), 0.4);
    // rows 0 1 2 2 3: ranking r4 r2 r3 r1 r0 → the tied r2 (earlier) goes up, r3 stays out
    expect([...swapped.membership]).toEqual([-1, -1, 1, 0, 1]);
  });

  it('is empty below two candidates and refuses a bad fraction', () => {
    expect(scoreGroups(Float64Array.of(4)).size).toBe(0);
    expect(() => scoreGroups(Float64Array.of(1, 2), 0.6)).toThrow(/fraction/);
    expect(() => scoreGroups(Float64Array.of(1, 2), 0)).toThrow(/fraction/);
  });
});
