import { describe, expect, it } from 'vitest';
import { analyzeResponses } from './analyze-responses';
import { buildResponseMatrix, type ItemColumn, type ResponseRow } from './response-matrix';

function scoreRows(table: readonly (readonly number[])[]): ResponseRow[] {
  return table.map((scores, c) => ({
    candidateId: `c${c + 1}`,
    cells: scores.map((score) => ({ score })),
  }));
}

const threeItems: ItemColumn[] = [
  { id: 'I1', maxPoints: 1 },
  { id: 'I2', maxPoints: 1 },
  { id: 'I3', maxPoints: 1 },
];

describe('analyzeResponses: 5 candidates × 3 dichotomous items, by hand', () => {
  // c1: 1 1 1 (T 3)   c2: 1 1 0 (T 2)   c3: 1 0 1 (T 2)   c4: 0 1 0 (T 1)   c5: 0 0 0 (T 0)
  const matrix = buildResponseMatrix(
    threeItems,
    scoreRows([
      [1, 1, 1],
      [1, 1, 0],
      [1, 0, 1],
      [0, 1, 0],
      [0, 0, 0],
    ]),
  );
  const result = analyzeResponses(matrix, { groupFraction: 0.4 });
  const [i1, i2, i3] = result.items;

  it('computes facility and the corrected point-biserial', () => {
    // I1: x = 1 1 1 0 0 (p = .6), rest R = T − x = 2 1 1 1 0 (mean 1)
    //   dx = .4 .4 .4 −.6 −.6; dR = 1 0 0 0 −1; Σdx·dR = .4 + .6 = 1.0
    //   Σdx² = 3·.16 + 2·.36 = 1.2; ΣdR² = 2 → r = 1/√2.4 = .645497
    expect(i1?.facility).toBeCloseTo(0.6, 12);
    expect(i1?.correctedPointBiserial).toBeCloseTo(0.645497, 6);
    // I2: x = 1 1 0 1 0, R = 2 1 2 0 0 (mean 1); dx = .4 .4 −.6 .4 −.6; dR = 1 0 1 −1 −1
    //   Σdx·dR = .4 + 0 − .6 − .4 + .6 = 0 → r = 0
    expect(i2?.facility).toBeCloseTo(0.6, 12);
    expect(i2?.correctedPointBiserial).toBeCloseTo(0, 12);
    // I3: x = 1 0 1 0 0 (p = .4), R = 2 2 1 1 0 (mean 1.2)
    //   dx = .6 −.4 .6 −.4 −.4; dR = .8 .8 −.2 −.2 −1.2; Σdx·dR = .48 − .32 − .12 + .08 + .48 = .6
    //   Σdx² = 1.2; ΣdR² = .64+.64+.04+.04+1.44 = 2.8 → r = .6/√3.36 = .327327
    expect(i3?.facility).toBeCloseTo(0.4, 12);
    expect(i3?.correctedPointBiserial).toBeCloseTo(0.327327, 6);
  });

  it("computes Moodle's discrimination index and discriminative efficiency", () => {
    // Moodle DI = 100·cov(x,R)/√(var x · var R) = 100·r.
    // Efficiency = 100·cov(x,R)/covmax with x and R each sorted ascending:
    //   I1: x↑ 0 0 1 1 1, R↑ 0 1 1 1 2: Σ(−.6)(−1) + (.4)(1) = 1.0 = Σdx·dR → 100
    //   I3: x↑ 0 0 0 1 1, R↑ 0 1 1 2 2 (dR −1.2 −.2 −.2 .8 .8):
    //       Σ = .48 + .08 + .08 + .48 + .48 = 1.6 → 100·.6/1.6 = 37.5
    expect(i1?.moodleDiscriminationIndex).toBeCloseTo(64.5497, 4);
    expect(i1?.moodleDiscriminativeEfficiency).toBeCloseTo(100, 9);
    expect(i2?.moodleDiscriminationIndex).toBeCloseTo(0, 9);
    expect(i2?.moodleDiscriminativeEfficiency).toBeCloseTo(0, 9);
    expect(i3?.moodleDiscriminationIndex).toBeCloseTo(32.7327, 4);
    expect(i3?.moodleDiscriminativeEfficiency).toBeCloseTo(37.5, 9);
  });

  it('computes the upper–lower index with deterministic groups', () => {
    // g = round(.4·5) = 2. Ranking by total (ties by row): c1(3) c2(2) c3(2) c4(1) c5(0)
    // upper = c1, c2; lower = c5, c4.
    // D(I1) = (1+1)/2 − (0+0)/2 = 1; D(I2) = 1 − .5 = .5; D(I3) = .5 − 0 = .5
    expect(result.test.groupSize).toBe(2);
    expect(i1?.discriminationD).toBeCloseTo(1, 12);
    expect(i2?.discriminationD).toBeCloseTo(0.5, 12);
    expect(i2?.upperFacility).toBeCloseTo(1, 12);
    expect(i2?.lowerFacility).toBeCloseTo(0.5, 12);
    expect(i3?.discriminationD).toBeCloseTo(0.5, 12);
  });

  it('computes test statistics: KR-20 = alpha, SEM', () => {
    // totals 3 2 2 1 0: mean 1.6, sample var 5.2/4 = 1.3; item variances .3 .3 .3 (Σ .9)
    // alpha = 3/2 · (1 − .9/1.3) = .461538; SEM = √1.3 · √(1 − .461538) = √.7 = .836660
    expect(result.test.mean).toBeCloseTo(1.6, 12);
    expect(result.test.median).toBe(2);
    expect(result.test.cronbachAlpha).toBeCloseTo(0.461538, 6);
    expect(result.test.kr20).toBeCloseTo(0.461538, 6);
    expect(result.test.standardErrorOfMeasurement).toBeCloseTo(Math.sqrt(0.7), 9);
    expect(result.test.maxTotal).toBe(3);
    expect([...result.totals]).toEqual([3, 2, 2, 1, 0]);
  });

  it('flags the item that does not discriminate', () => {
    expect(i1?.flags).toEqual([]);
    expect(i2?.flags).toEqual([{ code: 'discrimination_low', value: expect.closeTo(0, 9) }]);
    expect(i3?.flags).toEqual([]);
  });
});

