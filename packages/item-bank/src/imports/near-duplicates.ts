import type { ItemContent } from '@skillexam/shared';
import {
  bigramSet,
  diceSimilarity,
  findSimilar,
  type SimilarityCandidate,
} from '../items/similarity';
import { digest, similarityStem, stemPrefixes, variantForm } from './duplicate-forms';
import { bandKeys, CappedBuckets, GramArena, SimilarityIndex } from './near-duplicate-index';

/*
 * Near duplicates of the items an import keeps (docs/decisions/0632): both items are kept and
 * flagged for a reviewer. An item is flagged against another item of its 鉴定点 when
 * - it differs only in numbers, signs, units or Greek letters ('variant': "+" vs "−", 220V vs 380V);
 * - it has the same stem with other options ('same-stem');
 * - its text is at least 85 % similar (Dice over character bigrams, 'similar').
 * The similarity reported is always the Dice value, whatever the reason.
 *
 * Bounded whatever the file (docs/decisions/0920): a small 鉴定点 is scanned whole; past
 * SCAN_LIMIT items the candidates come from an LSH index (near-duplicate-index.ts, built only
 * then), and every variant/stem bucket keeps its most recent ids only. An item keeps its
 * MAX_NEIGHBOURS closest matches: its flags, its report entries and its links in a cluster.
 */

/** A 鉴定点 with at most this many items is compared item by item, exactly as before. */
export const SCAN_LIMIT = 512;
/** The closest matches an item keeps (flags stored, pairs reported). */
export const MAX_NEIGHBOURS = 3;

export type NearDuplicateKind = 'variant' | 'same-stem' | 'similar';

export interface NearMatch {
  readonly id: string;
  readonly similarity: number;
  readonly kind: NearDuplicateKind;
}

export interface NearCandidate {
  readonly scope: string;
  readonly id: string;
  readonly content: ItemContent;
  readonly text: string;
}

/** What the index needs from the bank: the texts of a 鉴定点 and an item's current content. */
export interface NearBankView {
  pointTexts(scope: string): readonly { readonly id: string; readonly text: string }[];
  content(id: string): ItemContent | undefined;
}

interface ScopeIndex {
  /** Every item while the scope is small (scanned whole); emptied past SCAN_LIMIT. */
  list: SimilarityCandidate[];
  size: number;
  readonly grams: Map<string, Uint32Array>;
  /** Built when the scope passes SCAN_LIMIT. */
  lsh?: SimilarityIndex;
  readonly variants: CappedBuckets;
  /** Stem → ids; bank items by every prefix of their text (see stemPrefixes), checked on use. */
  readonly stems: CappedBuckets;
  readonly unconfirmedStems: Set<string>;
}

const RANK: Record<NearDuplicateKind, number> = { variant: 0, 'same-stem': 1, similar: 2 };

function remember(index: ScopeIndex, id: string, grams: Uint32Array, keys?: readonly number[]) {
  index.size += 1;
  index.grams.set(id, grams);
  if (index.lsh !== undefined) {
    index.lsh.add(keys ?? bandKeys(grams), id);
    return;
  }
  index.list.push({ id, grams });
  if (index.size <= SCAN_LIMIT) return;
  const lsh = new SimilarityIndex();
  for (const item of index.list) lsh.add(bandKeys(item.grams), item.id);
  index.lsh = lsh;
  index.list = [];
}

export class NearDuplicates {
  readonly #bank: NearBankView;
  readonly #scopes = new Map<string, ScopeIndex>();
  readonly #arena = new GramArena();

  constructor(bank: NearBankView) {
    this.#bank = bank;
  }

  /** The items the candidate is a near duplicate of, most similar first; then remembers it. */
  flag(candidate: NearCandidate): NearMatch[] {
    const index = this.#scope(candidate.scope);
    const grams = this.#arena.keep(bigramSet(candidate.text));
    const found = new Map<string, NearMatch>();
    const note = (id: string, kind: NearDuplicateKind, similarity?: number) => {
      if (id === candidate.id) return;
      const other = index.grams.get(id);
      const value =
        similarity ??
        (other === undefined ? 0 : Math.round(diceSimilarity(grams, other) * 1000) / 1000);
      const before = found.get(id);
      if (before === undefined || RANK[kind] < RANK[before.kind]) {
        found.set(id, { id, similarity: value, kind });
      }
    };
    const keys = index.lsh === undefined ? undefined : bandKeys(grams);
    const pool =
      index.lsh === undefined || keys === undefined
        ? index.list
        : [...index.lsh.candidates(keys)].flatMap((id) => {
            const other = index.grams.get(id);
            return other === undefined ? [] : [{ id, grams: other }];
          });
    for (const match of findSimilar(grams, pool)) note(match.id, 'similar', match.similarity);
    const stem = similarityStem(candidate.content);
    for (const id of index.stems.get(stem)) {
      if (this.#sameStem(index, id, stem)) note(id, 'same-stem');
    }
    const variant = digest(variantForm(candidate.text));
    for (const id of index.variants.get(variant)) note(id, 'variant');

    remember(index, candidate.id, grams, keys);
    index.variants.add(variant, candidate.id);
    index.stems.add(stem, candidate.id);
    return [...found.values()]
      .sort((a, b) => b.similarity - a.similarity || a.id.localeCompare(b.id))
      .slice(0, MAX_NEIGHBOURS);
  }

  /** Bank items found by a prefix of their text are loaded once to compare the real stem. */
  #sameStem(index: ScopeIndex, id: string, stem: string): boolean {
    if (!index.unconfirmedStems.has(id)) return true;
    const content = this.#bank.content(id);
    return content !== undefined && similarityStem(content) === stem;
  }

  #scope(scope: string): ScopeIndex {
    let index = this.#scopes.get(scope);
    if (index === undefined) {
      index = {
        list: [],
        size: 0,
        grams: new Map(),
        variants: new CappedBuckets(),
        stems: new CappedBuckets(),
        unconfirmedStems: new Set(),
      };
      for (const row of this.#bank.pointTexts(scope)) {
        const grams = this.#arena.keep(bigramSet(row.text));
        remember(index, row.id, grams);
        index.variants.add(digest(variantForm(row.text)), row.id);
        for (const prefix of stemPrefixes(row.text)) index.stems.add(prefix, row.id);
        index.unconfirmedStems.add(row.id);
      }
      this.#scopes.set(scope, index);
    }
    return index;
  }
}
