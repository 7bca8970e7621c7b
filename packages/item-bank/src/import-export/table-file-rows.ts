import { MAX_CELL_CHARS, type RawCell, type TableRow } from './row-to-item';
import { MAX_COLUMNS } from './xlsx-sheet-rows';

/*
 * Collects a roster's or score sheet's rows (from the streamed xlsx or CSV reader) as the text
 * grid the apps' parsers index: `rows[i]` is sheet row i + 1, so blank rows between filled ones
 * are filled in as empty rows, and blank rows after the last filled one are dropped. Caps
 * (docs/decisions/0996): a filled row past `maxRows`, a row of more than 16384 cells or more
 * than `maxCells` cells in all refuse the file, so a sheet whose one cell is at row 1,000,000
 * allocates nothing before it is refused.
 */

export class TableFileError extends Error {
  constructor(
    readonly file: string,
    /** Sheet row (1-based), or 0 for the file as a whole. */
    readonly row: number,
    readonly reason: string,
  ) {
    super(row > 0 ? `第 ${row} 行：${reason}` : reason);
  }
}

export interface TableGridLimits {
  /** Largest sheet row (CSV record) number that may hold text. */
  readonly maxRows: number;
  /** Largest number of cells kept in all rows (blank cells inside a row included). */
  readonly maxCells: number;
  /**
   * Whether a blank row past `maxRows` refuses the file too (CSV: every blank line costs a
   * record to parse; an xlsx row element can skip a million blank rows at no cost).
   */
  readonly blankRowsCount?: boolean;
}

/** "A" for 0, "AA" for 26. */
export function columnName(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return letters;
}

const ERROR_VALUE = /^#[A-Z0-9/!?.]+$/i;

/**
 * A cell as the apps' readers printed exceljs values: text as is, numbers as JavaScript prints
 * them, dates as YYYY-MM-DD (the sheet reader already did that); a formula without a cached
 * result is empty, an error value (#N/A, #DIV/0!) is its code, so the parser names it.
 */
function cellText(cell: RawCell, file: string, row: number, col: number): string {
  if (typeof cell === 'string') return cell;
  if ('tooLong' in cell) {
    throw new TableFileError(
      file,
      row,
      `${columnName(col)} 列的单元格有 ${cell.tooLong} 个字符，超过上限 ${MAX_CELL_CHARS} 个字符 (cell longer than ${MAX_CELL_CHARS} characters)`,
    );
  }
  return ERROR_VALUE.test(cell.corrupted) ? cell.corrupted : '';
}

/** Drops image tokens the xlsx reader appended for pictures anchored in a cell. */
export type CellFilter = (text: string) => string;

/** The rows as text; throws TableFileError at the first row past a cap. */
export function collectTableRows(
  rows: Iterable<TableRow>,
  file: string,
  limits: TableGridLimits,
  filter?: CellFilter,
): string[][] {
  const grid: string[][] = [];
  let cellCount = 0;
  for (const row of rows) {
    if (row.cells.length > MAX_COLUMNS) {
      throw new TableFileError(
        file,
        row.row,
        `这一行有 ${row.cells.length} 个单元格，超过 Excel 的上限 ${MAX_COLUMNS} 列 (more than ${MAX_COLUMNS} cells in a row)`,
      );
    }
    const cells = row.cells.map((cell, col) => {
      const text = cellText(cell, file, row.row, col);
      return filter === undefined ? text : filter(text);
    });
    const blank = cells.every((cell) => cell.trim() === '');
    if (row.row > limits.maxRows && (!blank || limits.blankRowsCount === true)) {
      const what = blank ? '，空行也算' : '还有内容';
      throw new TableFileError(
        file,
        0,
        `表格超过 ${limits.maxRows} 行（第 ${row.row} 行${what}），名单或成绩表不会这么长，请检查文件 (more than ${limits.maxRows} rows)`,
      );
    }
    if (blank) continue;
    if (row.row <= grid.length) {
      throw new TableFileError(
        file,
        row.row,
        `第 ${row.row} 行重复出现或顺序颠倒，文件已损坏 (row ${row.row} repeated or out of order)`,
      );
    }
    cellCount += cells.length;
    if (cellCount > limits.maxCells) {
      throw new TableFileError(
        file,
        0,
        `表格的单元格超过 ${limits.maxCells} 个（到第 ${row.row} 行为止），名单或成绩表不会这么大，请检查文件 (more than ${limits.maxCells} cells)`,
      );
    }
    while (grid.length < row.row - 1) grid.push([]);
    grid.push(cells);
  }
  return grid;
}
