import { poissonBinomialUpperTail } from './poisson-binomial';

/*
 * Answer similarity within a room (docs/decisions/1032-answer-similarity-index.md): Wesolowsky's
 * model (2000, "Detecting excessive similarity in answers on multiple choice exams", Journal of
 * Applied Statistics 27(7), 909–921) of how likely two independent candidates are to give the
 * same answer, applied to identical WRONG answers with an exact tail:
 *
 *   - candidate j is right on item i with p_ij = (1 − (1 − r_i)^a_j)^(1/a_j), r_i the exam's
 *     proportion right on item i and a_j set so that Σ_i p_ij = j's number right;
 *   - two independent candidates give the same wrong answer to item i with probability
 *     w_i = (1 − p_ij)(1 − p_ik) · Σ_o π_io|g(j) π_io|g(k), π_io|g the share of answer o among the
 *     wrong answers to i of the candidates in score band g (the exam's score deciles: weaker
 *     candidates favour the same distractors, which Σ_o π_io² over everyone would take for
 *     copying);
 *   - the count m of identical wrong answers (items both answered) is then Poisson-binomial, and
 *     the pair's index is p = P(X ≥ m).
 *
 * A room's pairs are flagged at a family-wise α by Bonferroni over its n(n−1)/2 pairs. Pure.
 */

export interface ExamineeResponses {
  readonly id: string;
  /** Score band (0-based) within the whole exam, e.g. the quintile of the total. */
  readonly band: number;
  /** Per objective item, in paper order: the response code (`B`, `AC`, `T`), null when omitted. */
  readonly responses: readonly (string | null)[];
  /** Per item: whether the response is the key. */
  readonly correct: readonly boolean[];
}

/** What the whole exam (every site) says about one objective item. */
export interface ItemTally {
  /** Candidates who sat the item (answered or not). */
  readonly sat: number;
  readonly right: number;
  /** Per score band: the wrong answers given, by response code. */
  readonly wrongByBand: readonly ReadonlyMap<string, number>[];
}

export interface ItemRates {
  /** r_i: proportion right, kept inside (0, 1). */
  readonly pRight: readonly number[];
  readonly bands: number;
  /** Per item, bands × bands: Σ_o π_io|g π_io|h, the chance two wrong answers are the same. */
  readonly sameWrong: readonly Float64Array[];
}

/** Shares of each wrong answer in one band, smoothed by half a count over the answers seen. */
function wrongShares(counts: ReadonlyMap<string, number> | undefined, codes: readonly string[]) {
  const kinds = Math.max(codes.length, 2);
  const total = codes.reduce((acc, code) => acc + (counts?.get(code) ?? 0), 0) + 0.5 * kinds;
  return {
    shares: codes.map((code) => ((counts?.get(code) ?? 0) + 0.5) / total),
    rest: (kinds - codes.length) * (0.5 / total),
  };
}

/** r_i and the band-by-band Σπ², smoothed so no item is certain or impossible. */
export function itemRates(tallies: readonly ItemTally[], bands: number): ItemRates {
  return {
    pRight: tallies.map((t) => (t.right + 0.5) / (t.sat + 1)),
    bands,
    sameWrong: tallies.map(({ wrongByBand }) => {
      const codes = [...new Set(wrongByBand.flatMap((band) => [...band.keys()]))];
      const perBand = Array.from({ length: bands }, (_, g) => wrongShares(wrongByBand[g], codes));
      const matrix = new Float64Array(bands * bands);
      for (let g = 0; g < bands; g += 1) {
        for (let h = 0; h < bands; h += 1) {
          const x = perBand[g];
          const y = perBand[h];
          if (x === undefined || y === undefined) continue;
          const dot = x.shares.reduce((acc, share, o) => acc + share * (y.shares[o] ?? 0), 0);
          // the unseen answers: spread evenly, so their products are rest_g · rest_h / unseen
          const unseen = Math.max(2 - codes.length, 0);
          matrix[g * bands + h] = Math.min(
            1,
            dot + (unseen === 0 ? 0 : (x.rest * y.rest) / unseen),
          );
        }
      }
      return matrix;
    }),
  };
}

function rightProbabilities(pRight: readonly number[], a: number): number[] {
  return pRight.map((r) => Math.min(0.9999, (1 - (1 - r) ** a) ** (1 / a)));
}

