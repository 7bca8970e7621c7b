import type { BankImportFormat } from '@skillexam/shared';
import { detectItemFileFormat, TABLE_FIELD_HEADERS, TABLE_FIELDS } from '@skillexam/item-bank';
import type ExcelJS from 'exceljs';

export interface ImportInspection {
  readonly format?: BankImportFormat;
  /** The first row of an xlsx/csv file: what the column mapping chooses from. */
  readonly headers: string[];
  readonly fields: { field: string; header: string }[];
}

/** Word documents are read by the docx reader; everything else by the item-bank detector. */
export function detectImportFormat(
  fileName: string,
  bytes: Uint8Array,
): BankImportFormat | undefined {
  if (/\.docx$/i.test(fileName)) return 'docx';
  return detectItemFileFormat(fileName, bytes);
}

function decodeText(bytes: Uint8Array): string {
  const utf8 = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  // Chinese Excel saves CSV as GBK: replacement characters mean the UTF-8 guess was wrong.
  if (!utf8.includes('\uFFFD')) return utf8.replace(/^\uFEFF/, '');
  return new TextDecoder('gb18030').decode(bytes);
}

/** Splits one CSV line, honouring double quotes ("a,b" stays one cell). */
export function splitCsvLine(line: string, separator: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i += 1) {
    const char = line[i];
    if (quoted) {
      if (char === '"' && line[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === separator) {
      cells.push(cell.trim());
      cell = '';
    } else cell += char;
  }
  cells.push(cell.trim());
  return cells;
}

async function xlsxHeaders(bytes: Uint8Array): Promise<string[]> {
  // exceljs loads when a workbook is read or written (decision 0723)
  const { default: Excel }: { default: typeof ExcelJS } = await import('exceljs');
  const workbook = new Excel.Workbook();
  await workbook.xlsx.load(
    bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
  );
  const sheet = workbook.worksheets[0];
  if (sheet === undefined) return [];
  const headers: string[] = [];
  sheet.getRow(1).eachCell({ includeEmpty: true }, (cell, column) => {
    headers[column - 1] = cell.text.trim();
  });
  return Array.from(headers, (header) => header ?? '');
}

export async function inspectImport(
  fileName: string,
  bytes: Uint8Array,
): Promise<ImportInspection> {
  const format = detectImportFormat(fileName, bytes);
  const fields = TABLE_FIELDS.map((field) => ({ field, header: TABLE_FIELD_HEADERS[field] }));
  let headers: string[] = [];
  if (format === 'csv') {
    const firstLine = decodeText(bytes.subarray(0, 64 * 1024)).split(/\r?\n/)[0] ?? '';
    headers = splitCsvLine(firstLine, firstLine.includes('\t') ? '\t' : ',');
  } else if (format === 'xlsx') {
    headers = await xlsxHeaders(bytes);
  }
  return { ...(format === undefined ? {} : { format }), headers, fields };
}
