import type { OptionId } from '@skillexam/shared';
import { parseTrueFalseKey, type CellResult } from './cell-values';
import { OPTION_FIELDS, type TableField } from './column-mapping';
import { splitOptionCell, type CellOption } from './option-cell';
import { normalizeCode } from './text-normalize';

/*
 * The options of one row — from the template's 选项A…选项F columns or from one 选项 cell —
 * and the 判断 key read through them: a letter key means whatever its option says
 * (`A、正确 B、错误` or `A.错误 B.正确`), never a fixed A = 正确.
 */

const OPTION_LETTERS: readonly OptionId[] = ['A', 'B', 'C', 'D', 'E', 'F'];

export interface RowOptions {
  options: CellOption[];
  /** Why the one-cell options could not be split; reported only when the row needs options. */
  splitError?: string;
}

/**
 * Reads the option columns (a gap such as B empty but C filled is reported through `error`),
 * or, when they are all empty, the one-cell 选项 column.
 */
export function readRowOptions(
  cell: (field: TableField) => string,
  hasOptionsColumn: boolean,
  error: (field: TableField, reason: string) => void,
): RowOptions {
  const options: CellOption[] = [];
  let gapAt: OptionId | undefined;
  OPTION_FIELDS.forEach((field, index) => {
    const text = cell(field);
    const id = OPTION_LETTERS[index];
    if (id === undefined) return;
    if (text === '') {
      gapAt ??= id;
      return;
    }
    if (gapAt !== undefined) error(field, `选项${gapAt}为空，但其后的选项${id}有内容`);
    options.push({ id, text });
  });
  const oneCell = hasOptionsColumn ? cell('options') : '';
  if (oneCell === '') return { options };
  if (options.length > 0) {
    error('options', '选项既写在“选项A…”各列，又写在“选项”列中，请只保留一种');
    return { options };
  }
  const split = splitOptionCell(oneCell);
  return split.ok ? { options: split.options } : { options: [], splitError: split.reason };
}

/**
 * A 判断 key: √/×, 对/错 … as such; an option letter (A–E, or F when the row has an option F)
 * is read through the text of the option it names.
 */
export function trueFalseKeyThroughOptions(
  keyText: string,
  options: readonly CellOption[],
): CellResult<boolean> {
  const code = normalizeCode(keyText).replace(/[()]/g, '');
  const named = options.find((option) => option.id === code);
  if (named !== undefined) {
    const value = parseTrueFalseKey(named.text);
    if (value.ok) return value;
    return {
      ok: false,
      reason: `判断题答案为选项${named.id}，但选项${named.id}“${named.text}”不是 正确/错误（对/错）`,
    };
  }
  if (/^[A-E]$/.test(code)) {
    return {
      ok: false,
      reason: `判断题答案“${keyText}”是选项字母，但本行没有选项${code}的文字，无法确定它表示正确还是错误；请写 对/错（或 √/×），或在选项列写出“A.正确 B.错误”`,
    };
  }
  return parseTrueFalseKey(keyText);
}
