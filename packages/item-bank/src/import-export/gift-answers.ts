import { findUnescaped, stripFormat, unescapeGift, type GiftFormat } from './gift-text';

/*
 * The GIFT answer block `{…}` → what kind of question it is and its answers, by the rules of
 * Moodle's GIFT importer: empty → essay; `#…` → numeric; `T`/`TRUE`/`F`/`FALSE` (with
 * `#feedback`) → true/false; any `~` answer → choice (single when an `=` answer is present);
 * otherwise short answer (`{=a =b}`, or one bare answer `{One}`), unless every answer is an
 * `=a -> b` pair (matching). `->` inside a choice's text is text. Weights `%w%`, feedback
 * `#…`, general feedback `####…` and `[format]` markers are split off; text is unescaped.
 */

export interface GiftText {
  text: string;
  format?: GiftFormat;
}

export interface GiftAnswer extends GiftText {
  /** `=` correct, `~` a choice, '' a bare short answer (`{One}`). */
  mark: '=' | '~' | '';
  /** The `%weight%` when written (percent). */
  weight?: number;
}

export type GiftAnswerBlock =
  | { kind: 'truefalse'; value: boolean }
  /** `single`: an `=` answer is present (Moodle's one-answer mode). */
  | { kind: 'choice'; single: boolean; answers: GiftAnswer[] }
  | { kind: 'short'; answers: GiftAnswer[] }
  | { kind: 'essay' }
  | { kind: 'numeric'; text: string }
  | { kind: 'matching'; pairs: number }
  | { kind: 'malformed'; reason: string };

interface RawAnswer {
  mark: '=' | '~' | '';
  raw: string;
}

/** Splits on unescaped `=`/`~`; text before the first one is a bare answer. */
function splitAnswers(text: string): RawAnswer[] {
  const parts: RawAnswer[] = [];
  let start = 0;
  let mark: RawAnswer['mark'] = '';
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i];
    if (char === '\\') {
      i += 1;
      continue;
    }
    if (char === '=' || char === '~') {
      if (i > start || mark !== '') parts.push({ mark, raw: text.slice(start, i) });
      mark = char;
      start = i + 1;
    }
  }
  parts.push({ mark, raw: text.slice(start) });
  return parts.filter((part) => part.mark !== '' || part.raw.trim() !== '');
}

/** `%w%` (percent), then an optional `[format]`, then the text up to an unescaped `#`. */
function parseAnswer({ mark, raw }: RawAnswer): GiftAnswer & { pair: boolean } {
  const feedback = findUnescaped(raw, '#');
  let body = feedback >= 0 ? raw.slice(0, feedback) : raw;
  let weight: number | undefined;
  const weighted = /^\s*%(-?\d+(?:\.\d+)?|-?\.\d+)%/.exec(body);
  if (weighted !== null) {
    weight = Number(weighted[1]);
    body = body.slice(weighted[0].length);
  }
  const { format, rest } = stripFormat(body);
  return {
    mark,
    ...(weight !== undefined ? { weight } : {}),
    text: unescapeGift(rest).trim(),
    ...(format !== undefined ? { format } : {}),
    pair: /(?<!\\)->/.test(rest),
  };
}

function generalFeedbackOf(raw: string): { body: string; generalFeedback?: GiftText } {
  for (let at = findUnescaped(raw, '#'); at >= 0; at = findUnescaped(raw, '#', at + 1)) {
    if (raw.startsWith('####', at)) {
      const { format, rest } = stripFormat(raw.slice(at + 4));
      const text = unescapeGift(rest).trim();
      return {
        body: raw.slice(0, at),
        generalFeedback: { text, ...(format !== undefined ? { format } : {}) },
      };
    }
  }
  return { body: raw };
}

export function parseGiftAnswerBlock(raw: string): {
  block: GiftAnswerBlock;
  generalFeedback?: GiftText;
} {
  const { body, generalFeedback } = generalFeedbackOf(raw);
  const withFeedback = (block: GiftAnswerBlock) => ({
    block,
    ...(generalFeedback !== undefined ? { generalFeedback } : {}),
  });
  const trimmed = body.trim();
  if (trimmed === '') return withFeedback({ kind: 'essay' });
  if (trimmed.startsWith('#')) return withFeedback({ kind: 'numeric', text: trimmed.slice(1) });
  const tf = /^(T|TRUE|F|FALSE)\s*(#[\s\S]*)?$/i.exec(trimmed);
  if (tf !== null)
    return withFeedback({ kind: 'truefalse', value: (tf[1] ?? '').toUpperCase().startsWith('T') });
  const answers = splitAnswers(trimmed).map(parseAnswer);
  const bare = answers.find((answer) => answer.mark === '');
  const tilde = answers.some((answer) => answer.mark === '~');
  const clean = answers.map(({ pair: _pair, ...answer }) => answer);
  if (tilde) {
    if (bare !== undefined)
      return withFeedback({
        kind: 'malformed',
        reason: `选择题的答案“${bare.text.slice(0, 30)}”前缺少“=”或“~”`,
      });
    return withFeedback({
      kind: 'choice',
      single: answers.some((answer) => answer.mark === '='),
      answers: clean,
    });
  }
  if (answers.length > 0 && answers.every((answer) => answer.mark === '=' && answer.pair))
    return withFeedback({ kind: 'matching', pairs: answers.length });
  if (bare !== undefined && answers.length > 1)
    return withFeedback({
      kind: 'malformed',
      reason: `答案“${bare.text.slice(0, 30)}”前缺少“=”`,
    });
  return withFeedback({ kind: 'short', answers: clean });
}
