import { OPTION_IDS, type OptionId } from '../domain/choice-option';
import type { ResponseMatrix } from './response-matrix';
import { GROUP_LOWER, GROUP_UPPER, type ScoreGroups } from './score-groups';
import { sortedCrossDeviation } from './sorted-cross-deviation';

/*
 * Per-item classical statistics from one pass over the response matrix (plus, per item, the
 * rank pairing of Moodle's discriminative efficiency: sorted-cross-deviation.ts). All variances and covariances divide by n − 1, as
 * Moodle's question statistics calculator does; correlations do not depend on that choice.
 *
 * x = item score, T = total score, R = T − x ("rest of test", Moodle's "other marks").
 *   facility          = mean(x) / maxPoints
 *   corrected r_pbis  = cov(x, R) / √(var(x)·var(R))  — for 0/1 items the point-biserial with
 *                       the item removed from the total; for partial credit the item–rest
 *                       Pearson correlation
 *   D (upper–lower)   = (mean x in upper group − mean x in lower group) / maxPoints
 *   Moodle discrimination index     = 100 · cov(x, R) / √(var(x)·var(R))
 *   Moodle discriminative efficiency = 100 · cov(x, R) / covmax(x, R), where covmax pairs the
 *                       sorted x values with the sorted R values (the largest covariance
 *                       those two marginal distributions allow)
 * Source of the Moodle formulas: moodle/moodle question/classes/statistics/questions/
 * calculator.php, `secondary_steps_walker` and `secondary_question_walker`.
 */

export interface OptionStatistics {
  readonly option: OptionId;
  readonly isKey: boolean;
  /** Share of all candidates who chose this option (multiple choice: among others). */
  readonly rate: number;
  readonly upperRate: number;
  readonly lowerRate: number;
}

export interface ItemStatisticsCore {
  readonly itemId: string;
  readonly maxPoints: number;
  /** Candidates who were given the item (omitted responses included). */
  readonly n: number;
  readonly omitRate: number;
  readonly meanScore: number;
  /** p-value: mean score / max points, in [0, 1]. */
  readonly facility: number;
  /** Every score is 0 or maxPoints. */
  readonly isDichotomous: boolean;
  readonly standardDeviation?: number;
  readonly correctedPointBiserial?: number;
  readonly upperFacility?: number;
  readonly lowerFacility?: number;
  /** D = upperFacility − lowerFacility. */
  readonly discriminationD?: number;
  readonly moodleDiscriminationIndex?: number;
  readonly moodleDiscriminativeEfficiency?: number;
  /** Distractor analysis, for items with options. */
  readonly options?: readonly OptionStatistics[];
  readonly upperOmitRate?: number;
  readonly lowerOmitRate?: number;
}

export interface ItemAnalysisResult {
  readonly items: ItemStatisticsCore[];
  /** Sample variance of each item's scores (for alpha). */
  readonly itemVariances: Float64Array;
}

const OPTION_COUNT = OPTION_IDS.length;

