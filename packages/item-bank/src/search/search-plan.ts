import { isWordChar, normalizeText } from './normalize-text';

/*
 * How each word of a query is looked up (docs/decisions/0103):
 * - three or more characters → the FTS5 trigram index (any substring);
 * - one or two word characters → the bigram index (`电缆` is one token, `电` a prefix query),
 *   because a trigram index silently returns nothing for them;
 * - a short word with punctuation (`a,`) → LIKE over the normalized text, bounded by the
 *   other filters.
 * Words (split on spaces) must all match.
 */

export type TermPlan =
  | { readonly kind: 'trigram'; readonly match: string; readonly text: string }
  | { readonly kind: 'bigram'; readonly match: string }
  | { readonly kind: 'like'; readonly pattern: string };

function quoteFts(term: string): string {
  return `"${term.replace(/"/g, '""')}"`;
}

function escapeLike(term: string): string {
  return term.replace(/[\\%_]/g, (char) => `\\${char}`);
}

export function planTerm(term: string): TermPlan {
  const chars = Array.from(term);
  if (chars.length >= 3) return { kind: 'trigram', match: quoteFts(term), text: term };
  if (chars.every(isWordChar)) {
    return chars.length === 2
      ? { kind: 'bigram', match: quoteFts(term) }
      : { kind: 'bigram', match: `${quoteFts(term)}*` };
  }
  return { kind: 'like', pattern: `%${escapeLike(term)}%` };
}

/**
 * A word of only letters and digits as a bigram-index query: one character is a prefix query,
 * two are one token, longer words are a phrase of consecutive bigrams ("电缆接" → "电缆 缆接"),
 * which matches exactly where the word is a substring. Undefined for words with punctuation.
 */
export function bigramMatch(term: string): string | undefined {
  const chars = Array.from(term);
  if (chars.length === 0 || !chars.every(isWordChar)) return undefined;
  if (chars.length === 1) return `${quoteFts(term)}*`;
  const grams = chars.slice(0, -1).map((char, index) => `${char}${chars[index + 1] ?? ''}`);
  return quoteFts(grams.join(' '));
}

/** The query's words, normalized like the index, each with its lookup plan. */
export function planQuery(query: string): TermPlan[] {
  const normalized = normalizeText(query);
  if (normalized === '') return [];
  return [...new Set(normalized.split(' '))].map(planTerm);
}
