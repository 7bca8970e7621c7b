/*
 * Σ (x↑ᵢ − x̄)(R↑ᵢ − R̄): item scores and rest scores (R = T − x) each sorted ascending and paired
 * by rank — the numerator of Moodle's `covariancemax` (see item-analysis.ts).
 *
 * Sorting two 10,000-value arrays for each of 200 items dominated the analysis, so this uses the
 * structure of the data instead: an item has few distinct scores (0/1, or a few partial-credit
 * steps). Walking the candidates once in ascending order of total, the rest scores of the
 * candidates who got the same item score v come out ascending (T − v grows with T). Merging those
 * D sorted runs gives all rest scores sorted in O(n·D), and the sorted item scores are just each v
 * repeated as often as it occurs. Items with more than MAX_RUNS distinct scores fall back to
 * sorting.
 */

const MAX_RUNS = 16;

export interface CrossDeviationInput {
  readonly scores: Float64Array;
  readonly itemCount: number;
  readonly item: number;
  readonly totals: Float64Array;
  /** Candidate indices in ascending order of total. */
  readonly ascending: Uint32Array;
  readonly meanX: number;
  readonly meanRest: number;
}

/** Scratch buffers of length n, reused across items. */
export interface CrossDeviationScratch {
  readonly a: Float64Array;
  readonly b: Float64Array;
}

function bySorting(input: CrossDeviationInput, scratch: CrossDeviationScratch): number {
  const { scores, itemCount: k, item: j, totals, meanX, meanRest } = input;
  const { a, b } = scratch;
  const n = totals.length;
  for (let c = 0; c < n; c += 1) {
    const x = scores[c * k + j] ?? 0;
    a[c] = x;
    b[c] = (totals[c] ?? 0) - x;
  }
  a.sort();
  b.sort();
  let sum = 0;
  for (let i = 0; i < n; i += 1) sum += ((a[i] ?? 0) - meanX) * ((b[i] ?? 0) - meanRest);
  return sum;
}

export function sortedCrossDeviation(
  input: CrossDeviationInput,
  scratch: CrossDeviationScratch,
): number {
  const { scores, itemCount: k, item: j, totals, ascending, meanX, meanRest } = input;
  const n = totals.length;
  const values: number[] = [];
  for (let c = 0; c < n; c += 1) {
    const x = scores[c * k + j] ?? 0;
    if (!values.includes(x)) {
      values.push(x);
      if (values.length > MAX_RUNS) return bySorting(input, scratch);
    }
  }
  values.sort((p, q) => p - q);
  const runs = values.length;
  const counts = new Uint32Array(runs);
  for (let c = 0; c < n; c += 1) {
    const v = values.indexOf(scores[c * k + j] ?? 0);
    counts[v] = (counts[v] ?? 0) + 1;
  }
  const starts = new Uint32Array(runs + 1);
  for (let v = 0; v < runs; v += 1) starts[v + 1] = (starts[v] ?? 0) + (counts[v] ?? 0);

  // Runs of rest scores, each ascending, laid out one after another in `a`.
  const { a: runsBuffer, b: merged } = scratch;
  const fill = starts.slice(0, runs);
  for (let r = 0; r < n; r += 1) {
    const c = ascending[r] ?? 0;
    const x = scores[c * k + j] ?? 0;
    const v = values.indexOf(x);
    runsBuffer[fill[v] ?? 0] = (totals[c] ?? 0) - x;
    fill[v] = (fill[v] ?? 0) + 1;
  }
  // Merge the runs: take the smallest head each time.
  const heads = starts.slice(0, runs);
  for (let out = 0; out < n; out += 1) {
    let best = -1;
    let bestValue = Number.POSITIVE_INFINITY;
    for (let v = 0; v < runs; v += 1) {
      const head = heads[v] ?? 0;
      if (head < (starts[v + 1] ?? 0)) {
        const value = runsBuffer[head] ?? 0;
        if (value < bestValue) {
          bestValue = value;
          best = v;
        }
      }
    }
    merged[out] = bestValue;
    heads[best] = (heads[best] ?? 0) + 1;
  }
  let sum = 0;
  for (let v = 0; v < runs; v += 1) {
    const dx = (values[v] ?? 0) - meanX;
    const end = starts[v + 1] ?? 0;
    for (let i = starts[v] ?? 0; i < end; i += 1) sum += dx * ((merged[i] ?? 0) - meanRest);
  }
  return sum;
}
