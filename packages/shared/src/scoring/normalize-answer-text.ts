/*
 * How loosely a 填空题 answer matches an accepted answer. Both sides go through the same
 * normalisation, so an accepted answer written with full-width characters matches a half-width
 * answer and vice versa.
 */

/** Punctuation that Chinese and Latin input methods produce in several forms. */
const PUNCTUATION_VARIANTS: ReadonlyArray<readonly [RegExp, string]> = [
  [/[。｡]/g, '.'],
  [/[、，]/g, ','],
  [/[“”„‟〝〞＂]/g, '"'],
  [/[‘’‚‛′＇]/g, "'"],
  [/[‐‑‒–—―−－ー]/g, '-'],
  [/[·•・]/g, '.'],
  [/[（]/g, '('],
  [/[）]/g, ')'],
  [/[【〔［]/g, '['],
  [/[】〕］]/g, ']'],
  [/[：]/g, ':'],
  [/[；]/g, ';'],
  [/[！]/g, '!'],
  [/[？]/g, '?'],
  [/[～〜]/g, '~'],
];

/** Sentence punctuation a candidate may or may not type at the end of a blank. */
const TRAILING_PUNCTUATION = /[.,;:!?]+$/u;

/**
 * The comparable form of a blank answer:
 * 1. Unicode NFKC (full-width letters, digits and symbols become half-width; ① → 1; ㎡ → m2);
 * 2. Latin letters lower-cased (Chinese has no case);
 * 3. punctuation variants unified (。→. 、，→, quotes, dashes, brackets, colons …);
 * 4. all white space removed (spaces, full-width spaces, tabs, line breaks);
 * 5. trailing sentence punctuation removed.
 */
export function normalizeAnswerText(value: string): string {
  // Removing spaces can bring a letter and a combining mark together (NFKC turns ´ into a space
  // and a combining acute), which the next pass composes: repeat until nothing changes.
  let current = value;
  for (let pass = 0; pass < 4; pass += 1) {
    const next = normalizeOnce(current);
    if (next === current) return next;
    current = next;
  }
  return current;
}

function normalizeOnce(value: string): string {
  let result = value.normalize('NFKC').toLowerCase();
  for (const [pattern, replacement] of PUNCTUATION_VARIANTS) {
    result = result.replace(pattern, replacement);
  }
  result = result.replace(/\s+/gu, '');
  return result.replace(TRAILING_PUNCTUATION, '');
}
