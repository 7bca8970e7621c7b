/** The fault suite's seeded PRNG, so a failing run can be replayed with its seed. */
export { mulberry32 as createRandom } from '@skillexam/shared';

export function between(random: () => number, min: number, max: number): number {
  return min + random() * (max - min);
}