/** p_ij for every item: a_j found by bisection (on log a) so the p_ij sum to j's number right. */
export function personRightProbabilities(pRight: readonly number[], numberRight: number): number[] {
  const target = Math.min(Math.max(numberRight, 0.5), pRight.length - 0.5);
  let lo = Math.log(1e-4);
  let hi = Math.log(1e4);
  for (let step = 0; step < 40; step += 1) {
    const mid = (lo + hi) / 2;
    const sum = rightProbabilities(pRight, Math.exp(mid)).reduce((acc, p) => acc + p, 0);
    if (sum < target) lo = mid;
    else hi = mid;
  }
  return rightProbabilities(pRight, Math.exp((lo + hi) / 2));
}

export interface PairSimilarity {
  readonly a: string;
  readonly b: string;
  /** Indexes (among the objective items, paper order) of the identical wrong answers. */
  readonly identicalWrong: readonly number[];
  /** Σ w_i: the identical wrong answers chance predicts for this pair. */
  readonly expected: number;
  /** P(X ≥ identicalWrong.length) for independent candidates. */
  readonly p: number;
}

interface Prepared {
  readonly examinee: ExamineeResponses;
  readonly wrongProbability: readonly number[];
}

function prepare(examinee: ExamineeResponses, rates: ItemRates): Prepared {
  const numberRight = examinee.correct.filter((c) => c).length;
  const p = personRightProbabilities(rates.pRight, numberRight);
  return { examinee, wrongProbability: p.map((x) => 1 - x) };
}

function comparePrepared(x: Prepared, y: Prepared, rates: ItemRates): PairSimilarity {
  const probabilities: number[] = [];
  const identicalWrong: number[] = [];
  const a = x.examinee;
  const b = y.examinee;
  for (let i = 0; i < rates.pRight.length; i += 1) {
    const ra = a.responses[i];
    const rb = b.responses[i];
    if (ra === null || ra === undefined || rb === null || rb === undefined) continue;
    const same = rates.sameWrong[i]?.[a.band * rates.bands + b.band] ?? 1;
    const w = (x.wrongProbability[i] ?? 1) * (y.wrongProbability[i] ?? 1) * same;
    probabilities.push(w);
    if (ra === rb && a.correct[i] !== true) identicalWrong.push(i);
  }
  return {
    a: a.id,
    b: b.id,
    identicalWrong,
    expected: probabilities.reduce((acc, p) => acc + p, 0),
    p: poissonBinomialUpperTail(probabilities, identicalWrong.length),
  };
}

export function pairSimilarity(
  a: ExamineeResponses,
  b: ExamineeResponses,
  rates: ItemRates,
): PairSimilarity {
  return comparePrepared(prepare(a, rates), prepare(b, rates), rates);
}

export interface RoomSimilarity {
  readonly pairsTested: number;
  /** The per-pair p at or below which a pair is flagged: familyAlpha / pairsTested. */
  readonly threshold: number;
  readonly flagged: readonly PairSimilarity[];
}

/** Score bands for an exam of n candidates: deciles, fewer when a band would hold under 50. */
export function scoreBandCount(candidates: number): number {
  return Math.min(10, Math.max(1, Math.floor(candidates / 50)));
}

/** Default family-wise false-flag rate per room. */
export const ROOM_FAMILY_ALPHA = 0.01;

/** Every pair of the room (O(n² · items)); flagged pairs sorted by p. */
export function similarPairsInRoom(
  examinees: readonly ExamineeResponses[],
  rates: ItemRates,
  familyAlpha = ROOM_FAMILY_ALPHA,
): RoomSimilarity {
  const prepared = examinees.map((e) => prepare(e, rates));
  const n = prepared.length;
  const pairsTested = (n * (n - 1)) / 2;
  const threshold = pairsTested === 0 ? 0 : familyAlpha / pairsTested;
  const flagged: PairSimilarity[] = [];
  for (let i = 0; i < n; i += 1) {
    for (let j = i + 1; j < n; j += 1) {
      const x = prepared[i];
      const y = prepared[j];
      if (x === undefined || y === undefined) continue;
      const pair = comparePrepared(x, y, rates);
      if (pair.identicalWrong.length > 0 && pair.p <= threshold) flagged.push(pair);
    }
  }
  flagged.sort((u, v) => u.p - v.p);
  return { pairsTested, threshold, flagged };
}