describe('analyzeResponses: partial credit', () => {
  // items: A (max 2, partial credit), B (max 1), C (max 1)
  // c1: 2 1 1 (T 4)   c2: 1 1 0 (T 2)   c3: 2 0 1 (T 3)   c4: 0 0 0 (T 0)
  const result = analyzeResponses(
    buildResponseMatrix(
      [
        { id: 'A', maxPoints: 2 },
        { id: 'B', maxPoints: 1 },
        { id: 'C', maxPoints: 1 },
      ],
      scoreRows([
        [2, 1, 1],
        [1, 1, 0],
        [2, 0, 1],
        [0, 0, 0],
      ]),
    ),
  );

  it('uses mean/max for facility and the item–rest Pearson correlation', () => {
    // A: x = 2 1 2 0, mean 1.25 → facility .625; R = 2 1 1 0 (mean 1)
    //   dx = .75 −.25 .75 −1.25; dR = 1 0 0 −1; Σdx·dR = .75 + 1.25 = 2
    //   Σdx² = 2.75, ΣdR² = 2 → r = 2/√5.5 = .852803
    const a = result.items[0];
    expect(a?.isDichotomous).toBe(false);
    expect(a?.facility).toBeCloseTo(0.625, 12);
    expect(a?.correctedPointBiserial).toBeCloseTo(0.852803, 6);
    // g = round(.27·4) = 1: upper c1 (T 4), lower c4 (T 0) → D = (2 − 0)/2 = 1
    expect(a?.discriminationD).toBeCloseTo(1, 12);
  });

  it('reports alpha but not KR-20', () => {
    // totals 4 2 3 0: mean 2.25, Σd² = 3.0625+.0625+.5625+5.0625 = 8.75 → var 2.916667
    // item variances: A 2.75/3 = .916667, B 1/3, C 1/3 → Σ 1.583333
    // alpha = 1.5 · (1 − 1.583333/2.916667) = .685714
    expect(result.test.cronbachAlpha).toBeCloseTo(0.685714, 6);
    expect(result.test.kr20).toBeUndefined();
    expect(result.test.maxTotal).toBe(4);
  });
});

