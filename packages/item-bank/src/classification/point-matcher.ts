import type { PointSuggestionSchema } from '@skillexam/shared';
import type { z } from 'zod';
import { normalizeText, wordRuns } from '../search/normalize-text';

/*
 * 分类建议: which 鉴定点 an unclassified item most likely belongs to (docs/decisions/0641).
 * Pure domain logic, no IO. A 鉴定点 is described by its own name (weight 2) and the names of
 * the 鉴定范围 above it (weight 1). Texts become terms: character bigrams of Chinese (and other
 * letter) runs, whole Latin/digit words. Each term is weighted by its rarity among the points
 * (idf), so a bigram every point shares (「知识」) says little and one only 「触电急救」 has says a
 * lot. The score is the cosine between the point's weighted terms and the item's terms (each
 * weighted by its idf), 0–1: long 鉴定点 names are not penalised for the words an item does not
 * repeat, and one rare shared term (「照明」) outweighs a common one (「保护」). Terms carried by more
 * than maxPostings points are dropped as stop terms, which bounds the work per item: at most
 * (item terms × maxPostings) additions, whatever the size of the bank.
 */

export interface PointProfile {
  readonly id: string;
  /** Full code, e.g. `B-A-002`. */
  readonly path: string;
  readonly name: string;
  /** Names of the 鉴定范围 from the top down to the point's own range. */
  readonly rangeNames: readonly string[];
}

/** A suggested 鉴定点 and its score (the type is shared's, where the workbench gets it). */
export type PointSuggestion = z.infer<typeof PointSuggestionSchema>;

export interface PointMatcher {
  /** The best `limit` points for a text, best first; only points sharing a term. */
  suggest(text: string, limit?: number): PointSuggestion[];
}

export const NAME_WEIGHT = 2;
export const RANGE_WEIGHT = 1;
export const SUGGESTION_COUNT = 3;
/** A term carried by more points than this is too common to tell points apart. */
export function maxPostings(pointCount: number): number {
  return Math.max(32, Math.ceil(pointCount / 8));
}

/** Bigrams of letter runs (CJK), whole ASCII words and numbers; deduplicated. */
export function matchTerms(text: string): Set<string> {
  const terms = new Set<string>();
  for (const run of wordRuns(normalizeText(text))) {
    for (const part of run.match(/[a-z0-9]+|[^a-z0-9]+/g) ?? []) {
      if (/^[a-z0-9]/.test(part)) {
        if (part.length >= 2) terms.add(part);
        continue;
      }
      const chars = Array.from(part);
      for (let index = 0; index < chars.length - 1; index += 1) {
        terms.add(`${chars[index] ?? ''}${chars[index + 1] ?? ''}`);
      }
    }
  }
  return terms;
}

interface Posting {
  readonly point: number;
  /** The term's weight in the point times its idf (the item side's weight). */
  readonly weight: number;
}

/** Builds the term index of the points once; suggestions then touch only shared terms. */
export function createPointMatcher(points: readonly PointProfile[]): PointMatcher {
  const fieldWeights = points.map((point) => {
    const weights = new Map<string, number>();
    for (const name of point.rangeNames) {
      for (const term of matchTerms(name)) weights.set(term, RANGE_WEIGHT);
    }
    for (const term of matchTerms(point.name)) weights.set(term, NAME_WEIGHT);
    return weights;
  });
  const documentFrequency = new Map<string, number>();
  for (const weights of fieldWeights) {
    for (const term of weights.keys()) {
      documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
    }
  }
  const cap = maxPostings(points.length);
  const index = new Map<string, Posting[]>();
  const idf = new Map<string, number>();
  const norms = new Float64Array(points.length);
  fieldWeights.forEach((weights, point) => {
    for (const [term, fieldWeight] of weights) {
      const df = documentFrequency.get(term) ?? 1;
      if (df > cap) continue;
      const termIdf = Math.log(1 + points.length / df);
      idf.set(term, termIdf);
      const weight = fieldWeight * termIdf;
      norms[point] = (norms[point] ?? 0) + weight * weight;
      let postings = index.get(term);
      if (postings === undefined) {
        postings = [];
        index.set(term, postings);
      }
      postings.push({ point, weight: weight * termIdf });
    }
  });
  for (let point = 0; point < norms.length; point += 1) {
    norms[point] = Math.sqrt(norms[point] ?? 0);
  }
  const scores = new Float64Array(points.length);

  return {
    suggest(text, limit = SUGGESTION_COUNT) {
      const touched: number[] = [];
      let itemNorm = 0;
      for (const term of matchTerms(text)) {
        const postings = index.get(term);
        if (postings === undefined) continue;
        itemNorm += (idf.get(term) ?? 0) ** 2;
        for (const posting of postings) {
          if (scores[posting.point] === 0) touched.push(posting.point);
          scores[posting.point] = (scores[posting.point] ?? 0) + posting.weight;
        }
      }
      const best: { point: number; score: number }[] = [];
      for (const point of touched) {
        const norm = (norms[point] ?? 0) * Math.sqrt(itemNorm);
        const score = norm > 0 ? Math.round(((scores[point] ?? 0) / norm) * 1000) / 1000 : 0;
        scores[point] = 0;
        if (score <= 0) continue;
        const entry = { point, score };
        let at = best.length;
        while (at > 0 && ranksBefore(entry, best[at - 1], points)) at -= 1;
        if (at < limit) {
          best.splice(at, 0, entry);
          if (best.length > limit) best.pop();
        }
      }
      return best.flatMap(({ point, score }) => {
        const profile = points[point];
        return profile === undefined
          ? []
          : [{ pointId: profile.id, path: profile.path, name: profile.name, score }];
      });
    },
  };
}

/** Higher score first; equal scores by 鉴定点 code, so the order never depends on input order. */
function ranksBefore(
  a: { point: number; score: number },
  b: { point: number; score: number } | undefined,
  points: readonly PointProfile[],
): boolean {
  if (b === undefined) return false;
  if (a.score !== b.score) return a.score > b.score;
  return (points[a.point]?.path ?? '') < (points[b.point]?.path ?? '');
}
