import { wordRuns } from '../search/normalize-text';

/*
 * Near-duplicate measure: the Sørensen–Dice coefficient over the sets of character bigrams of
 * the normalized text, punctuation and spaces removed (docs/decisions/0104). 1 = same bigrams,
 * 0 = none shared. Items scoring ≥ 0.85 against another item of the same 鉴定点 are flagged.
 */

export const NEAR_DUPLICATE_THRESHOLD = 0.85;

/** The bigram set of a text as a sorted array of 32-bit codes (fast to intersect). */
export function bigramSet(normalized: string): Uint32Array {
  const chars = Array.from(wordRuns(normalized).join(''));
  const codes = new Set<number>();
  if (chars.length === 1) codes.add(chars[0]?.codePointAt(0) ?? 0);
  for (let index = 0; index < chars.length - 1; index += 1) {
    const a = chars[index]?.codePointAt(0) ?? 0;
    const b = chars[index + 1]?.codePointAt(0) ?? 0;
    codes.add((Math.imul(a, 0x10001) ^ (b * 31 + 0x9e37)) >>> 0);
  }
  return Uint32Array.from(codes).sort();
}

export function diceSimilarity(a: Uint32Array, b: Uint32Array): number {
  if (a.length === 0 && b.length === 0) return 1;
  if (a.length === 0 || b.length === 0) return 0;
  let i = 0;
  let j = 0;
  let shared = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] ?? 0;
    const y = b[j] ?? 0;
    if (x === y) {
      shared += 1;
      i += 1;
      j += 1;
    } else if (x < y) i += 1;
    else j += 1;
  }
  return (2 * shared) / (a.length + b.length);
}

/** Upper bound of Dice from the set sizes alone: skips most comparisons cheaply. */
export function couldReach(a: Uint32Array, b: Uint32Array, threshold: number): boolean {
  const small = Math.min(a.length, b.length);
  return (2 * small) / (a.length + b.length) >= threshold;
}

export interface SimilarityCandidate {
  readonly id: string;
  readonly grams: Uint32Array;
}

export interface SimilarityMatch {
  readonly id: string;
  readonly similarity: number;
}

/** Candidates at or above the threshold, most similar first. */
export function findSimilar(
  grams: Uint32Array,
  candidates: Iterable<SimilarityCandidate>,
  threshold = NEAR_DUPLICATE_THRESHOLD,
): SimilarityMatch[] {
  const matches: SimilarityMatch[] = [];
  for (const candidate of candidates) {
    if (!couldReach(grams, candidate.grams, threshold)) continue;
    const similarity = diceSimilarity(grams, candidate.grams);
    if (similarity >= threshold) {
      matches.push({ id: candidate.id, similarity: Math.round(similarity * 1000) / 1000 });
    }
  }
  return matches.sort((x, y) => y.similarity - x.similarity);
}
