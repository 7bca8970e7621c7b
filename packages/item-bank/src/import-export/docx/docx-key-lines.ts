import type { DocxTypeHint } from './docx-headings';

/*
 * Which numbered lines of a key part without 「参考答案：」 labels start a key (「1. B」) and
 * which belong to the reference answer above (「1. 要点一」), decided per section type
 * (docs/decisions/0934-unlabelled-key-lines-by-section-type.md):
 * - 选择/判断: a line is a key only if what follows its number is a key of that type
 *   (option letters; √ × 对 错 正确 错误 or the letter of 「A. 正确 B. 错误」);
 * - 简答: numbered lines after a key are its reference answer's own list (1, 2, 3 …) unless
 *   the line is the next question's number; where a line could be either, the reading in which
 *   every question of the section gets exactly one key is taken, and a line two such readings
 *   disagree on is reported, never guessed;
 * - other sections (填空, or a section whose type is not known): every numbered line is a key.
 */

/** What the questions part knows about a section of the key part. */
export interface KeySectionInfo {
  readonly typeHint?: DocxTypeHint;
  /** The numbers of the section's questions, in order. */
  readonly numbers: readonly string[];
}

const CHOICE_KEY = /^[A-Fa-f](?:[\s,，、]*[A-Fa-f]){0,5}\s*[。.]?$/;
const TRUE_FALSE_KEY = /^(?:[√✓×✗对错]|正确|错误|[ABabTtFf]|true|false)\s*[。.]?$/i;

/** Whether `value` (the text after the number) can be the key of a question of this type. */
export function isKeyFor(typeHint: DocxTypeHint | undefined, value: string): boolean {
  const text = value.trim();
  if (typeHint === 'single_choice' || typeHint === 'multiple_choice') return CHOICE_KEY.test(text);
  if (typeHint === 'true_false') return TRUE_FALSE_KEY.test(text);
  return true;
}

export type ShortAnswerReading =
  | {
      readonly ok: true;
      readonly keys: readonly boolean[];
      /** Lines read as a key that could also have been the next point of the answer above. */
      readonly doubtful: readonly number[];
    }
  | { readonly ok: false; readonly keys: readonly boolean[]; readonly ambiguousAt?: number };

const MAX_READINGS = 2;

/**
 * Reads the numbered lines of one 简答 section of a key part: `lines` are their numbers in
 * order, `expected` the section's question numbers (undefined when the questions part has no
 * such section). Returns for each line whether it starts a key. Not ok: two readings give every
 * question one key, or none does and a line is both the next question's number and the next
 * point of the answer above (`ambiguousAt`: that line); without `ambiguousAt` the lines were
 * read one by one and the keys they lack are reported when matched.
 */
export function readShortAnswerLines(
  lines: readonly number[],
  expected: readonly number[] | undefined,
): ShortAnswerReading {
  const keys = expected ?? consecutive(lines[0] ?? 1, lines.length);
  const memo = new Map<string, boolean[][]>();
  // Readings of lines[i…] after k keys, the current answer's own list having reached `inner`.
  const readings = (i: number, k: number, inner: number): boolean[][] => {
    if (i === lines.length) return expected === undefined || k === keys.length ? [[]] : [];
    const id = `${i}:${k}:${inner}`;
    const known = memo.get(id);
    if (known !== undefined) return known;
    const found: boolean[][] = [];
    const number = lines[i];
    if (k < keys.length && number === keys[k]) {
      for (const rest of readings(i + 1, k + 1, 0)) found.push([true, ...rest]);
    }
    if (k > 0 && number === inner + 1 && found.length < MAX_READINGS) {
      for (const rest of readings(i + 1, k, inner + 1)) found.push([false, ...rest]);
    }
    const kept = found.slice(0, MAX_READINGS);
    memo.set(id, kept);
    return kept;
  };
  const [first, second] = readings(0, 0, 0);
  if (first !== undefined && second === undefined) {
    return { ok: true, keys: first, doubtful: doubtfulKeys(lines, keys, first) };
  }
  if (first !== undefined && second !== undefined) {
    const at = first.findIndex((isKey, index) => isKey !== second[index]);
    return { ok: false, keys: first, ambiguousAt: at };
  }
  const fallback = oneByOne(lines, keys);
  return fallback.ambiguousAt === undefined
    ? { ok: false, keys: fallback.keys }
    : { ok: false, keys: fallback.keys, ambiguousAt: fallback.ambiguousAt };
}

/** Lines of a reading that start a key although they also continue the answer's own list. */
function doubtfulKeys(
  lines: readonly number[],
  keys: readonly number[],
  reading: readonly boolean[],
): number[] {
  const doubtful: number[] = [];
  let k = 0;
  let inner = 0;
  reading.forEach((isKey, index) => {
    const number = lines[index];
    if (isKey && k > 0 && number === inner + 1) doubtful.push(index);
    if (isKey) {
      k += 1;
      inner = 0;
    } else inner += 1;
  });
  return doubtful.filter((index) => keys.includes(lines[index] ?? -1));
}

const consecutive = (from: number, count: number) =>
  Array.from({ length: count }, (_, index) => from + index);

/**
 * Without a complete reading, line by line: a key when it is the next question's number and
 * does not continue the answer's own list; a line that does both is ambiguous (kept with the
 * answer, and reported).
 */
function oneByOne(
  lines: readonly number[],
  keys: readonly number[],
): { keys: boolean[]; ambiguousAt?: number } {
  let k = 0;
  let inner = 0;
  let ambiguousAt: number | undefined;
  const read = lines.map((number, index) => {
    const next = number === keys[k];
    const continues = number === inner + 1 && index > 0;
    if (next && continues) ambiguousAt ??= index;
    if (index === 0 || (next && !continues)) {
      k = Math.max(k, keys.indexOf(number)) + 1;
      inner = 0;
      return true;
    }
    if (continues) inner = number;
    return false;
  });
  return ambiguousAt === undefined ? { keys: read } : { keys: read, ambiguousAt };
}
