import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeText } from '../search/normalize-text';
import { bigramSet, diceSimilarity, findSimilar } from './similarity';

const grams = (text: string) => bigramSet(normalizeText(text));

describe('near-duplicate similarity', () => {
  it('ignores punctuation, width and spacing', () => {
    expect(diceSimilarity(grams('电缆，敷设 ABC'), grams('电缆敷设abc'))).toBe(1);
    expect(diceSimilarity(grams('电缆敷设'), grams('变压器油'))).toBe(0);
  });

  it('scores a one-word insertion in a long stem above 0.85', () => {
    const a = grams('电力电缆敷设时，最小弯曲半径应符合哪项规定？');
    const b = grams('电力电缆敷设时，最小弯曲半径应符合下列哪项规定？');
    expect(diceSimilarity(a, b)).toBeGreaterThan(0.85);
    expect(findSimilar(a, [{ id: 'b', grams: b }])).toHaveLength(1);
  });

  it('is symmetric and between 0 and 1', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (x, y) => {
        const s = diceSimilarity(grams(x), grams(y));
        expect(s).toBe(diceSimilarity(grams(y), grams(x)));
        expect(s).toBeGreaterThanOrEqual(0);
        expect(s).toBeLessThanOrEqual(1);
      }),
      { numRuns: 200 },
    );
  });
});
