import { describe, expect, it } from 'vitest';
import { bandOfP, effectiveP } from './difficulty-bands';

describe('difficulty of an item', () => {
  it('uses the measured p when the bank has one, else the nominal p of the rating', () => {
    expect(effectiveP({ difficulty: 3 })).toBe(0.6);
    expect(effectiveP({ difficulty: 1 })).toBe(0.9);
    expect(effectiveP({ difficulty: 5, empiricalP: 0.82 })).toBe(0.82);
  });

  it('bands p at 0.7 and 0.5', () => {
    expect([0.95, 0.7, 0.69, 0.5, 0.49, 0.1].map(bandOfP)).toEqual([
      'easy',
      'easy',
      'medium',
      'medium',
      'hard',
      'hard',
    ]);
    expect([1, 2, 3, 4, 5].map((d) => bandOfP(effectiveP({ difficulty: d })))).toEqual([
      'easy',
      'easy',
      'medium',
      'hard',
      'hard',
    ]);
  });
});
