/** Scores are kept to 2 decimals (0.5-point items, partial credit such as 1/3 of a point). */
export const POINTS_DECIMALS = 2;

const FACTOR = 10 ** POINTS_DECIMALS;

/** Rounds to 2 decimals, half away from zero, removing float noise first (0.1 + 0.2 → 0.3). */
export function roundPoints(value: number): number {
  const cleaned = Number(value.toFixed(8));
  return (Math.sign(cleaned) * Math.round(Math.abs(cleaned) * FACTOR)) / FACTOR;
}

/** Sums points without accumulating float noise. */
export function sumPoints(values: Iterable<number>): number {
  let hundredths = 0;
  for (const value of values) hundredths += Math.round(roundPoints(value) * FACTOR);
  return hundredths / FACTOR;
}
