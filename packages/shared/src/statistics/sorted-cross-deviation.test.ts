import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sortedCrossDeviation } from './sorted-cross-deviation';

/** The definition, written plainly: sort both columns, pair by rank. */
function oracle(x: number[], rest: number[], mx: number, mr: number): number {
  const xs = [...x].sort((p, q) => p - q);
  const rs = [...rest].sort((p, q) => p - q);
  return xs.reduce((sum, value, i) => sum + (value - mx) * ((rs[i] ?? 0) - mr), 0);
}

function run(rows: readonly (readonly number[])[], item: number): { fast: number; slow: number } {
  const n = rows.length;
  const k = rows[0]?.length ?? 0;
  const scores = Float64Array.from(rows.flat());
  const totals = Float64Array.from(rows, (row) => row.reduce((s, v) => s + v, 0));
  const ascending = Uint32Array.from(rows.keys()).sort(
    (p, q) => (totals[p] ?? 0) - (totals[q] ?? 0),
  );
  const x = rows.map((row) => row[item] ?? 0);
  const rest = rows.map((row, c) => (totals[c] ?? 0) - (row[item] ?? 0));
  const mx = x.reduce((s, v) => s + v, 0) / n;
  const mr = rest.reduce((s, v) => s + v, 0) / n;
  const fast = sortedCrossDeviation(
    { scores, itemCount: k, item, totals, ascending, meanX: mx, meanRest: mr },
    { a: new Float64Array(n), b: new Float64Array(n) },
  );
  return { fast, slow: oracle(x, rest, mx, mr) };
}

describe('sortedCrossDeviation', () => {
  it('matches the hand computation of Moodle covmax (I3 of the 5 × 3 example)', () => {
    // x↑ 0 0 0 1 1 (mean .4), R↑ 0 1 1 2 2 (mean 1.2): Σ = .48 + .08 + .08 + .48 + .48 = 1.6
    const { fast } = run(
      [
        [1, 1, 1],
        [1, 1, 0],
        [1, 0, 1],
        [0, 1, 0],
        [0, 0, 0],
      ],
      2,
    );
    expect(fast).toBeCloseTo(1.6, 12);
  });

  it('equals sorting both columns, for few (merge) and many (sort) distinct scores', () => {
    const steps = fc.integer({ min: 1, max: 40 });
    fc.assert(
      fc.property(
        steps.chain((step) =>
          fc.array(fc.array(fc.integer({ min: 0, max: step }), { minLength: 3, maxLength: 3 }), {
            minLength: 1,
            maxLength: 60,
          }),
        ),
        fc.integer({ min: 0, max: 2 }),
        (rows, item) => {
          const { fast, slow } = run(rows, item);
          expect(fast).toBeCloseTo(slow, 8);
        },
      ),
      { numRuns: 150 },
    );
  });
});