describe('analyzeResponses: distractor analysis and omits', () => {
  // item Q (options A–D, key B) and an anchor item S (0–5) that sets the ranking:
  // r1: B, 5 (T 6)  r2: C, 5 (T 5)  r3: B, 4 (T 5)  r4: D, 1 (T 1)  r5: A, 1 (T 1)  r6: —, 0 (T 0)
  // g = 3 (fraction .5): upper r1 r2 r3, lower r6 r5 r4
  const items: ItemColumn[] = [
    { id: 'Q', maxPoints: 1, options: ['A', 'B', 'C', 'D'], key: ['B'] },
    { id: 'S', maxPoints: 5 },
  ];
  const rows: ResponseRow[] = [
    ['B', 5],
    ['C', 5],
    ['B', 4],
    ['D', 1],
    ['A', 1],
    [undefined, 0],
  ].map(([option, anchor], c) => ({
    candidateId: `r${c + 1}`,
    cells: [
      option === undefined
        ? undefined
        : { score: option === 'B' ? 1 : 0, chosen: [option as 'A' | 'B' | 'C' | 'D'] },
      { score: Number(anchor) },
    ],
  }));
  const q = analyzeResponses(buildResponseMatrix(items, rows), { groupFraction: 0.5 }).items[0];

  it('reports choice rates overall and per group', () => {
    expect(q?.omitRate).toBeCloseTo(1 / 6, 12);
    expect(q?.upperOmitRate).toBe(0);
    expect(q?.lowerOmitRate).toBeCloseTo(1 / 3, 12);
    expect(q?.options).toEqual([
      { option: 'A', isKey: false, rate: 1 / 6, upperRate: 0, lowerRate: 1 / 3 },
      { option: 'B', isKey: true, rate: 2 / 6, upperRate: 2 / 3, lowerRate: 0 },
      { option: 'C', isKey: false, rate: 1 / 6, upperRate: 1 / 3, lowerRate: 0 },
      { option: 'D', isKey: false, rate: 1 / 6, upperRate: 0, lowerRate: 1 / 3 },
    ]);
  });

  it('flags the distractor the upper group prefers', () => {
    expect(q?.flags).toContainEqual({
      code: 'distractor_favours_upper',
      value: 1 / 3,
      option: 'C',
    });
    expect(q?.flags.filter((flag) => flag.code === 'distractor_favours_upper')).toHaveLength(1);
  });

  it('counts every option of a multiple-choice answer', () => {
    const multi = buildResponseMatrix(
      [{ id: 'M', maxPoints: 2, options: ['A', 'B', 'C', 'D', 'E'], key: ['A', 'C'] }],
      [
        { candidateId: 'x', cells: [{ score: 2, chosen: ['A', 'C'] }] },
        { candidateId: 'y', cells: [{ score: 0, chosen: ['A', 'D'] }] },
      ],
    );
    const m = analyzeResponses(multi).items[0];
    expect(m?.options?.map((option) => option.rate)).toEqual([1, 0, 0.5, 0.5, 0]);
    expect(m?.options?.filter((option) => option.isKey).map((option) => option.option)).toEqual([
      'A',
      'C',
    ]);
  });
});

describe('analyzeResponses: edge cases', () => {
  it('leaves undefined statistics out instead of returning NaN', () => {
    const one = analyzeResponses(buildResponseMatrix(threeItems, scoreRows([[1, 0, 1]])));
    expect(one.items[0]?.correctedPointBiserial).toBeUndefined();
    expect(one.items[0]?.discriminationD).toBeUndefined();
    expect(one.test.cronbachAlpha).toBeUndefined();
    const constant = analyzeResponses(
      buildResponseMatrix(
        threeItems,
        scoreRows([
          [1, 1, 0],
          [1, 0, 0],
        ]),
      ),
    );
    expect(constant.items[0]?.correctedPointBiserial).toBeUndefined();
    expect(constant.items[0]?.flags).toEqual([{ code: 'facility_high', value: 1 }]);
    expect(constant.items[2]?.flags).toEqual([{ code: 'facility_low', value: 0 }]);
    expect(JSON.stringify(constant.items)).not.toMatch(/NaN|null/);
  });
});
