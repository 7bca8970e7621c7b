/*
 * The lexical bits of GIFT shared by the question and answer-block parsers: escapes
 * (`\~ \= \# \{ \} \: \\ \n`), searching for unescaped characters, and `[format]` markers.
 */

export type GiftFormat = 'moodle' | 'html' | 'plain' | 'markdown';

/** Index of the first unescaped `char` at or after `from`, or -1. */
export function findUnescaped(text: string, char: string, from = 0): number {
  for (let i = from; i < text.length; i += 1) {
    if (text[i] === '\\') i += 1;
    else if (text[i] === char) return i;
  }
  return -1;
}

export function unescapeGift(text: string): string {
  return text.replace(/\\(.)/gs, (_, char: string) => (char === 'n' ? '\n' : char));
}

const FORMATS: Readonly<Record<string, GiftFormat>> = {
  html: 'html',
  moodle: 'moodle',
  plain: 'plain',
  markdown: 'markdown',
};

/** A leading `[html]`/`[moodle]`/`[plain]`/`[markdown]` marker removed, and which it was. */
export function stripFormat(text: string): { format?: GiftFormat; rest: string } {
  const match = /^\s*\[(html|moodle|plain|markdown)\]/i.exec(text);
  const format = FORMATS[(match?.[1] ?? '').toLowerCase()];
  if (match === null || format === undefined) return { rest: text };
  return { format, rest: text.slice(match[0].length) };
}
