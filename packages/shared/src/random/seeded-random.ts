/*
 * The project's one seeded pseudo-random generator, for everything that must be repeatable from
 * a seed: per-candidate 乱序, synthetic banks and simulated candidates in benchmarks and demos,
 * fault-suite schedules, assembly's per-item draws. Not for secrets (exam codes, keys and salts
 * use node:crypto).
 */

/** mulberry32: a small, fast, well-distributed 32-bit PRNG; returns floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** FNV-1a of a string: a stable 32-bit key for deriving per-item streams from one seed. */
export function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** A standard normal draw (Box–Muller) from a uniform source. */
export function normalDraw(random: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

function murmurFinalise(value: number): number {
  let h = value;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * A number in [0, 1) fixed by the seed and the key, whatever order the keys are asked in
 * (assembly: the same seed and item id always give the same number). FNV-1a over
 * `seed:key`, then a murmur3 finaliser.
 */
export function seededUnit(seed: number, key: string): number {
  return murmurFinalise(fnv1a(`${seed}:${key}`)) / 0x1_0000_0000;
}
