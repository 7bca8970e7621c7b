import type { OptionId } from '@skillexam/shared';

/*
 * All options of a choice question in one cell, as real banks write them:
 * `A.电磁抱闸制动器B.熔断器C.指示灯D.速度继电器` (no separator at all), `A、正确 B、错误`,
 * `(A)…(B)…`, `（A）…`, `A．…`, `A:`/`A：`, `Ａ．`, one option per line or per tab, or lines
 * without any letters. The split takes letter markers A, B, C … in strict order; option text
 * may itself contain Latin capitals ("B.交流接触器KM", "C.PE线"), so every possible reading is
 * tried and the cell is refused when more than one reading remains.
 */

export interface CellOption {
  id: OptionId;
  text: string;
}

export type OptionCellResult = { ok: true; options: CellOption[] } | { ok: false; reason: string };

const LETTERS: readonly OptionId[] = ['A', 'B', 'C', 'D', 'E', 'F'];
const MAX_READINGS = 16;
/** More marker-like letters than any option cell has: refused before reading, in linear time. */
const MAX_MARKERS = 64;
/** Run-on readings are also tried cut back to this many options, but no fewer. */
const SHORTEST_RUN_ON_ALTERNATIVE = 4;

interface Marker {
  /** Index of the option letter (0 = A). */
  letter: number;
  lowerCase: boolean;
  start: number;
  end: number;
  /** The marker's look: its punctuation as written (`.` and `．` differ) and the letter's width. */
  style: string;
  /** Preceded by the start of the cell, a space, tab, line break or list punctuation. */
  spaced: boolean;
}

const FULL_WIDTH_A = 0xff21;
const FULL_WIDTH_LOWER_A = 0xff41;
const MARKER_PUNCTUATION = new Set(['.', '．', '、', ':', '：', ')', '）']);
const SPACED_BEFORE = /[\s;；,，。]/;

function letterAt(char: string): { letter: number; lowerCase: boolean; wide: boolean } | undefined {
  const code = char.charCodeAt(0);
  for (const [base, lowerCase, wide] of [
    [65, false, false],
    [97, true, false],
    [FULL_WIDTH_A, false, true],
    [FULL_WIDTH_LOWER_A, true, true],
  ] as const) {
    if (code >= base && code < base + LETTERS.length) {
      return { letter: code - base, lowerCase, wide };
    }
  }
  return undefined;
}

/** Every place in the text that could start option A, B, … (strict: with punctuation). */
function findMarkers(text: string, bareLetters: boolean): Marker[] {
  const markers: Marker[] = [];
  for (let i = 0; i < text.length; i += 1) {
    const letter = letterAt(text.charAt(i));
    if (letter === undefined) continue;
    const { wide, ...found } = letter;
    const width = wide ? 'W' : '';
    const before = i === 0 ? '' : text.charAt(i - 1);
    const spaced = i === 0 || SPACED_BEFORE.test(before);
    const after = text.charAt(i + 1);
    if ((before === '(' || before === '（') && (after === ')' || after === '）')) {
      const outer = i - 1 === 0 || SPACED_BEFORE.test(text.charAt(i - 2));
      const style = `${width}${before}${after}`;
      markers.push({ ...found, start: i - 1, end: i + 2, style, spaced: outer });
      continue;
    }
    if (MARKER_PUNCTUATION.has(after)) {
      markers.push({ ...found, start: i, end: i + 2, style: `${width}${after}`, spaced });
    } else if (bareLetters && spaced && /[ \t]/.test(after)) {
      markers.push({ ...found, start: i, end: i + 1, style: `${width} `, spaced });
    }
  }
  return markers;
}

function cleanOptionText(text: string): string {
  return text.replace(/^[\s]+/, '').replace(/[\s;；,，]+$/, '');
}

const SEPARATOR_CHAR = /[\s;；,，]/;

/**
 * Whether `cleanOptionText(text.slice(from, to))` would be non-empty, in constant time: a
 * count of the characters that are not separators before each position.
 */
