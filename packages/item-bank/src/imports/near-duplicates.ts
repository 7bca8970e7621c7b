import type { ItemContent } from '@skillexam/shared';
import {
  bigramSet,
  diceSimilarity,
  findSimilar,
  type SimilarityCandidate,
} from '../items/similarity';
import { digest, similarityStem, stemPrefixes, variantForm } from './duplicate-forms';

/*
 * Near duplicates of the items an import keeps (docs/decisions/0632): both items are kept and
 * flagged for a reviewer. An item is flagged against another item of its 鉴定点 when
 * - it differs only in numbers, signs, units or Greek letters ('variant': "+" vs "−", 220V vs 380V);
 * - it has the same stem with other options ('same-stem');
 * - its text is at least 85 % similar (Dice over character bigrams, 'similar').
 * The similarity reported is always the Dice value, whatever the reason.
 */

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
  readonly list: SimilarityCandidate[];
  readonly grams: Map<string, Uint32Array>;
  readonly variants: Map<string, string[]>;
  /** Stem → ids; bank items by every prefix of their text (see stemPrefixes), checked on use. */
  readonly stems: Map<string, string[]>;
  readonly unconfirmedStems: Set<string>;
}

const RANK: Record<NearDuplicateKind, number> = { variant: 0, 'same-stem': 1, similar: 2 };

function addTo(map: Map<string, string[]>, key: string, id: string): void {
  const ids = map.get(key);
  if (ids === undefined) map.set(key, [id]);
  else if (!ids.includes(id)) ids.push(id);
}

export class NearDuplicates {
  readonly #bank: NearBankView;
  readonly #scopes = new Map<string, ScopeIndex>();

  constructor(bank: NearBankView) {
    this.#bank = bank;
  }

  /** The items the candidate is a near duplicate of, most similar first; then remembers it. */
  flag(candidate: NearCandidate): NearMatch[] {
    const index = this.#scope(candidate.scope);
    const grams = bigramSet(candidate.text);
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
    for (const match of findSimilar(grams, index.list)) note(match.id, 'similar', match.similarity);
    const stem = similarityStem(candidate.content);
    for (const id of index.stems.get(stem) ?? []) {
      if (this.#sameStem(index, id, stem)) note(id, 'same-stem');
    }
    const variant = digest(variantForm(candidate.text));
    for (const id of index.variants.get(variant) ?? []) note(id, 'variant');

    index.list.push({ id: candidate.id, grams });
    index.grams.set(candidate.id, grams);
    addTo(index.variants, variant, candidate.id);
    addTo(index.stems, stem, candidate.id);
    return [...found.values()].sort(
      (a, b) => b.similarity - a.similarity || a.id.localeCompare(b.id),
    );
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
        grams: new Map(),
        variants: new Map(),
        stems: new Map(),
        unconfirmedStems: new Set(),
      };
      for (const row of this.#bank.pointTexts(scope)) {
        const grams = bigramSet(row.text);
        index.list.push({ id: row.id, grams });
        index.grams.set(row.id, grams);
        addTo(index.variants, digest(variantForm(row.text)), row.id);
        for (const prefix of stemPrefixes(row.text)) addTo(index.stems, prefix, row.id);
        index.unconfirmedStems.add(row.id);
      }
      this.#scopes.set(scope, index);
    }
    return index;
  }
}
