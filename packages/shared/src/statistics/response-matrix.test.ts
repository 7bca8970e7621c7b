import { describe, expect, it } from 'vitest';
import {
  buildResponseMatrix,
  optionMask,
  optionsOfMask,
  validateResponseMatrix,
} from './response-matrix';

describe('option masks', () => {
  it('round-trips option letters through a bit mask', () => {
    expect(optionMask(['A'])).toBe(1);
    expect(optionMask(['A', 'C'])).toBe(5);
    expect(optionMask(['F'])).toBe(32);
    expect(optionsOfMask(optionMask(['E', 'B']))).toEqual(['B', 'E']);
    expect(optionsOfMask(0)).toEqual([]);
  });
});

describe('buildResponseMatrix', () => {
  const items = [
    { id: 'Q1', maxPoints: 1, options: ['A', 'B'] as const, key: ['A'] as const },
    { id: 'Q2', maxPoints: 2 },
  ];

  it('stores rows row-major with omitted cells marked', () => {
    const matrix = buildResponseMatrix(items, [
      { candidateId: 'a', cells: [{ score: 1, chosen: ['A'] }, { score: 1.5 }] },
      { candidateId: 'b', cells: [undefined, { score: 0, omitted: true }] },
    ]);
    expect([...matrix.scores]).toEqual([1, 1.5, 0, 0]);
    expect([...matrix.omitted]).toEqual([0, 0, 1, 1]);
    expect([...(matrix.choices ?? [])]).toEqual([1, 0, 0, 0]);
  });

  it('names the candidate and item of a score out of range', () => {
    expect(() =>
      buildResponseMatrix(items, [{ candidateId: 'zs', cells: [{ score: 1 }, { score: 2.5 }] }]),
    ).toThrow('candidate "zs", item "Q2": score 2.5 is outside [0, 2]');
    expect(() =>
      buildResponseMatrix(items, [
        { candidateId: 'ls', cells: [{ score: Number.NaN }, undefined] },
      ]),
    ).toThrow(/candidate "ls", item "Q1": score NaN/);
  });

  it('refuses a row of the wrong length, a duplicate item and a bad maximum', () => {
    expect(() => buildResponseMatrix(items, [{ candidateId: 'w', cells: [undefined] }])).toThrow(
      'candidate "w" has 1 cells; expected 2',
    );
    expect(() =>
      buildResponseMatrix(
        [
          { id: 'X', maxPoints: 1 },
          { id: 'X', maxPoints: 1 },
        ],
        [],
      ),
    ).toThrow('duplicate item id "X"');
    expect(() => buildResponseMatrix([{ id: 'Z', maxPoints: 0 }], [])).toThrow(
      /item "Z" \(column 1\) has maxPoints 0/,
    );
  });

  it('checks the typed arrays have one cell per candidate and item', () => {
    expect(() =>
      validateResponseMatrix({
        candidateIds: ['a', 'b'],
        items: [{ id: 'Q', maxPoints: 1 }],
        scores: new Float64Array(1),
        omitted: new Uint8Array(2),
      }),
    ).toThrow(/expected 2 cells/);
    expect(() =>
      validateResponseMatrix({
        candidateIds: ['a'],
        items: [{ id: 'Q', maxPoints: 1 }],
        scores: Float64Array.of(1),
        omitted: Uint8Array.of(1),
      }),
    ).toThrow('candidate "a", item "Q": omitted but scored 1');
  });
});