function contentIndex(text: string): (from: number, to: number) => boolean {
  const before = new Uint32Array(text.length + 1);
  for (let i = 0; i < text.length; i += 1) {
    before[i + 1] = (before[i] ?? 0) + (SEPARATOR_CHAR.test(text.charAt(i)) ? 0 : 1);
  }
  return (from, to) => (before[to] ?? 0) - (before[from] ?? 0) > 0;
}

/**
 * Every maximal reading A, B, C … in order: each option non-empty, starting at the cell's
 * start, and no further letter marker could continue it.
 */
function readings(text: string, markers: readonly Marker[]): Marker[][] {
  const hasText = contentIndex(text);
  const byLetter: Marker[][] = LETTERS.map(() => []);
  for (const marker of markers) byLetter[marker.letter]?.push(marker);
  const found: Marker[][] = [];
  const extend = (chain: Marker[]) => {
    const last = chain[chain.length - 1];
    if (last === undefined || found.length >= MAX_READINGS) return;
    const usable = (byLetter[last.letter + 1] ?? []).filter(
      (marker) =>
        marker.lowerCase === last.lowerCase &&
        marker.start >= last.end &&
        hasText(last.end, marker.start) &&
        hasText(marker.end, text.length),
    );
    if (usable.length === 0) {
      if (chain.length >= 2) found.push(chain);
      return;
    }
    for (const marker of usable) extend([...chain, marker]);
  };
  for (const first of byLetter[0] ?? []) {
    if (first.start === 0) extend([first]);
  }
  return found;
}

/** One marker style throughout, and markers after A all spaced or all run-on (`…器B.熔断器C.…`). */
function isUniform(chain: readonly Marker[]): boolean {
  return firstInconsistency(chain) === -1;
}

/** Where a reading stops looking like one writer's hand: the first marker unlike the others. */
function firstInconsistency(chain: readonly Marker[]): number {
  const [first, second] = chain;
  if (first === undefined) return -1;
  return chain.findIndex(
    (marker, index) =>
      marker.style !== first.style ||
      (index >= 2 && second !== undefined && marker.spaced !== second.spaced),
  );
}

function toOptions(text: string, chain: readonly Marker[]): CellOption[] {
  return chain.map((marker, index) => {
    const next = chain[index + 1];
    const id = LETTERS[marker.letter] ?? 'A';
    return { id, text: cleanOptionText(text.slice(marker.end, next?.start)) };
  });
}

function ambiguous(text: string, chains: readonly Marker[][]): OptionCellResult {
  const shown = chains.slice(0, 2).map((chain) =>
    toOptions(text, chain)
      .map((option) => `${option.id}“${option.text}”`)
      .join(' '),
  );
  return {
    ok: false,
    reason: `选项拆分有歧义：可读作 ${shown.join('，也可读作 ')}。请在各选项之间加空格或换行，或把选项分列（选项A、选项B…）`,
  };
}

/** Markers after A all run on from the option text before them (`…器B.熔断器C.…`). */
function isRunOn(chain: readonly Marker[]): boolean {
  return chain.slice(1).every((marker) => !marker.spaced);
}

/**
 * A run-on cell of five or six options may as well be four (or five) whose last option
 * contains the next letter: `…D.含维生素E.等`. Those shorter readings (never fewer than four
 * options, the usual question) are candidates too.
 */
function withShorterRunOnReadings(chains: readonly Marker[][]): Marker[][] {
  const all = [...chains];
  for (const chain of chains) {
    if (!isRunOn(chain)) continue;
    for (let length = chain.length - 1; length >= SHORTEST_RUN_ON_ALTERNATIVE; length -= 1) {
      all.push(chain.slice(0, length));
    }
  }
  return all;
}

function chooseReading(text: string, markers: readonly Marker[]): OptionCellResult | undefined {
  const all = withShorterRunOnReadings(readings(text, markers));
  if (all.length === 0) return undefined;
  const uniform = all.filter(isUniform);
  const candidates = all.length > 1 && uniform.length > 0 ? uniform : all;
  const [only, ...others] = candidates;
  if (only === undefined || others.length > 0) return ambiguous(text, candidates);
  // A unique reading whose markers change style or spacing midway (`A.甲 B.乙 C.丙D.丁`,
  // `A.甲B.乙C:丙`) may have taken option text for a marker: refused, not guessed.
  const odd = firstInconsistency(only);
  if (odd > 0) return ambiguous(text, [only.slice(0, odd), only]);
  const stray = lineStartMarkers(text).find(
    (marker) => !only.some((m) => m.start === marker.start),
  );
  if (stray !== undefined) return lettersOutOfOrder(text);
  return { ok: true, options: toOptions(text, only) };
}

