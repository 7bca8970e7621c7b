/*
 * Descriptive statistics of total scores, with the estimators Moodle's quiz statistics report
 * uses (mod/quiz/report/statistics/classes/calculator.php, `calculate`), so a centre moving
 * from Moodle sees the same numbers:
 *
 * - standard deviation: sample, √(Σ(x − x̄)² / (n − 1));
 * - skewness: k3 / k2^(3/2) with the k-statistics k2 = n·m2/(n−1), k3 = n²·m3/((n−1)(n−2))
 *   (the adjusted Fisher–Pearson coefficient G1, as Excel SKEW and SAS report it); n > 2;
 * - kurtosis: excess, k4 / k2² with k4 = n²((n+1)·m4 − 3(n−1)·m2²)/((n−1)(n−2)(n−3))
 *   (G2, as Excel KURT reports it); n > 3;
 * - median: the middle value, or the mean of the two middle values.
 *
 * m2, m3, m4 are the central moments Σ(x − x̄)^r / n. Undefined values are omitted.
 */

export interface ScoreSummary {
  readonly n: number;
  readonly mean?: number;
  readonly median?: number;
  readonly min?: number;
  readonly max?: number;
  /** Sample standard deviation (n − 1). */
  readonly standardDeviation?: number;
  readonly skewness?: number;
  /** Excess kurtosis (0 for a normal distribution). */
  readonly kurtosis?: number;
}

export function median(values: Float64Array): number | undefined {
  const n = values.length;
  if (n === 0) return undefined;
  const sorted = Float64Array.from(values).sort();
  const mid = n >> 1;
  const upper = sorted[mid] ?? 0;
  return n % 2 === 1 ? upper : ((sorted[mid - 1] ?? 0) + upper) / 2;
}

export function summarizeScores(values: Float64Array): ScoreSummary {
  const n = values.length;
  if (n === 0) return { n };
  let sum = 0;
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (const value of values) {
    sum += value;
    if (value < min) min = value;
    if (value > max) max = value;
  }
  const mean = sum / n;
  let p2 = 0;
  let p3 = 0;
  let p4 = 0;
  for (const value of values) {
    const d = value - mean;
    const d2 = d * d;
    p2 += d2;
    p3 += d2 * d;
    p4 += d2 * d2;
  }
  const base = { n, mean, median: median(values) ?? mean, min, max };
  if (n < 2) return base;
  const standardDeviation = Math.sqrt(p2 / (n - 1));
  const m2 = p2 / n;
  const m3 = p3 / n;
  const m4 = p4 / n;
  const k2 = (n * m2) / (n - 1);
  if (n < 3 || k2 === 0) return { ...base, standardDeviation };
  const k3 = (n * n * m3) / ((n - 1) * (n - 2));
  const skewness = k3 / Math.pow(k2, 1.5);
  if (n < 4) return { ...base, standardDeviation, skewness };
  const k4 = (n * n * ((n + 1) * m4 - 3 * (n - 1) * m2 * m2)) / ((n - 1) * (n - 2) * (n - 3));
  return { ...base, standardDeviation, skewness, kurtosis: k4 / (k2 * k2) };
}

export interface HistogramBin {
  /** Inclusive lower edge. */
  readonly from: number;
  /** Exclusive upper edge, except the last bin, which includes it. */
  readonly to: number;
  readonly count: number;
}

/**
 * Counts totals in `binCount` equal-width bins over [0, maxTotal]; the last bin is closed, so a
 * perfect score lands in it. Values are clamped into the range.
 */
export function scoreHistogram(
  values: Float64Array,
  maxTotal: number,
  binCount: number,
): HistogramBin[] {
  if (!(Number.isInteger(binCount) && binCount >= 1)) {
    throw new RangeError(`histogram: binCount must be an integer ≥ 1, got ${binCount}`);
  }
  const counts = new Array<number>(binCount).fill(0);
  const width = maxTotal > 0 ? maxTotal / binCount : 1;
  for (const value of values) {
    const bin = Math.min(binCount - 1, Math.max(0, Math.floor(value / width)));
    counts[bin] = (counts[bin] ?? 0) + 1;
  }
  return counts.map((count, index) => ({
    from: index * width,
    to: index === binCount - 1 ? maxTotal : (index + 1) * width,
    count,
  }));
}
