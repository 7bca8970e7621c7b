import type { Accommodations } from '@skillexam/shared';

/*
 * The roster's accommodation columns (考生便利措施): 延长时间/分钟, 大字体, 高对比度. Blank cells
 * mean none. Pure: the roster parser reports what comes back as `problem`.
 */

/** Longest extra time a roster may grant (10 hours); more is surely a typing error. */
export const MAX_EXTRA_MINUTES = 600;

const YES = new Set(['是', '√', '✓', 'y', 'yes', '1', 'true', '有', '需要']);
const NO = new Set(['', '否', '×', 'n', 'no', '0', 'false', '无', '不需要']);

export type CellResult<T> = { readonly value: T } | { readonly problem: string };

/** 延长时间/分钟: a whole number 0–600, blank = 0. */
export function parseExtraMinutes(cell: string): CellResult<number> {
  const text = cell.trim();
  if (text === '') return { value: 0 };
  const minutes = /^\d{1,4}$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isInteger(minutes) || minutes > MAX_EXTRA_MINUTES)
    return {
      problem: `“${text}”应为 0–${MAX_EXTRA_MINUTES} 的整数分钟 (expected whole minutes 0–${MAX_EXTRA_MINUTES})`,
    };
  return { value: minutes };
}

/** 大字体 / 高对比度: 是/否, √, Y/N, 1/0; blank = no. */
export function parseYesNo(cell: string): CellResult<boolean> {
  const text = cell.trim().toLowerCase();
  if (YES.has(text)) return { value: true };
  if (NO.has(text)) return { value: false };
  return { problem: `“${cell.trim()}”应为“是”或“否” (expected 是/否, Y/N or 1/0)` };
}

/** The accommodations of one row, or undefined when the row grants none. */
export function accommodationsOf(
  extraMinutes: number,
  largeText: boolean,
  highContrast: boolean,
): Accommodations | undefined {
  return extraMinutes === 0 && !largeText && !highContrast
    ? undefined
    : { extraMinutes, largeText, highContrast };
}
