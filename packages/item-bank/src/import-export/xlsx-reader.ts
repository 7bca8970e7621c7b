import { createHash } from 'node:crypto';
import ExcelJS from 'exceljs';
import type { ColumnMapping, FileIssue, ParsedAsset, ParsedItemFile } from './item-file-types';
import { imageToken } from './rich-text';
import type { RawCell, TableRow } from './row-to-item';
import { readZipSafely, type ZipLimits } from './safe-zip-reader';
import { importTableRows } from './table-import';

/*
 * Reads the Excel item template (.xlsx) with exceljs, after the zip passed the same safety
 * checks as a bank package (an .xlsx is a zip, so it can be a bomb too): the sheet named 试题 (or the first sheet
 * that is not an instructions sheet), every cell as text, formula errors as corrupted cells,
 * pictures anchored in a cell appended to that cell's text as image tokens.
 */

const IMAGE_MIME = { png: 'image/png', jpeg: 'image/jpeg', gif: 'image/gif' } as const;
const INSTRUCTION_SHEET = /说明|帮助|readme|instructions/i;

function cellToRaw(value: ExcelJS.CellValue): RawCell {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ('error' in value) return { corrupted: String(value.error) };
  if ('richText' in value) return value.richText.map((run) => run.text).join('');
  if ('formula' in value || 'sharedFormula' in value) {
    const result = value.result;
    if (result === undefined || result === null) return { corrupted: '公式没有计算结果' };
    if (typeof result === 'object' && 'error' in result) return { corrupted: String(result.error) };
    return cellToRaw(result);
  }
  if ('text' in value) return String(value.text);
  return { corrupted: '无法识别的单元格内容' };
}

function pickSheet(workbook: ExcelJS.Workbook): ExcelJS.Worksheet | undefined {
  const sheets = workbook.worksheets;
  return (
    sheets.find((sheet) => sheet.name.trim() === '试题') ??
    sheets.find((sheet) => !INSTRUCTION_SHEET.test(sheet.name)) ??
    sheets[0]
  );
}

export async function readXlsxItems(
  bytes: Uint8Array,
  fileName: string,
  mapping?: ColumnMapping,
  limits?: ZipLimits,
): Promise<ParsedItemFile> {
  const workbook = new ExcelJS.Workbook();
  const assets = new Map<string, ParsedAsset>();
  const fail = (reason: string): ParsedItemFile => ({
    format: 'xlsx',
    items: [],
    assets,
    issues: [{ file: fileName, reason, severity: 'error' }],
  });
  const zip = await readZipSafely(bytes, limits);
  if (!zip.ok) {
    const where = zip.entry === undefined ? '' : `（条目 ${zip.entry}）`;
    return fail(`无法读取 Excel 文件${where}：${zip.reason}`);
  }
  try {
    await workbook.xlsx.load(bytes.slice().buffer);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return fail(`无法读取 Excel 文件（不是有效的 .xlsx 文件）：${detail}`);
  }
  const sheet = pickSheet(workbook);
  if (sheet === undefined) return fail('Excel 文件中没有工作表');

  const rows: TableRow[] = [];
  const byRowNumber = new Map<number, RawCell[]>();
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: RawCell[] = [];
    for (let col = 1; col <= row.cellCount; col += 1) cells.push(cellToRaw(row.getCell(col).value));
    byRowNumber.set(rowNumber, cells);
    rows.push({ row: rowNumber, cells });
  });

  const issues: FileIssue[] = [];
  for (const picture of sheet.getImages()) {
    const image = workbook.getImage(Number(picture.imageId));
    const buffer = image.buffer;
    const rowNumber = Math.floor(picture.range.tl.nativeRow) + 1;
    const col = Math.floor(picture.range.tl.nativeCol);
    const cells = byRowNumber.get(rowNumber);
    if (buffer === undefined || cells === undefined) {
      issues.push({
        file: fileName,
        row: rowNumber,
        field: '图片',
        reason: '图片不在任何试题行中，已忽略',
        severity: 'warning',
      });
      continue;
    }
    const data = new Uint8Array(buffer);
    const hash = createHash('sha256').update(data).digest('hex');
    assets.set(hash, { bytes: data, mime: IMAGE_MIME[image.extension] });
    while (cells.length <= col) cells.push('');
    const current = cells[col];
    const text = typeof current === 'string' ? current : '';
    if (typeof current === 'string' && !text.includes(`[图片:${hash}`)) {
      cells[col] = `${text}\n${imageToken(hash)}`.trim();
    }
  }

  const table = importTableRows(rows, fileName, mapping);
  return { format: 'xlsx', items: table.items, assets, issues: [...issues, ...table.issues] };
}
