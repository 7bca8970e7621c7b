import type ExcelJS from 'exceljs';
import { CsvTextError, decodeCsvText, parseCsvRecords } from './csv-text';

/*
 * Reads the first sheet of an .xlsx, or a .csv, as rows of trimmed (NFKC) text cells — the
 * shape the score-sheet parser checks. Numbers are written as JavaScript writes them (an ID
 * number Excel stored as a number shows up as digits or an exponent, and the parser says so).
 */

export type ScoreTableKind = 'xlsx' | 'csv';

export function scoreTableKind(fileName: string): ScoreTableKind | undefined {
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.xlsx')) return 'xlsx';
  if (lower.endsWith('.csv') || lower.endsWith('.txt')) return 'csv';
  return undefined;
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ('richText' in value) return value.richText.map((run) => run.text).join('');
  if ('formula' in value || 'sharedFormula' in value) {
    const result = value.result;
    return result === undefined || result === null || typeof result === 'object'
      ? ''
      : String(result);
  }
  if ('text' in value) return String(value.text);
  return '';
}

async function readXlsx(bytes: Uint8Array): Promise<string[][]> {
  // exceljs loads when a sheet is read, not when the centre starts (docs/decisions/0723).
  const { default: Excel }: { default: typeof ExcelJS } = await import('exceljs');
  const workbook = new Excel.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  if (sheet === undefined) return [];
  const rows: string[][] = [];
  for (let r = 1; r <= sheet.rowCount; r += 1) {
    const row = sheet.getRow(r);
    const cells: string[] = [];
    for (let c = 1; c <= row.cellCount; c += 1) cells.push(cellText(row.getCell(c).value));
    rows.push(cells);
  }
  return rows;
}

export class ScoreTableError extends Error {
  constructor(
    readonly row: number,
    readonly reason: string,
  ) {
    super(reason);
  }
}

/** The rows of the sheet; throws ScoreTableError when the file cannot be read at all. */
export async function readScoreTable(bytes: Uint8Array, kind: ScoreTableKind): Promise<string[][]> {
  let rows: string[][];
  try {
    rows = kind === 'xlsx' ? await readXlsx(bytes) : parseCsvRecords(decodeCsvText(bytes));
  } catch (error) {
    if (error instanceof CsvTextError) throw new ScoreTableError(error.row, error.reason);
    throw new ScoreTableError(
      0,
      kind === 'xlsx'
        ? '无法读取 .xlsx 文件：文件已损坏或不是 Excel 工作簿 (not a readable .xlsx workbook)'
        : '无法读取 CSV 文件 (unreadable CSV)',
    );
  }
  return rows.map((cells) => cells.map((cell) => cell.normalize('NFKC').trim()));
}
