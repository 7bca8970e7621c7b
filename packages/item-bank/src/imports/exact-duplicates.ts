import type { ItemContent } from '@skillexam/shared';
import { contentSignature, digest, foldedSignature, keyForm, keyLabel } from './duplicate-forms';

/*
 * Exact copies and key conflicts among the items of one import and the bank
 * (docs/decisions/0631). Two items with the same stem and options (contentSignature) in the same
 * 鉴定点 are one question: with the same type and key the later one is a copy (skipped with a
 * warning); with a different key they are a conflict (an error naming both places and both keys;
 * neither is imported, because the importer cannot know which key is right).
 */

/** An item the new one is compared with: an earlier row of the file or an item of the bank. */
export interface ExactHolder {
  /** "第12行" (file) or "题库中的试题 item-0001" (bank). */
  readonly place: string;
  /** The earlier row's ref (file) or undefined (bank). */
  readonly ref?: string;
  readonly bankId?: string;
  readonly keyForm: string;
  readonly keyLabel: string;
}

export type ExactVerdict =
  | { readonly kind: 'new' }
  | { readonly kind: 'copy'; readonly of: ExactHolder }
  | { readonly kind: 'conflict'; readonly with: ExactHolder; readonly keys: [string, string] };

export interface ExactCandidate {
  /** The 鉴定点 the item goes to: duplicates are looked for within it. */
  readonly scope: string;
  readonly content: ItemContent;
  /** The stored similarity text of the content (item-text.ts). */
  readonly text: string;
  readonly place: string;
  readonly ref: string;
  /** The bank id the item keeps (bank packages): its own bank version is not a duplicate. */
  readonly ownId?: string;
}

/** What the index needs from the bank: the texts of a 鉴定点 and an item's current content. */
export interface ExactBankView {
  pointTexts(scope: string): readonly { readonly id: string; readonly text: string }[];
  content(id: string): ItemContent | undefined;
}

export class ExactDuplicates {
  readonly #bank: ExactBankView;
  readonly #folded = new Map<string, Map<string, string[]>>();
  readonly #groups = new Map<string, ExactHolder[]>();

  constructor(bank: ExactBankView) {
    this.#bank = bank;
  }

  /** Compares the item with the earlier ones and the bank, then remembers it. */
  check(candidate: ExactCandidate): ExactVerdict {
    const signature = contentSignature(candidate.content);
    const groupKey = digest(`${candidate.scope}\u0000${signature}`);
    let holders = this.#groups.get(groupKey);
    if (holders === undefined) {
      holders = this.#bankTwins(candidate, signature);
      this.#groups.set(groupKey, holders);
    }
    const own: ExactHolder = {
      place: candidate.place,
      ref: candidate.ref,
      keyForm: keyForm(candidate.content),
      keyLabel: keyLabel(candidate.content),
    };
    const copyOf = holders.find((holder) => holder.keyForm === own.keyForm);
    const first = holders[0];
    holders.push(own);
    if (copyOf !== undefined) return { kind: 'copy', of: copyOf };
    if (first === undefined) return { kind: 'new' };
    return { kind: 'conflict', with: first, keys: [first.keyLabel, own.keyLabel] };
  }

  #bankTwins(candidate: ExactCandidate, signature: string): ExactHolder[] {
    const ids = this.#foldedOf(candidate.scope).get(digest(foldedSignature(candidate.text))) ?? [];
    const twins: ExactHolder[] = [];
    for (const id of ids) {
      if (id === candidate.ownId) continue;
      const content = this.#bank.content(id);
      if (content === undefined || contentSignature(content) !== signature) continue;
      twins.push({
        place: `题库中的试题 ${id}`,
        bankId: id,
        keyForm: keyForm(content),
        keyLabel: keyLabel(content),
      });
    }
    return twins;
  }

  #foldedOf(scope: string): Map<string, string[]> {
    let map = this.#folded.get(scope);
    if (map === undefined) {
      map = new Map();
      for (const row of this.#bank.pointTexts(scope)) {
        const folded = digest(foldedSignature(row.text));
        const ids = map.get(folded);
        if (ids === undefined) map.set(folded, [row.id]);
        else ids.push(row.id);
      }
      this.#folded.set(scope, map);
    }
    return map;
  }
}
