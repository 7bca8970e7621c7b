import chardet from 'chardet';
import type ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import Papa from 'papaparse';

/*
 * Reads the first sheet of an .xlsx, or a .csv, as rows of trimmed text cells.
 * CSV encodings: UTF-8 (with or without BOM) or, failing strict UTF-8, whatever chardet finds
 * (GB18030/GBK from Chinese Excel, Big5, UTF-16); GB18030 when chardet cannot tell.
 */

export type TableFileKind = 'xlsx' | 'csv';

export function tableFileKind(fileName: string): TableFileKind | undefined {
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.xlsx')) return 'xlsx';
  if (lower.endsWith('.csv')) return 'csv';
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
  // exceljs loads when a workbook is read or written, not at server start (decision 0723).
  const { default: Excel }: { default: typeof ExcelJS } = await import('exceljs');
  const workbook = new Excel.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  if (sheet === undefined) return [];
  const rows: string[][] = [];
  for (let r = 1; r <= sheet.rowCount; r += 1) {
    const row = sheet.getRow(r);
    const cells: string[] = [];
    for (let c = 1; c <= row.cellCount; c += 1) cells.push(cellText(row.getCell(c).value).trim());
    rows.push(cells);
  }
  return rows;
}

export function decodeCsvBytes(bytes: Uint8Array): { text: string; encoding: string } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8' };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    const detected = chardet.detect(bytes);
    const encoding =
      detected !== null && detected !== 'UTF-8' && iconv.encodingExists(detected)
        ? detected
        : 'gb18030';
    // GBK and GB2312 are subsets of GB18030: decode them with the superset.
    const effective = /^(gb2312|gbk|gb18030)$/i.test(encoding) ? 'gb18030' : encoding;
    return { text: iconv.decode(Buffer.from(bytes), effective), encoding: effective.toLowerCase() };
  }
}

function readCsv(bytes: Uint8Array): string[][] {
  const { text } = decodeCsvBytes(bytes);
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: false });
  return parsed.data.map((row) => row.map((cell) => cell.trim()));
}

export async function readTableFile(bytes: Uint8Array, kind: TableFileKind): Promise<string[][]> {
  return kind === 'xlsx' ? readXlsx(bytes) : readCsv(bytes);
}
