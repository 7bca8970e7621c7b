/*
 * Largest-remainder (Hamilton) rounding of a count over the weights of the 理论知识权重表:
 * every range gets the floor of its quota, and the items left over go to the largest
 * fractional parts; equal remainders go to the earlier range code (string order).
 */

export interface RangeWeight {
  readonly path: string;
  readonly weight: number;
}

export interface RangeQuota {
  readonly path: string;
  readonly weight: number;
  /** The exact proportional share, e.g. 12.35 items. */
  readonly quota: number;
  readonly count: number;
}

export function allocateByLargestRemainder(
  total: number,
  weights: readonly RangeWeight[],
): RangeQuota[] {
  const weightSum = weights.reduce((sum, entry) => sum + entry.weight, 0);
  if (weightSum <= 0) return weights.map((entry) => ({ ...entry, quota: 0, count: 0 }));
  const quotas = weights.map((entry) => {
    const quota = (total * entry.weight) / weightSum;
    // Guard against 12.000000001-style noise deciding a remainder.
    const floor = Math.floor(quota + 1e-9);
    return { ...entry, quota, floor, remainder: Math.max(0, quota - floor) };
  });
  let left = total - quotas.reduce((sum, entry) => sum + entry.floor, 0);
  const order = [...quotas].sort(
    (a, b) => b.remainder - a.remainder || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0),
  );
  const extra = new Set<string>();
  for (const entry of order) {
    if (left <= 0) break;
    extra.add(entry.path);
    left -= 1;
  }
  return quotas.map((entry) => ({
    path: entry.path,
    weight: entry.weight,
    quota: entry.quota,
    count: entry.floor + (extra.has(entry.path) ? 1 : 0),
  }));
}