/** The parts of a cell written one option per line (or, on one line, per tab). */
function cellParts(text: string): string[] {
  const byLine = text.split('\n');
  return (byLine.length >= 2 ? byLine : text.split('\t'))
    .map((part) => part.trim())
    .filter((part) => part !== '');
}

/** The letter marker a line (or tab-separated part) starts with, if any. */
function startMarker(part: string): Marker | undefined {
  const [first] = findMarkers(part.slice(0, 4), true);
  return first !== undefined && first.start === 0 ? first : undefined;
}

/** Whether only spaces stand between `index` and the start of its line (or the tab before it). */
function startsLine(text: string, index: number): boolean {
  for (let i = index - 1; i >= 0; i -= 1) {
    const char = text.charAt(i);
    if (char === '\n' || char === '\t') return true;
    if (char !== ' ' && char !== '\u3000') return false;
  }
  return true;
}

/** Markers at the start of a line or after a tab: option letters as the writer numbered them. */
function lineStartMarkers(text: string): Marker[] {
  return findMarkers(text, true).filter((marker) => startsLine(text, marker.start));
}

function lettersOutOfOrder(text: string): OptionCellResult {
  const letters = cellParts(text).map((part) => {
    const marker = startMarker(part);
    return marker === undefined ? '（无字母）' : (LETTERS[marker.letter] ?? '?');
  });
  return {
    ok: false,
    reason: `选项字母不连续或顺序错误：各行开头的选项字母依次为 ${letters.join('、')}，应从 A 起依次为 A、B、C…，不能跳过或颠倒。请补齐缺少的选项或改正字母（选项不会被重新编号）`,
  };
}

/** Options without letters: one per line, or separated by tabs; never lines that carry letters. */
function splitPlainLines(text: string): OptionCellResult | undefined {
  const parts = cellParts(text);
  if (parts.length < 2 || parts.length > LETTERS.length) return undefined;
  if (parts.some((part) => startMarker(part) !== undefined)) return lettersOutOfOrder(text);
  return {
    ok: true,
    options: parts.map((part, index) => ({ id: LETTERS[index] ?? 'A', text: part })),
  };
}

function tooManyMarkers(count: number): OptionCellResult {
  return {
    ok: false,
    reason: `选项单元格中有 ${count} 处像选项标记的字母（如“B.”），超过 ${MAX_MARKERS} 处，不像一道题的选项；请检查该单元格`,
  };
}

/** Splits one option cell (already cleaned: `\n` line ends, trimmed). */
export function splitOptionCell(cellText: string): OptionCellResult {
  const text = cellText.trim();
  const markers = findMarkers(text, true);
  if (markers.length > MAX_MARKERS) return tooManyMarkers(markers.length);
  const strictMarkers = markers.filter((marker) => !marker.style.endsWith(' '));
  const strict = chooseReading(text, strictMarkers) ?? chooseReading(text, markers);
  if (strict !== undefined) return strict;
  const plain = splitPlainLines(text);
  if (plain !== undefined) return plain;
  return {
    ok: false,
    reason: `无法从选项单元格“${text.length > 30 ? `${text.slice(0, 30)}…` : text}”中拆分出选项：应以 A. 开头，依次有 B.、C.…（标记可为 A. A、 A: (A) （A） Ａ．），或每行一个选项`,
  };
}

/** True when every option text is a 判断 word (正确/错误, 对/错, √/×). */
export function isTrueFalseOptionPair(options: readonly CellOption[]): boolean {
  if (options.length !== 2) return false;
  const words = options.map((option) => option.text.replace(/[。.\s]/g, ''));
  const truthy = new Set(['正确', '对', '√', '是']);
  const falsy = new Set(['错误', '错', '×', '否']);
  const [first = '', second = ''] = words;
  return (truthy.has(first) && falsy.has(second)) || (falsy.has(first) && truthy.has(second));
}
