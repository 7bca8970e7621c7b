import { MAX_CELL_CHARS, type RawCell, type TableRow } from './row-to-item';
import { XmlStream } from './xml-events';

/*
 * The rows of one worksheet, read from its XML as it is inflated: a row is handed out when its
 * </row> has been parsed, so only the current chunk's rows are held. Cells are read as exceljs
 * read them (the reader used before, docs/decisions/0651): shared and inline strings as text
 * (rich-text runs joined), numbers as JavaScript prints them, numbers in a date style as
 * YYYY-MM-DD, booleans as true/false, errors (#REF!, #N/A …) and formulas without a cached
 * result as corrupted cells. A cell or row past Excel's grid (column XFD, row 1048576) ends the
 * sheet as damaged, naming the reference (docs/decisions/0655); empty cells after a row's last
 * filled cell add nothing.
 * A cell longer than MAX_CELL_CHARS is not kept, only its length, which rejects its row.
 */

export interface SheetContext {
  readonly sharedStrings: readonly string[];
  /** For each style index, whether its numbers are dates. */
  readonly dateStyles: readonly boolean[];
  readonly date1904: boolean;
}

interface CellState {
  col: number;
  type: string;
  style: number;
  value: string | undefined;
  /** Characters of text seen; text past MAX_CELL_CHARS is counted, not kept. */
  length: number;
  formula: boolean;
}

/** Excel's limits: columns A–XFD, rows 1–1048576. Anything beyond is a damaged sheet. */
export const MAX_COLUMNS = 16_384;
export const MAX_ROWS = 1_048_576;
const LIMITS = `最多 ${MAX_COLUMNS} 列（A–XFD）、${MAX_ROWS} 行`;

/** "AB12" → 27 (0-based column), or undefined. Long references stop counting past the limit. */
export function columnIndex(ref: string): number | undefined {
  const letters = /^([A-Z]+)\d*$/i.exec(ref)?.[1];
  if (letters === undefined) return undefined;
  let col = 0;
  for (const char of letters.toUpperCase()) {
    col = col * 26 + (char.charCodeAt(0) - 64);
    if (col > MAX_COLUMNS) return col - 1;
  }
  return col - 1;
}

/** Why a cell reference ("ZZZZZZ2", "B1048577") lies outside Excel's grid, or undefined. */
export function referenceProblem(ref: string): string | undefined {
  const col = columnIndex(ref);
  const row = /\d+$/.exec(ref)?.[0];
  if ((col !== undefined && col >= MAX_COLUMNS) || (row !== undefined && Number(row) > MAX_ROWS)) {
    return `单元格 ${ref} 超出 Excel 的范围（${LIMITS}）`;
  }
  return undefined;
}

function rowNumberOf(raw: string | undefined, previous: number): number {
  if (raw === undefined) return previous + 1;
  const row = Number(raw);
  if (!Number.isInteger(row) || row < 1 || row > MAX_ROWS) {
    throw new Error(`第 ${raw} 行超出 Excel 的范围（${LIMITS}）`);
  }
  return row;
}

/** Where a cell goes in its row (0-based), refusing references and rows past Excel's grid. */
function cellColumn(ref: string | undefined, next: number, row: number): number {
  const problem = ref === undefined ? undefined : referenceProblem(ref);
  if (problem !== undefined) throw new Error(problem);
  const col = (ref === undefined ? undefined : columnIndex(ref)) ?? next;
  if (col >= MAX_COLUMNS) {
    throw new Error(
      `第 ${row} 行的单元格超过 ${MAX_COLUMNS} 个（Excel 最多 ${MAX_COLUMNS} 列，A–XFD）`,
    );
  }
  return col;
}

/** exceljs's excelToDate, printed as cellToRaw printed a Date. */
function excelDate(serial: number, date1904: boolean): RawCell {
  const date = new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86_400_000));
  return Number.isNaN(date.getTime())
    ? { corrupted: '无效的日期' }
    : date.toISOString().slice(0, 10);
}

const XML_DECODE: Readonly<Record<string, string>> = {
  '&lt;': '<',
  '&gt;': '>',
  '&amp;': '&',
  '&apos;': "'",
  '&quot;': '"',
};

