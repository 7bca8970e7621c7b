/*
 * Candidate generation for near duplicates (docs/decisions/0920): MinHash over the character
 * bigram set an item is compared by, banded into an LSH index (14 bands of 3). Two texts at the
 * Dice threshold (0.85, Jaccard ≈ 0.74) share a band with probability > 0.999; the exact Dice is
 * then computed on the candidates only. Every bucket keeps at most BUCKET_CAP ids, the most
 * recent ones, so a file of 100,000 variants of one template costs the same per row as a file
 * of distinct rows: work and memory grow linearly with the rows, never with the pairs.
 */

const BANDS = 14;
const ROWS = 3;
const HASHES = BANDS * ROWS;
/** Ids kept per bucket (LSH bands, variant and stem keys): the newest replace the oldest. */
export const BUCKET_CAP = 16;

/** Fixed odd multipliers and offsets: the same text always lands in the same buckets. */
const SEEDS: readonly (readonly [number, number])[] = Array.from({ length: HASHES }, (_, i) => {
  let x = (0x9e3779b9 * (i + 1)) >>> 0;
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b) >>> 0;
  x ^= x >>> 13;
  const a = (x | 1) >>> 0;
  const b = Math.imul(x ^ 0xc2b2ae35, 0x27d4eb2f) >>> 0;
  return [a, b] as const;
});

function mix(value: number): number {
  let x = value >>> 0;
  x ^= x >>> 16;
  x = Math.imul(x, 0x7feb352d);
  x ^= x >>> 15;
  x = Math.imul(x, 0x846ca68b);
  x ^= x >>> 16;
  return x >>> 0;
}

/** The band keys of a bigram set: one small integer per band (a V8 Smi: no allocation). */
export function bandKeys(grams: Uint32Array): number[] {
  if (grams.length === 0) return [];
  const mins = new Uint32Array(HASHES).fill(0xffffffff);
  for (const gram of grams) {
    for (let h = 0; h < HASHES; h += 1) {
      const [a, b] = SEEDS[h] ?? [1, 0];
      const value = mix((Math.imul(gram, a) + b) >>> 0);
      if (value < (mins[h] ?? 0)) mins[h] = value;
    }
  }
  const keys: number[] = [];
  for (let band = 0; band < BANDS; band += 1) {
    let hash = Math.imul(0x811c9dc5 ^ band, 0x01000193);
    for (let row = 0; row < ROWS; row += 1) {
      hash = Math.imul(hash ^ (mins[band * ROWS + row] ?? 0), 0x01000193);
    }
    keys.push(hash & 0x3fffffff);
  }
  return keys;
}

/**
 * A map of keys to at most BUCKET_CAP ids each, the most recent kept. A bucket of one id is the
 * id itself (most buckets of distinct rows hold one): no array per key.
 */
export class CappedBuckets<K extends string | number = string> {
  readonly #buckets = new Map<K, string | string[]>();

  add(key: K, id: string): void {
    const ids = this.#buckets.get(key);
    if (ids === undefined) this.#buckets.set(key, id);
    else if (typeof ids === 'string') {
      if (ids !== id) this.#buckets.set(key, [ids, id]);
    } else if (!ids.includes(id)) {
      if (ids.length >= BUCKET_CAP) ids.shift();
      ids.push(id);
    }
  }

  get(key: K): readonly string[] {
    const ids = this.#buckets.get(key);
    return ids === undefined ? [] : typeof ids === 'string' ? [ids] : ids;
  }
}

/** LSH over MinHash band keys: the ids that share a band with a text. */
export class SimilarityIndex {
  readonly #bands = new CappedBuckets<number>();

  candidates(keys: readonly number[]): Set<string> {
    const found = new Set<string>();
    for (const key of keys) for (const id of this.#bands.get(key)) found.add(id);
    return found;
  }

  add(keys: readonly number[], id: string): void {
    for (const key of keys) this.#bands.add(key, id);
  }
}

const ARENA_CHUNK = 1 << 20;

/**
 * Bigram arrays kept as views into shared 4 MB chunks: 100,000 items cost their codes, not
 * 100,000 array buffers (each with its own allocation and bookkeeping).
 */
export class GramArena {
  #chunk = new Uint32Array(ARENA_CHUNK);
  #used = 0;

  keep(grams: Uint32Array): Uint32Array {
    if (grams.length > ARENA_CHUNK / 4) return grams;
    if (this.#used + grams.length > this.#chunk.length) {
      this.#chunk = new Uint32Array(ARENA_CHUNK);
      this.#used = 0;
    }
    const view = this.#chunk.subarray(this.#used, this.#used + grams.length);
    view.set(grams);
    this.#used += grams.length;
    return view;
  }
}
