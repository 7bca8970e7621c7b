import {
  OPTION_IDS,
  optionMask,
  scoreItem,
  type MultipleChoiceScoring,
  type OptionId,
} from '@skillexam/shared';

/*
 * What the cells of a response file mean (docs/formats/responses-csv.md § Cells): option letters,
 * scores, and the default options offered. Letters are scored with the paper rules (`scoreItem`).
 */

/** One item column of a response file, as the header and meta rows describe it. */
export interface Column {
  readonly id: string;
  key?: OptionId[];
  max?: number;
  offered?: OptionId[];
}

/** "AC", "a,c", "A C", "A/C" → ['A', 'C']; undefined if not letters A–F without repeats. */
export function parseOptionLetters(text: string): OptionId[] | undefined {
  const letters = text.toUpperCase().replace(/[\s,，/、;；]+/g, '');
  if (!/^[A-F]+$/.test(letters)) return undefined;
  const unique = new Set(letters);
  if (unique.size !== letters.length) return undefined;
  return OPTION_IDS.filter((option) => unique.has(option));
}

export function parseScore(text: string): number | undefined {
  return /^\d+(\.\d+)?$/.test(text) ? Number(text) : undefined;
}

/** A–D for a one-letter key, A–E for several, widened to the highest letter in use. */
export function defaultOffered(key: readonly OptionId[], highestChosen: number): OptionId[] {
  const highest = Math.max(
    highestChosen,
    OPTION_IDS.indexOf(key.at(-1) ?? 'A'),
    key.length > 1 ? 4 : 3,
  );
  return OPTION_IDS.slice(0, highest + 1);
}

export type CellValue =
  { readonly score: number; readonly mask: number } | { readonly error: string };

/** What one non-empty cell means in its column: a score (and the options chosen) or an error. */
export function interpretCell(
  text: string,
  column: Column,
  max: number | undefined,
  policy: MultipleChoiceScoring,
): CellValue {
  const key = column.key;
  if (key !== undefined) {
    const chosen = parseOptionLetters(text);
    if (chosen === undefined) return { error: `应为选项字母 A–F（如 B 或 AC），实际为“${text}”` };
    const offered = column.offered;
    const outside =
      offered === undefined ? [] : chosen.filter((option) => !offered.includes(option));
    if (outside.length > 0) {
      return { error: `选项 ${outside.join('')} 不在本题的选项 ${offered?.join('') ?? ''} 中` };
    }
    const result = scoreItem(
      key.length === 1
        ? { type: 'single_choice', key: key[0] ?? 'A' }
        : { type: 'multiple_choice', key },
      { kind: 'choice', selected: chosen },
      { pointsEach: max ?? 1, multipleChoicePolicy: policy },
    );
    return { score: result.status === 'scored' ? result.points : 0, mask: optionMask(chosen) };
  }
  const score = parseScore(text);
  if (score === undefined) {
    return {
      error: parseOptionLetters(text)
        ? `“${text}”是选项字母，但本题没有答案：请加 #答案 行或提供答案`
        : `应为分数（不小于 0 的数），实际为“${text}”`,
    };
  }
  if (max !== undefined && score > max) return { error: `分数 ${score} 超过本题满分 ${max}` };
  return { score, mask: 0 };
}
