import {
  scoreHistogram,
  summarizeScores,
  type HistogramBin,
  type ScoreSummary,
} from './descriptive';
import { analyzeItems, type ItemStatisticsCore } from './item-analysis';
import {
  DEFAULT_FLAG_THRESHOLDS,
  flagItem,
  type FlagThresholds,
  type ItemFlag,
} from './item-flags';
import { validateResponseMatrix, type ResponseMatrix } from './response-matrix';
import { scoreGroups } from './score-groups';

/*
 * Classical test theory item analysis of one response matrix (docs/decisions/0300): per-item statistics
 * with flags, and per-test statistics. Pure; the same function serves the proctor server (a
 * finished session), the console and the workbench (`qbank analyze`).
 *
 * Reliability: Cronbach's alpha = k/(k−1) · (1 − Σ var(x_j) / var(T)), with sample variances
 * (the n − 1 cancels). When every item is dichotomous (each score 0 or its max) this is KR-20,
 * reported as `kr20` as well. It is Moodle's "coefficient of internal consistency" / 100.
 * SEM = SD · √(1 − reliability), SD the sample standard deviation of totals (Moodle's
 * "standard error"); omitted when reliability is undefined.
 */

export interface AnalyzeOptions {
  /** Share of candidates in each of the upper and lower groups; default 0.27. */
  readonly groupFraction?: number;
  /** Number of equal-width histogram bins over [0, max total]; default 10. */
  readonly histogramBins?: number;
  readonly thresholds?: FlagThresholds;
}

export interface ItemStatistics extends ItemStatisticsCore {
  readonly flags: readonly ItemFlag[];
}

export interface TestStatistics extends ScoreSummary {
  readonly itemCount: number;
  /** Σ maxPoints. */
  readonly maxTotal: number;
  /** Size of each of the upper and lower groups. */
  readonly groupSize: number;
  readonly cronbachAlpha?: number;
  /** Only when every item is dichotomous. */
  readonly kr20?: number;
  readonly standardErrorOfMeasurement?: number;
  readonly histogram: readonly HistogramBin[];
}

export interface AnalysisResult {
  readonly test: TestStatistics;
  readonly items: readonly ItemStatistics[];
  readonly candidateIds: readonly string[];
  /** Total score per candidate, in `candidateIds` order. */
  readonly totals: Float64Array;
}

/** Total score per candidate (row sums). */
export function candidateTotals(matrix: ResponseMatrix): Float64Array {
  const n = matrix.candidateIds.length;
  const k = matrix.items.length;
  const totals = new Float64Array(n);
  const { scores } = matrix;
  for (let c = 0; c < n; c += 1) {
    let sum = 0;
    const end = (c + 1) * k;
    for (let at = c * k; at < end; at += 1) sum += scores[at] ?? 0;
    totals[c] = sum;
  }
  return totals;
}

export function analyzeResponses(
  matrix: ResponseMatrix,
  options: AnalyzeOptions = {},
): AnalysisResult {
  validateResponseMatrix(matrix);
  const totals = candidateTotals(matrix);
  const groups = scoreGroups(totals, options.groupFraction ?? 0.27);
  const { items: core, itemVariances } = analyzeItems(matrix, totals, groups);
  const thresholds = options.thresholds ?? DEFAULT_FLAG_THRESHOLDS;
  const items = core.map((stats) => ({ ...stats, flags: flagItem(stats, thresholds) }));

  const summary = summarizeScores(totals);
  const k = matrix.items.length;
  const maxTotal = matrix.items.reduce((sum, item) => sum + item.maxPoints, 0);
  const sd = summary.standardDeviation;
  let alpha: number | undefined;
  if (k >= 2 && sd !== undefined && sd > 0) {
    let sumItemVariance = 0;
    for (const variance of itemVariances) sumItemVariance += variance;
    alpha = (k / (k - 1)) * (1 - sumItemVariance / (sd * sd));
  }
  const allDichotomous = core.every((stats) => stats.isDichotomous);
  // alpha ≤ 1 in exact arithmetic; a value a hair above 1 is round-off of a perfect test.
  const sem =
    alpha !== undefined && sd !== undefined && alpha <= 1 + 1e-9
      ? sd * Math.sqrt(Math.max(0, 1 - alpha))
      : undefined;

  const test: TestStatistics = {
    ...summary,
    itemCount: k,
    maxTotal,
    groupSize: groups.size,
    ...(alpha === undefined ? {} : { cronbachAlpha: alpha }),
    ...(alpha !== undefined && allDichotomous ? { kr20: alpha } : {}),
    ...(sem === undefined ? {} : { standardErrorOfMeasurement: sem }),
    histogram: scoreHistogram(totals, maxTotal, options.histogramBins ?? 10),
  };
  return { test, items, candidateIds: matrix.candidateIds, totals };
}