export function analyzeItems(
  matrix: ResponseMatrix,
  totals: Float64Array,
  groups: ScoreGroups,
): ItemAnalysisResult {
  const { scores, omitted, choices, items } = matrix;
  const n = totals.length;
  const k = items.length;
  let totalSum = 0;
  for (const total of totals) totalSum += total;
  const totalMean = n > 0 ? totalSum / n : 0;

  const sumX = new Float64Array(k);
  const sumXX = new Float64Array(k);
  const sumXT = new Float64Array(k);
  const sumUpper = new Float64Array(k);
  const sumLower = new Float64Array(k);
  const omits = new Uint32Array(k * 3);
  const nonBinary = new Uint8Array(k);
  const optionCounts = choices === undefined ? undefined : new Uint32Array(k * OPTION_COUNT * 3);
  const maxPoints = Float64Array.from(items, (item) => item.maxPoints);

  let totalVarianceSum = 0;
  for (let c = 0; c < n; c += 1) {
    const row = c * k;
    const centred = (totals[c] ?? 0) - totalMean;
    totalVarianceSum += centred * centred;
    const group = groups.membership[c] ?? 0;
    const slot = group === GROUP_UPPER ? 1 : group === GROUP_LOWER ? 2 : 0;
    for (let j = 0; j < k; j += 1) {
      const x = scores[row + j] ?? 0;
      sumX[j] = (sumX[j] ?? 0) + x;
      sumXX[j] = (sumXX[j] ?? 0) + x * x;
      sumXT[j] = (sumXT[j] ?? 0) + x * centred;
      if (x !== 0 && x !== maxPoints[j]) nonBinary[j] = 1;
      if (slot === 1) sumUpper[j] = (sumUpper[j] ?? 0) + x;
      else if (slot === 2) sumLower[j] = (sumLower[j] ?? 0) + x;
      if (omitted[row + j] === 1) {
        omits[j * 3] = (omits[j * 3] ?? 0) + 1;
        if (slot !== 0) omits[j * 3 + slot] = (omits[j * 3 + slot] ?? 0) + 1;
      }
      if (optionCounts !== undefined) {
        let mask = choices?.[row + j] ?? 0;
        let option = 0;
        while (mask !== 0) {
          if ((mask & 1) === 1) {
            const at = (j * OPTION_COUNT + option) * 3;
            optionCounts[at] = (optionCounts[at] ?? 0) + 1;
            if (slot !== 0) optionCounts[at + slot] = (optionCounts[at + slot] ?? 0) + 1;
          }
          mask >>= 1;
          option += 1;
        }
      }
    }
  }

  const dof = n - 1;
  const totalVariance = dof > 0 ? totalVarianceSum / dof : 0;
  const itemVariances = new Float64Array(k);
  const scratch = { a: new Float64Array(n), b: new Float64Array(n) };
  const ascending = new Uint32Array(n);
  for (let c = 0; c < n; c += 1) ascending[c] = c;
  ascending.sort((p, q) => (totals[p] ?? 0) - (totals[q] ?? 0));
  const g = groups.size;

  const results = items.map((item, j): ItemStatisticsCore => {
    const max = item.maxPoints;
    const meanScore = n > 0 ? (sumX[j] ?? 0) / n : 0;
    const base = {
      itemId: item.id,
      maxPoints: max,
      n,
      omitRate: n > 0 ? (omits[j * 3] ?? 0) / n : 0,
      meanScore,
      facility: meanScore / max,
      isDichotomous: nonBinary[j] === 0,
    };
    if (dof <= 0) return base;
    const varX = Math.max(0, ((sumXX[j] ?? 0) - n * meanScore * meanScore) / dof);
    itemVariances[j] = varX;
    const covXT = (sumXT[j] ?? 0) / dof;
    const covXR = covXT - varX;
    const varR = Math.max(0, totalVariance + varX - 2 * covXT);
    // varR comes from a difference of sums: a constant rest score can leave round-off of
    // order 1e-16 · var(T). Treat variances that small as zero, as they are.
    const tolerance = 1e-12 * (1 + totalVariance + max * max);
    const product = varX > tolerance && varR > tolerance ? varX * varR : 0;
    const r = product > 0 ? covXR / Math.sqrt(product) : undefined;

    let efficiency: number | undefined;
    if (product > 0) {
      const covMax =
        sortedCrossDeviation(
          {
            scores,
            itemCount: k,
            item: j,
            totals,
            ascending,
            meanX: meanScore,
            meanRest: totalMean - meanScore,
          },
          scratch,
        ) / dof;
      if (covMax !== 0) efficiency = (100 * covXR) / covMax;
    }

    const groupStats =
      g > 0
        ? {
            upperFacility: (sumUpper[j] ?? 0) / g / max,
            lowerFacility: (sumLower[j] ?? 0) / g / max,
            discriminationD: ((sumUpper[j] ?? 0) - (sumLower[j] ?? 0)) / g / max,
            upperOmitRate: (omits[j * 3 + 1] ?? 0) / g,
            lowerOmitRate: (omits[j * 3 + 2] ?? 0) / g,
          }
        : {};
    const options =
      optionCounts !== undefined && item.options !== undefined
        ? item.options.map((option): OptionStatistics => {
            const at = (j * OPTION_COUNT + OPTION_IDS.indexOf(option)) * 3;
            return {
              option,
              isKey: item.key?.includes(option) ?? false,
              rate: (optionCounts[at] ?? 0) / n,
              upperRate: g > 0 ? (optionCounts[at + 1] ?? 0) / g : 0,
              lowerRate: g > 0 ? (optionCounts[at + 2] ?? 0) / g : 0,
            };
          })
        : undefined;

    return {
      ...base,
      standardDeviation: Math.sqrt(varX),
      ...(r === undefined ? {} : { correctedPointBiserial: r, moodleDiscriminationIndex: 100 * r }),
      ...(efficiency === undefined ? {} : { moodleDiscriminativeEfficiency: efficiency }),
      ...groupStats,
      ...(options === undefined ? {} : { options }),
    };
  });
  return { items: results, itemVariances };
}
