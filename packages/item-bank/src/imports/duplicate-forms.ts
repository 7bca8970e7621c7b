import {
  ANSWER_KEY_STYLES,
  acceptedAnswerText,
  formatAnswerKey,
  toPlainText,
  type AcceptedAnswer,
  type ChoiceOption,
  type ItemBody,
  type ItemContent,
} from '@skillexam/shared';
import { createHash } from 'node:crypto';
import { normalizeKeepingCase, normalizeText } from '../search/normalize-text';

/*
 * The text forms the importer compares items by (docs/decisions/0630). Every form starts from the
 * NFKC text; they differ in what they may forget:
 * - `exactText` forgets only what never changes a question: spaces, sentence punctuation, quotes,
 *   brackets and blank markers ("（ ）", "____"). Signs (+ − ± × ÷ = < >), digits, decimal points,
 *   units, letter case (mA ≠ MA) and Greek letters are kept: two items with equal exact text ask
 *   the same thing.
 * - `variantForm` forgets numbers, signs, Greek letters and short Latin runs (units, symbols): items equal in
 *   it but not in exact text are variants of one question ("+" vs "−", 220V vs 380V, α vs β).
 */

export interface ComparableContent {
  readonly type: string;
  readonly stem: ItemBody;
  readonly options?: readonly ChoiceOption[];
}

/** Sentence punctuation, quotes, brackets and blank markers (after NFKC). */
const INSIGNIFICANT = /[\s,、;:?!。"'“”‘’「」『』【】〔〕〖〗《》〈〉()[\]{}_—―…]/gu;

/** A "." or "," that is not between two digits is punctuation; between digits it is a number. */
const LONE_POINT = /(?<!\p{N})[.,]|[.,](?!\p{N})/gu;

/** The exact-comparison form of an already NFKC-normalized text (see above). */
export function exactText(normalized: string): string {
  return normalized
    .replace(LONE_POINT, '')
    .replace(/(?<=\p{N}),(?=\p{N})/gu, '')
    .replace(INSIGNIFICANT, '');
}

const PART_SEPARATOR = '\u0001';

function parts(content: ComparableContent): string[] {
  return [
    toPlainText(content.stem),
    ...(content.options ?? []).map((option) => toPlainText(option.content)),
  ];
}

/**
 * Stem and options, each in exact form, in order: equal signatures mean "same stem and options".
 * Case is kept (10 mΩ and 10 MΩ are different answers).
 */
export function contentSignature(content: ComparableContent): string {
  return parts(content)
    .map((part) => exactText(normalizeKeepingCase(part)))
    .join(PART_SEPARATOR);
}

/** The stem alone in exact form, case kept. */
export function stemSignature(content: ComparableContent): string {
  return exactText(normalizeKeepingCase(toPlainText(content.stem)));
}

/**
 * The case-folded exact form of a stored similarity text (stem and options joined, lower-cased):
 * items with equal signatures always have equal folded forms, so it finds the bank items worth
 * loading for the exact comparison.
 */
export function foldedSignature(similarityText: string): string {
  return exactText(similarityText);
}

/** The stem of new content as it starts a stored similarity text. */
export function similarityStem(content: ComparableContent): string {
  return normalizeText(toPlainText(content.stem));
}

/**
 * Every prefix of a stored similarity text that ends before a space: one of them is the stem
 * (the text is "stem option option …"), so a map of these finds same-stem items without parsing.
 */
export function stemPrefixes(similarityText: string): string[] {
  const prefixes = [similarityText];
  for (let at = similarityText.indexOf(' '); at > 0; at = similarityText.indexOf(' ', at + 1)) {
    prefixes.push(similarityText.slice(0, at));
  }
  return prefixes;
}

const NUMBER_RUN = /[\p{N}.]+/gu;
/**
 * Units and symbols: Greek letters, and Latin runs of at most 3 letters (V, mA, kW, MPa, KM).
 * A longer Latin run is a word (an English question's text, spaces already removed), not folded.
 */
const LETTER_RUN = /[\u0370-\u03ff\u1f00-\u1fff]+|(?<![a-z])[a-z]{1,3}(?![a-z])/gu;
const SIGNS = /[+\-−±×÷=<>≤≥≠≈*/^%‰°~]/gu;

/** Numbers, letter runs (units, Greek letters) and signs folded away; see the file comment. */
export function variantForm(similarityText: string): string {
  return exactText(similarityText)
    .replace(NUMBER_RUN, '0')
    .replace(LETTER_RUN, 'a')
    .replace(SIGNS, '');
}

/** The answer key as people read it ("B", "ABD", "√", "220/220V；380"), for messages. */
export function keyLabel(content: ItemContent): string {
  return formatAnswerKey(content, ANSWER_KEY_STYLES.message);
}

/** The answer key in comparable form: equal forms mean the same type and the same answer. */
export function keyForm(content: ItemContent): string {
  switch (content.type) {
    case 'fill_blank':
      return `${content.type}:${blankEntries(content.key)
        .map(([blank, answers]) =>
          [blank, ...answers.map((answer) => normalizeKeepingCase(answer)).sort()].join('\u0002'),
        )
        .join('\u0001')}`;
    case 'short_answer':
      return `${content.type}:${exactText(normalizeKeepingCase(toPlainText(content.key.referenceAnswer)))}`;
    default:
      return `${content.type}:${keyLabel(content)}`;
  }
}

/** Blanks in id order, each with its answers in written form (`数值：4 ±0.2` for a number). */
function blankEntries(key: Readonly<Record<string, readonly AcceptedAnswer[]>>) {
  return Object.entries(key)
    .map(([blank, answers]) => [blank, answers.map(acceptedAnswerText)] as const)
    .sort(([a], [b]) => a.localeCompare(b));
}

/** A short fixed-size key for a long form (map keys of a 100,000-row import stay small). */
export function digest(form: string): string {
  return createHash('sha256').update(form).digest('base64');
}
