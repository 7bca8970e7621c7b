/*
 * P(X ≥ m) where X is the number of successes of independent trials with probabilities
 * `probabilities` (the Poisson-binomial distribution), by the exact recursion over trials with
 * the count capped at m (O(trials · m)). Exact for tiny tails: copied answer strings give
 * probabilities of 1e-20 and below, which must not round to 0 or to noise.
 */
export function poissonBinomialUpperTail(probabilities: readonly number[], m: number): number {
  if (m <= 0) return 1;
  if (m > probabilities.length) return 0;
  // dist[k] = P(exactly k successes so far) for k < m; dist[m] = P(at least m so far)
  const dist = new Float64Array(m + 1);
  dist[0] = 1;
  for (const p of probabilities) {
    dist[m] = (dist[m] ?? 0) + (dist[m - 1] ?? 0) * p;
    for (let k = m - 1; k >= 1; k -= 1) dist[k] = (dist[k] ?? 0) * (1 - p) + (dist[k - 1] ?? 0) * p;
    dist[0] = (dist[0] ?? 0) * (1 - p);
  }
  return Math.min(1, dist[m] ?? 0);
}
