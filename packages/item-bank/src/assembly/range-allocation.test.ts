import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocateByLargestRemainder } from './range-allocation';

const counts = (total: number, weights: Record<string, number>) =>
  allocateByLargestRemainder(
    total,
    Object.entries(weights).map(([path, weight]) => ({ path, weight })),
  ).map((quota) => [quota.path, quota.count]);

describe('largest-remainder allocation', () => {
  it('allocates 190 items over a level-3 weight table', () => {
    // Quotas 9.5, 28.5, 38, 47.5, 38, 28.5: three .5 remainders, two spare items → A-A, A-B.
    expect(
      counts(190, { 'A-A': 5, 'A-B': 15, 'B-A': 20, 'B-B': 25, 'B-C': 20, 'B-D': 15 }),
    ).toEqual([
      ['A-A', 10],
      ['A-B', 29],
      ['B-A', 38],
      ['B-B', 47],
      ['B-C', 38],
      ['B-D', 28],
    ]);
  });

  it('gives spare items to the largest remainders, not the largest weights', () => {
    // 10 × (33.4, 33.3, 33.3) % = 3.34, 3.33, 3.33 → floors 3, 3, 3 and the spare goes to A.
    expect(counts(10, { A: 33.4, B: 33.3, C: 33.3 })).toEqual([
      ['A', 4],
      ['B', 3],
      ['C', 3],
    ]);
    // 7 × (40, 35, 25) % = 2.8, 2.45, 1.75 → 2, 2, 1 + spares to A (.8) and C (.75).
    expect(counts(7, { A: 40, B: 35, C: 25 })).toEqual([
      ['A', 3],
      ['B', 2],
      ['C', 2],
    ]);
  });

  it('always sums to the total and stays within one of each exact quota', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 400 }),
        fc.array(fc.integer({ min: 1, max: 60 }), { minLength: 1, maxLength: 8 }),
        (total, weights) => {
          const quotas = allocateByLargestRemainder(
            total,
            weights.map((weight, index) => ({ path: String.fromCharCode(65 + index), weight })),
          );
          expect(quotas.reduce((sum, q) => sum + q.count, 0)).toBe(total);
          for (const q of quotas) {
            expect(q.count).toBeGreaterThanOrEqual(Math.floor(q.quota + 1e-9));
            expect(q.count).toBeLessThanOrEqual(Math.ceil(q.quota - 1e-9));
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
