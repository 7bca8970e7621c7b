import { fnv1a } from '@skillexam/shared';

/*
 * Deterministic pseudo-random numbers for assembly: the same seed and item id always give the
 * same number, whatever order the pool is in. FNV-1a over the text, then a murmur3 finaliser.
 */

function mix(value: number): number {
  let h = value;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** A number in [0, 1) fixed by the seed and the key. */
export function seededUnit(seed: number, key: string): number {
  return mix(fnv1a(`${seed}:${key}`)) / 0x1_0000_0000;
}
