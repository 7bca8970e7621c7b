/*
 * Upper and lower groups for the discrimination index D and for distractor analysis (Kelley's
 * 27 %). Group size g = round(fraction × n), at least 1 and at most ⌊n/2⌋, so the two groups
 * never overlap. Both groups always have exactly g candidates.
 *
 * Ties: candidates are ranked by total score, highest first; candidates with equal totals
 * keep their order in the input (a stable sort on the row index). The upper group is the first
 * g of that ranking and the lower group the last g. So when a tie straddles a group boundary,
 * the earlier rows among the tied candidates go to the upper side — deterministic, and
 * independent of anything but the input order.
 */

export const GROUP_UPPER = 1;
export const GROUP_LOWER = -1;

export interface ScoreGroups {
  /** Per candidate: GROUP_UPPER, GROUP_LOWER or 0. */
  readonly membership: Int8Array;
  /** Size of each group (0 when there are fewer than 2 candidates). */
  readonly size: number;
}

export function groupSize(n: number, fraction: number): number {
  if (n < 2) return 0;
  return Math.min(Math.floor(n / 2), Math.max(1, Math.round(fraction * n)));
}

export function scoreGroups(totals: Float64Array, fraction = 0.27): ScoreGroups {
  if (!(fraction > 0 && fraction <= 0.5)) {
    throw new RangeError(`score groups: fraction must be in (0, 0.5], got ${fraction}`);
  }
  const n = totals.length;
  const size = groupSize(n, fraction);
  const membership = new Int8Array(n);
  if (size === 0) return { membership, size };
  const order = new Uint32Array(n);
  for (let c = 0; c < n; c += 1) order[c] = c;
  // Typed-array sort with a comparator is stable (ECMAScript 2019+).
  order.sort((a, b) => (totals[b] ?? 0) - (totals[a] ?? 0) || a - b);
  for (let r = 0; r < size; r += 1) {
    membership[order[r] ?? 0] = GROUP_UPPER;
    membership[order[n - 1 - r] ?? 0] = GROUP_LOWER;
  }
  return { membership, size };
}