/** exceljs decodes `str` values a second time. */
function xmlDecode(text: string): string {
  return text.replace(/&(lt|gt|amp|apos|quot);/g, (entity) => XML_DECODE[entity] ?? entity);
}

function numberCell(text: string, cell: CellState, context: SheetContext): RawCell {
  const value = Number.parseFloat(text);
  if (context.dateStyles[cell.style] === true) return excelDate(value, context.date1904);
  return String(value);
}

function cellValue(cell: CellState, context: SheetContext): RawCell {
  const { value, type } = cell;
  if (cell.formula) {
    if (value === undefined || value === '') return { corrupted: '公式没有计算结果' };
    if (type === 'str') return xmlDecode(value);
    if (type === 'b') return String(Number.parseInt(value, 10) !== 0);
    if (type === 'e') return { corrupted: value };
    return numberCell(value, cell, context);
  }
  if (value === undefined) return '';
  switch (type) {
    case 's':
      return context.sharedStrings[Number.parseInt(value, 10)] ?? '';
    case 'str':
      return xmlDecode(value);
    case 'inlineStr':
      return value;
    case 'b':
      return String(Number.parseInt(value, 10) !== 0);
    case 'e':
      return { corrupted: value };
    default:
      return numberCell(value, cell, context);
  }
}

function cappedCellValue(cell: CellState, context: SheetContext): RawCell {
  if (cell.length > MAX_CELL_CHARS) return { tooLong: cell.length };
  const value = cellValue(cell, context);
  return typeof value === 'string' && value.length > MAX_CELL_CHARS
    ? { tooLong: value.length }
    : value;
}

/** A worksheet's rows (1-based numbers, cells from column A), in file order. */
export function* sheetRows(
  chunks: Iterable<Uint8Array>,
  context: SheetContext,
): Generator<TableRow> {
  const done: TableRow[] = [];
  let rowNumber = 0;
  let cells: RawCell[] = [];
  /** The column of a cell without a reference: the one after the previous cell. */
  let nextCol = 0;
  let cell: CellState | undefined;
  let capture: 'v' | 't' | undefined;
  let inInline = false;
  let phonetic = 0;
  let inFormula = false;
  const xml = new XmlStream({
    open(name, attributes) {
      switch (name) {
        case 'row':
          rowNumber = rowNumberOf(attributes.r, rowNumber);
          cells = [];
          nextCol = 0;
          break;
        case 'c': {
          const col = cellColumn(attributes.r, nextCol, rowNumber);
          nextCol = col + 1;
          cell = {
            col,
            type: attributes.t ?? 'n',
            style: Number(attributes.s ?? 0),
            value: undefined,
            length: 0,
            formula: false,
          };
          break;
        }
        case 'f':
          // exceljs: a formula is a non-empty <f> or a shared/array one (t="shared" si="0").
          if (cell !== undefined && attributes.t !== undefined) cell.formula = true;
          inFormula = true;
          break;
        case 'v':
          capture = 'v';
          break;
        case 'is':
          inInline = true;
          break;
        case 'rPh':
          phonetic += 1;
          break;
        case 't':
          if (inInline && phonetic === 0) capture = 't';
          break;
        default:
          break;
      }
    },
    close(name) {
      switch (name) {
        case 'v':
        case 't':
          capture = undefined;
          break;
        case 'f':
          inFormula = false;
          break;
        case 'is':
          inInline = false;
          break;
        case 'rPh':
          phonetic -= 1;
          break;
        case 'c':
          if (cell !== undefined) {
            // Empty cells past the last filled one (styled blanks out to XFD) are not padded.
            const value = cappedCellValue(cell, context);
            if (value !== '' || cell.col < cells.length) {
              while (cells.length < cell.col) cells.push('');
              cells[cell.col] = value;
            }
          }
          cell = undefined;
          break;
        case 'row':
          done.push({ row: rowNumber, cells });
          cells = [];
          break;
        default:
          break;
      }
    },
    text(text) {
      if (cell === undefined) return;
      if (capture !== undefined) {
        cell.length += text.length;
        if (cell.length <= MAX_CELL_CHARS) cell.value = (cell.value ?? '') + text;
      } else if (inFormula && text !== '') cell.formula = true;
    },
  });
  for (const chunk of chunks) {
    xml.writeBytes(chunk);
    yield* done.splice(0);
  }
  xml.end();
  yield* done.splice(0);
}
