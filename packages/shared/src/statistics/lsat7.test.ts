import { describe, expect, it } from 'vitest';
import { analyzeResponses } from './analyze-responses';
import { buildResponseMatrix, type ResponseRow } from './response-matrix';

/*
 * Reference data set: LSAT section 7, 5 dichotomous items, 1,000 examinees
 * (Bock, R. D. & Lieberman, M. (1970). Fitting a response model for n dichotomously scored
 * items. Psychometrika 35(2), 179–197). Distributed as response patterns with frequencies in
 * R: mirt::LSAT7 and psych::bock.table (column Ob7); the frequencies below were checked against
 * psych's bock.table as published in the Rdatasets collection (csv/psych/bock.table.csv).
 *
 * Published figures:
 *   item facilities (proportion correct)  .828 .658 .772 .606 .843
 *   psych::alpha(lsat7) raw_alpha          0.453   (R psych package)
 */
const LSAT7_PATTERNS: Readonly<Record<string, number>> = {
  '00000': 12, '00001': 19, '00010': 1, '00011': 7, '00100': 3, '00101': 19, '00110': 3,
  '00111': 17, '01000': 10, '01001': 5, '01010': 3, '01011': 7, '01100': 7, '01101': 23,
  '01110': 8, '01111': 28, '10000': 7, '10001': 39, '10010': 11, '10011': 34, '10100': 14,
  '10101': 51, '10110': 15, '10111': 90, '11000': 6, '11001': 25, '11010': 7, '11011': 35,
  '11100': 18, '11101': 136, '11110': 32, '11111': 308,
}; // prettier-ignore

function lsat7Rows(): ResponseRow[] {
  const rows: ResponseRow[] = [];
  for (const [pattern, frequency] of Object.entries(LSAT7_PATTERNS)) {
    for (let copy = 0; copy < frequency; copy += 1) {
      rows.push({
        candidateId: `L${rows.length + 1}`,
        cells: [...pattern].map((digit) => ({ score: Number(digit) })),
      });
    }
  }
  return rows;
}

/** Plain Pearson correlation, written independently of the library as an oracle. */
function pearson(a: readonly number[], b: readonly number[]): number {
  const ma = a.reduce((s, v) => s + v, 0) / a.length;
  const mb = b.reduce((s, v) => s + v, 0) / b.length;
  let sab = 0;
  let saa = 0;
  let sbb = 0;
  a.forEach((v, i) => {
    const w = b[i] ?? 0;
    sab += (v - ma) * (w - mb);
    saa += (v - ma) ** 2;
    sbb += (w - mb) ** 2;
  });
  return sab / Math.sqrt(saa * sbb);
}

describe('LSAT7 (Bock & Lieberman 1970), the published reference data set', () => {
  const rows = lsat7Rows();
  const items = [1, 2, 3, 4, 5].map((i) => ({ id: `Item.${i}`, maxPoints: 1 }));
  const result = analyzeResponses(buildResponseMatrix(items, rows));

  it('has 1,000 examinees and the published item facilities', () => {
    expect(rows).toHaveLength(1000);
    expect(result.items.map((item) => item.facility)).toEqual([0.828, 0.658, 0.772, 0.606, 0.843]);
  });

  it('matches psych::alpha raw_alpha 0.453 to 3 decimals, as KR-20', () => {
    expect(result.test.cronbachAlpha?.toFixed(3)).toBe('0.453');
    expect(result.test.kr20?.toFixed(3)).toBe('0.453');
  });

  it('agrees with an independent item–rest correlation for every item', () => {
    items.forEach((_, j) => {
      const x = rows.map((row) => row.cells[j]?.score ?? 0);
      const rest = rows.map(
        (row) =>
          row.cells.reduce((s, cell) => s + (cell?.score ?? 0), 0) - (x[rows.indexOf(row)] ?? 0),
      );
      expect(result.items[j]?.correctedPointBiserial).toBeCloseTo(pearson(x, rest), 10);
    });
  });

  it('has mean 3.707 (the sum of the facilities) and SEM = SD·√(1 − alpha)', () => {
    const { mean, standardDeviation, cronbachAlpha, standardErrorOfMeasurement } = result.test;
    expect(mean).toBeCloseTo(3.707, 12);
    expect(standardErrorOfMeasurement).toBeCloseTo(
      (standardDeviation ?? 0) * Math.sqrt(1 - (cronbachAlpha ?? 0)),
      12,
    );
    expect(result.test.histogram.reduce((s, bin) => s + bin.count, 0)).toBe(1000);
  });
});
