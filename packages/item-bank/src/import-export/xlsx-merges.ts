import type { RawCell, TableRow } from './row-to-item';
import { columnIndex, MAX_COLUMNS, MAX_ROWS } from './xlsx-sheet-rows';

/*
 * Merged cells as exceljs showed them: every cell of a merged range reads as the range's
 * top-left cell (so a 题型 cell merged down a block of rows applies to each row). The ranges
 * are listed after the rows in the sheet XML, so they are collected while the zip is checked
 * (MergeScanner) and applied as the rows stream by. Only rows the sheet XML has are filled: a
 * row the XML leaves out has nothing but the merged value, so it adds no item (and a range of
 * a million rows below the last real row adds nothing). A range past Excel's grid (column XFD,
 * row 1048576) makes the sheet damaged (docs/decisions/0656).
 */

export interface MergeRange {
  readonly top: number;
  readonly bottom: number;
  /** 0-based columns. */
  readonly left: number;
  readonly right: number;
}

function parseRange(ref: string): MergeRange | string | undefined {
  const [from = '', to = from] = ref.split(':');
  const rowOf = (cell: string) => Number(/\d+$/.exec(cell)?.[0] ?? Number.NaN);
  const top = rowOf(from);
  const bottom = rowOf(to);
  const left = columnIndex(from.replace(/\d+$/, ''));
  const right = columnIndex(to.replace(/\d+$/, ''));
  if (left === undefined || right === undefined || !(top >= 1) || !(bottom >= top))
    return undefined;
  if (right >= MAX_COLUMNS || left >= MAX_COLUMNS || bottom > MAX_ROWS) {
    return `合并单元格 ${ref} 超出 Excel 的范围（最多 ${MAX_COLUMNS} 列（A–XFD）、${MAX_ROWS} 行）`;
  }
  return { top, bottom, left, right };
}

/** Collects the `<mergeCell ref="…"/>` ranges of a worksheet from its inflated text. */
export class MergeScanner {
  readonly ranges: MergeRange[] = [];
  /** The first range past Excel's grid: the sheet is damaged. */
  problem: string | undefined;
  #decoder = new TextDecoder('utf-8');
  #carry = '';

  push(chunk: Uint8Array, last: boolean): void {
    const text = this.#carry + this.#decoder.decode(chunk, { stream: !last });
    const end = last ? text.length : text.lastIndexOf('>') + 1;
    const complete = text.slice(0, end);
    this.#carry = text.slice(end);
    if (!complete.includes('mergeCell')) return;
    for (const match of complete.matchAll(/<(?:\w+:)?mergeCell\s[^>]*?\bref="([^"]+)"/g)) {
      const range = match[1] === undefined ? undefined : parseRange(match[1]);
      if (typeof range === 'string') this.problem ??= range;
      else if (range !== undefined && (range.bottom > range.top || range.right > range.left)) {
        this.ranges.push(range);
      }
    }
  }
}

function fill(cells: RawCell[], range: MergeRange, row: number, master: RawCell): void {
  for (let col = range.left; col <= range.right; col += 1) {
    if (row === range.top && col === range.left) continue;
    // An empty merged value changes the cells the row has, and pads none.
    if (master === '' && col >= cells.length) break;
    while (cells.length < col) cells.push('');
    cells[col] = master;
  }
}

/** The rows with every merged cell reading as its range's top-left cell. */
export function* applyMerges(
  rows: Iterable<TableRow>,
  ranges: readonly MergeRange[],
): Generator<TableRow> {
  if (ranges.length === 0) {
    yield* rows;
    return;
  }
  const pending = [...ranges].sort((a, b) => a.top - b.top);
  const active: { range: MergeRange; master: RawCell }[] = [];
  const activate = (row: number, cells: readonly RawCell[]) => {
    while (pending.length > 0 && (pending[0]?.top ?? Infinity) <= row) {
      const range = pending.shift();
      if (range === undefined) break;
      active.push({ range, master: range.top === row ? (cells[range.left] ?? '') : '' });
    }
  };
  const withMerges = (row: number, cells: RawCell[]): TableRow => {
    for (let i = active.length - 1; i >= 0; i -= 1) {
      const entry = active[i];
      if (entry === undefined) continue;
      if (entry.range.bottom < row) active.splice(i, 1);
      else fill(cells, entry.range, row, entry.master);
    }
    return { row, cells };
  };
  for (const { row, cells } of rows) {
    activate(row, cells);
    yield withMerges(row, [...cells]);
  }
}
