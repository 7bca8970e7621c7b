import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeResponses } from './analyze-responses';
import type { ItemColumn, ResponseMatrix } from './response-matrix';

/* Properties of the item analysis on random response matrices (partial credit included). */

const matrixArbitrary = fc
  .record({
    n: fc.integer({ min: 2, max: 30 }),
    maxima: fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 6 }),
    seed: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 180, maxLength: 180 }),
  })
  .map(({ n, maxima, seed }): ResponseMatrix => {
    const k = maxima.length;
    const items: ItemColumn[] = maxima.map((max, j) => ({ id: `I${j}`, maxPoints: max / 2 }));
    const scores = new Float64Array(n * k);
    const omitted = new Uint8Array(n * k);
    for (let at = 0; at < n * k; at += 1) {
      const max = maxima[at % k] ?? 1;
      const u = seed[at % seed.length] ?? 0;
      // half-point steps in [0, max/2]; about one in ten omitted
      if (u < 0.1) omitted[at] = 1;
      else scores[at] = Math.floor(((u - 0.1) / 0.9) * (max + 1) * 0.9999) / 2;
    }
    return { candidateIds: Array.from({ length: n }, (_, c) => `c${c}`), items, scores, omitted };
  });

function permuteCandidates(matrix: ResponseMatrix, order: readonly number[]): ResponseMatrix {
  const k = matrix.items.length;
  const scores = new Float64Array(matrix.scores.length);
  const omitted = new Uint8Array(matrix.omitted.length);
  order.forEach((from, to) => {
    scores.set(matrix.scores.subarray(from * k, from * k + k), to * k);
    omitted.set(matrix.omitted.subarray(from * k, from * k + k), to * k);
  });
  return {
    candidateIds: order.map((from) => matrix.candidateIds[from] ?? ''),
    items: matrix.items,
    scores,
    omitted,
  };
}

describe('item analysis properties', () => {
  it('keeps every statistic in its range', () => {
    fc.assert(
      fc.property(matrixArbitrary, (matrix) => {
        const result = analyzeResponses(matrix);
        for (const item of result.items) {
          expect(item.facility).toBeGreaterThanOrEqual(0);
          expect(item.facility).toBeLessThanOrEqual(1);
          expect(item.omitRate).toBeGreaterThanOrEqual(0);
          expect(item.omitRate).toBeLessThanOrEqual(1);
          if (item.correctedPointBiserial !== undefined) {
            expect(Math.abs(item.correctedPointBiserial)).toBeLessThanOrEqual(1 + 1e-9);
          }
          if (item.discriminationD !== undefined) {
            expect(Math.abs(item.discriminationD)).toBeLessThanOrEqual(1 + 1e-12);
          }
          if (
            item.moodleDiscriminativeEfficiency !== undefined &&
            item.moodleDiscriminationIndex !== undefined
          ) {
            // covmax ≥ |cov| (rearrangement inequality), so |efficiency| ≥ |index| is not
            // guaranteed, but efficiency ≤ 100 is.
            expect(item.moodleDiscriminativeEfficiency).toBeLessThanOrEqual(100 + 1e-9);
          }
        }
        if (result.test.cronbachAlpha !== undefined) {
          expect(result.test.cronbachAlpha).toBeLessThanOrEqual(1 + 1e-12);
        }
        expect(result.test.histogram.reduce((s, bin) => s + bin.count, 0)).toBe(
          matrix.candidateIds.length,
        );
      }),
      { numRuns: 100 },
    );
  });

  it('does not depend on the order of candidates (except D, whose ties follow row order)', () => {
    fc.assert(
      fc.property(
        matrixArbitrary.chain((matrix) =>
          fc.tuple(
            fc.constant(matrix),
            fc.shuffledSubarray(
              matrix.candidateIds.map((_, c) => c),
              { minLength: matrix.candidateIds.length },
            ),
          ),
        ),
        ([matrix, order]) => {
          const a = analyzeResponses(matrix);
          const b = analyzeResponses(permuteCandidates(matrix, order));
          a.items.forEach((item, j) => {
            const other = b.items[j];
            expect(other?.facility).toBeCloseTo(item.facility, 12);
            expect(other?.omitRate).toBeCloseTo(item.omitRate, 12);
            expect(other?.correctedPointBiserial === undefined).toBe(
              item.correctedPointBiserial === undefined,
            );
            expect(other?.correctedPointBiserial ?? 0).toBeCloseTo(
              item.correctedPointBiserial ?? 0,
              9,
            );
            expect(other?.moodleDiscriminativeEfficiency ?? 0).toBeCloseTo(
              item.moodleDiscriminativeEfficiency ?? 0,
              9,
            );
          });
          expect(b.test.cronbachAlpha ?? 0).toBeCloseTo(a.test.cronbachAlpha ?? 0, 9);
          expect(b.test.median).toBe(a.test.median);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('gives a perfectly consistent test (identical items) alpha 1 and SEM 0', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 1 }), { minLength: 3, maxLength: 40 }),
        fc.integer({ min: 2, max: 5 }),
        (column, k) => {
          fc.pre(column.includes(0) && column.includes(1));
          const n = column.length;
          const scores = new Float64Array(n * k);
          column.forEach((x, c) => scores.fill(x, c * k, c * k + k));
          const result = analyzeResponses({
            candidateIds: column.map((_, c) => `c${c}`),
            items: Array.from({ length: k }, (_, j) => ({ id: `I${j}`, maxPoints: 1 })),
            scores,
            omitted: new Uint8Array(n * k),
          });
          expect(result.test.cronbachAlpha).toBeCloseTo(1, 9);
          expect(result.test.standardErrorOfMeasurement).toBeCloseTo(0, 6);
          for (const item of result.items) expect(item.correctedPointBiserial).toBeCloseTo(1, 9);
        },
      ),
      { numRuns: 50 },
    );
  });
});
