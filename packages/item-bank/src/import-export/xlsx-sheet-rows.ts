import type { RawCell, TableRow } from './row-to-item';
import { XmlStream } from './xml-events';

/*
 * The rows of one worksheet, read from its XML as it is inflated: a row is handed out when its
 * </row> has been parsed, so only the current chunk's rows are held. Cells are read as exceljs
 * read them (the reader used before, docs/decisions/0651): shared and inline strings as text
 * (rich-text runs joined), numbers as JavaScript prints them, numbers in a date style as
 * YYYY-MM-DD, booleans as true/false, errors (#REF!, #N/A …) and formulas without a cached
 * result as corrupted cells.
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
  formula: boolean;
}

/** "AB12" → 27 (0-based column), or undefined. */
export function columnIndex(ref: string): number | undefined {
  const letters = /^([A-Z]+)\d*$/i.exec(ref)?.[1];
  if (letters === undefined) return undefined;
  let col = 0;
  for (const char of letters.toUpperCase()) col = col * 26 + (char.charCodeAt(0) - 64);
  return col - 1;
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

/** A worksheet's rows (1-based numbers, cells from column A), in file order. */
export function* sheetRows(
  chunks: Iterable<Uint8Array>,
  context: SheetContext,
): Generator<TableRow> {
  const done: TableRow[] = [];
  let rowNumber = 0;
  let cells: RawCell[] = [];
  let cell: CellState | undefined;
  let capture: 'v' | 't' | undefined;
  let inInline = false;
  let phonetic = 0;
  let inFormula = false;
  const xml = new XmlStream({
    open(name, attributes) {
      switch (name) {
        case 'row':
          rowNumber = attributes.r === undefined ? rowNumber + 1 : Number(attributes.r);
          cells = [];
          break;
        case 'c': {
          const col = columnIndex(attributes.r ?? '') ?? cells.length;
          cell = {
            col,
            type: attributes.t ?? 'n',
            style: Number(attributes.s ?? 0),
            value: undefined,
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
            while (cells.length < cell.col) cells.push('');
            cells[cell.col] = cellValue(cell, context);
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
      if (capture !== undefined) cell.value = (cell.value ?? '') + text;
      else if (inFormula && text !== '') cell.formula = true;
    },
  });
  for (const chunk of chunks) {
    xml.writeBytes(chunk);
    yield* done.splice(0);
  }
  xml.end();
  yield* done.splice(0);
}
