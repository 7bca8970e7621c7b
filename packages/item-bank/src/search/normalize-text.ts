/*
 * The one text normalization used by search, duplicate detection and the search index:
 * NFKC (full-width Latin, digits and punctuation become half-width; compatibility forms fold),
 * ideographic space → space, Latin lower-cased, whitespace collapsed. Chinese characters are
 * left as they are. Index and query go through the same function, so they always agree.
 */
export function normalizeText(value: string): string {
  return normalizeKeepingCase(value).toLowerCase();
}

/**
 * `normalizeText` without lower-casing, for comparisons where case carries meaning
 * (units: 10 mΩ vs 10 MΩ; duplicate checks on import, docs/decisions/0630).
 */
export function normalizeKeepingCase(value: string): string {
  return value
    .normalize('NFKC')
    .replace(/[\u200b-\u200d\u2060\ufeff]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Characters that carry meaning for search and similarity: letters and digits of any script. */
const WORD_CHAR = /[\p{L}\p{N}]/u;

export function isWordChar(char: string): boolean {
  return WORD_CHAR.test(char);
}

/** Runs of word characters of an already normalized text ("电缆, 接地" → ["电缆", "接地"]). */
export function wordRuns(normalized: string): string[] {
  return normalized.match(/[\p{L}\p{N}]+/gu) ?? [];
}
