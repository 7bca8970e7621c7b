import { errorMessage } from '@skillexam/shared';
import { createHash } from 'node:crypto';
import { CHUNK_BYTES, type ItemFileSource } from './byte-source';
import { FileReadError } from './file-read-error';
import type {
  ColumnMapping,
  FileIssue,
  ItemFileStream,
  ReadMeter,
  ItemStreamEntry,
  ParsedAsset,
  ParsedItemFile,
} from './item-file-types';
import { collectEntries } from './item-stream';
import { imageToken } from './rich-text';
import type { TableRow } from './row-to-item';
import type { ZipLimits } from './safe-zip-reader';
import { importTableRows } from './table-import';
import { applyMerges, MergeScanner } from './xlsx-merges';
import {
  readCellPictures,
  readDateStyles,
  readSharedStrings,
  readWorkbook,
  type SheetRef,
} from './xlsx-parts';
import { sheetRows } from './xlsx-sheet-rows';
import { CheckedZip, ZipEntryRefusal } from './zip-entries';

/*
 * Reads the Excel item template (.xlsx) row by row, after every zip entry passed the same
 * safety checks as a bank package (an .xlsx is a zip, so it can be a bomb too): the sheet named
 * 试题 (or the first sheet that is not an instructions sheet), every cell as text as exceljs read
 * it, formula errors as corrupted cells, merged cells as their top-left cell, pictures anchored
 * in a cell appended to that cell's text as image tokens. The worksheet is inflated and parsed
 * in chunks (docs/decisions/0651); the shared strings and pictures are read once, up front.
 */

const IMAGE_MIME: Readonly<Record<string, string>> = {
  png: 'image/png',
  jpeg: 'image/jpeg',
  jpg: 'image/jpeg',
  gif: 'image/gif',
};
const INSTRUCTION_SHEET = /说明|帮助|readme|instructions/i;
const WORKSHEET = /^xl\/worksheets\/[^/]+\.xml$/;

function pickSheet(sheets: readonly SheetRef[]): SheetRef | undefined {
  return (
    sheets.find((sheet) => sheet.name.trim() === '试题') ??
    sheets.find((sheet) => !INSTRUCTION_SHEET.test(sheet.name)) ??
    sheets[0]
  );
}

interface PlacedPicture {
  readonly col: number;
  readonly hash: string;
}

function failedStream(fileName: string, reason: string): ItemFileStream {
  return {
    format: 'xlsx',
    assets: new Map(),
    entries: [{ kind: 'issue', issue: { file: fileName, reason, severity: 'error' } }],
  };
}

function refusalReason(error: ZipEntryRefusal): string {
  const where = error.entry === undefined ? '' : `（条目 ${error.entry}）`;
  return `无法读取 Excel 文件${where}：${error.reason}`;
}

/** Pictures anchored in the sheet: their assets, and where each goes (row → pictures). */
function placePictures(
  zip: CheckedZip,
  sheetPath: string,
  fileName: string,
): { assets: Map<string, ParsedAsset>; byRow: Map<number, PlacedPicture[]>; issues: FileIssue[] } {
  const assets = new Map<string, ParsedAsset>();
  const byRow = new Map<number, PlacedPicture[]>();
  const issues: FileIssue[] = [];
  for (const picture of readCellPictures(zip, sheetPath)) {
    const extension = picture.media.split('.').pop()?.toLowerCase() ?? '';
    const mime = IMAGE_MIME[extension];
    if (mime === undefined || !zip.has(picture.media)) {
      issues.push({
        file: fileName,
        row: picture.row,
        field: '图片',
        reason:
          mime === undefined
            ? `图片格式 ${extension || '未知'} 不支持（可用 PNG、JPEG、GIF），已忽略`
            : `图片文件 ${picture.media} 不在文件中，已忽略`,
        severity: 'warning',
      });
      continue;
    }
    const data = zip.read(picture.media);
    const hash = createHash('sha256').update(data).digest('hex');
    assets.set(hash, { bytes: data, mime });
    byRow.set(picture.row, [...(byRow.get(picture.row) ?? []), { col: picture.col, hash }]);
  }
  return { assets, byRow, issues };
}

function withPicture(row: TableRow, pictures: readonly PlacedPicture[]): TableRow {
  const cells = [...row.cells];
  for (const { col, hash } of pictures) {
    while (cells.length <= col) cells.push('');
    const current = cells[col];
    if (typeof current === 'string' && !current.includes(`[图片:${hash}`)) {
      cells[col] = `${current}\n${imageToken(hash)}`.trim();
    }
  }
  return { row: row.row, cells };
}

/** An opened worksheet: its pictures' assets, then its rows (read once), then what was left over. */
export interface XlsxSheet {
  readonly name: string;
  readonly assets: Map<string, ParsedAsset>;
  /** Bytes of the worksheet's XML, and how many `rows` has read so far (progress). */
  readonly meter: ReadMeter;
  rows(): Generator<TableRow>;
  /** Pictures that were not placed in a row (after `rows` finished). */
  unplaced(): FileIssue[];
  close(): void;
}

/** Opens the items sheet of an .xlsx, or says why it cannot be read. */
export async function openXlsxSheet(
  source: ItemFileSource,
  fileName: string,
  limits?: ZipLimits,
): Promise<{ ok: true; sheet: XlsxSheet } | { ok: false; reason: string }> {
  const merges = new Map<string, MergeScanner>();
  let zip: CheckedZip;
  try {
    zip = await CheckedZip.open(source, limits, (entry, chunk, last) => {
      if (!WORKSHEET.test(entry)) return;
      let scanner = merges.get(entry);
      if (scanner === undefined) merges.set(entry, (scanner = new MergeScanner()));
      scanner.push(chunk, last);
    });
  } catch (error) {
    if (error instanceof ZipEntryRefusal) return { ok: false, reason: refusalReason(error) };
    throw error;
  }
  try {
    if (!zip.has('xl/workbook.xml')) {
      throw new Error('缺少 xl/workbook.xml');
    }
    const workbook = readWorkbook(zip);
    const sheet = pickSheet(workbook.sheets.filter((ref) => zip.has(ref.path)));
    if (sheet === undefined) {
      zip.close();
      return { ok: false, reason: 'Excel 文件中没有工作表' };
    }
    const context = {
      sharedStrings: readSharedStrings(zip),
      dateStyles: readDateStyles(zip),
      date1904: workbook.date1904,
    };
    const damaged = (problem: string) => {
      zip.close();
      return {
        ok: false as const,
        reason: `无法读取 Excel 文件（工作表“${sheet.name}”损坏）：${problem}`,
      };
    };
    const scanner = merges.get(sheet.path);
    if (scanner?.problem !== undefined) return damaged(scanner.problem);
    let pictures: ReturnType<typeof placePictures>;
    try {
      pictures = placePictures(zip, sheet.path, fileName);
    } catch (error) {
      return damaged(errorMessage(error));
    }
    const ranges = scanner?.ranges ?? [];
    const seen = new Set<number>();
    let read = 0;
    // Fed to the parser a slice at a time (a small sheet is inflated in one piece), so the
    // bytes read follow the rows mapped (progress, docs/decisions/0941).
    const sheetXml = function* (): Generator<Uint8Array> {
      for (const chunk of zip.stream(sheet.path)) {
        for (let at = 0; at < chunk.length; at += CHUNK_BYTES) {
          const slice = chunk.subarray(at, at + CHUNK_BYTES);
          read += slice.length;
          yield slice;
        }
      }
    };
    return {
      ok: true,
      sheet: {
        name: sheet.name,
        assets: pictures.assets,
        meter: { unit: 'bytes', total: zip.size(sheet.path), done: () => read },
        *rows() {
          for (const row of applyMerges(sheetRows(sheetXml(), context), ranges)) {
            if (row.cells.length > 0) seen.add(row.row);
            const placed = pictures.byRow.get(row.row);
            yield placed === undefined || row.cells.length === 0 ? row : withPicture(row, placed);
          }
        },
        unplaced: () => [
          ...pictures.issues,
          ...[...pictures.byRow.keys()]
            .filter((row) => !seen.has(row))
            .map((row) => ({
              file: fileName,
              row,
              field: '图片',
              reason: '图片不在任何试题行中，已忽略',
              severity: 'warning' as const,
            })),
        ],
        close: () => zip.close(),
      },
    };
  } catch (error) {
    zip.close();
    const detail = errorMessage(error);
    return { ok: false, reason: `无法读取 Excel 文件（不是有效的 .xlsx 文件）：${detail}` };
  }
}

export async function openXlsxEntries(
  source: ItemFileSource,
  fileName: string,
  mapping?: ColumnMapping,
  limits?: ZipLimits,
): Promise<ItemFileStream> {
  const opened = await openXlsxSheet(source, fileName, limits);
  if (!opened.ok) return failedStream(fileName, opened.reason);
  return {
    format: 'xlsx',
    assets: opened.sheet.assets,
    entries: xlsxEntries(opened.sheet, fileName, mapping),
    meter: opened.sheet.meter,
  };
}

function* xlsxEntries(
  sheet: XlsxSheet,
  fileName: string,
  mapping: ColumnMapping | undefined,
): Generator<ItemStreamEntry> {
  try {
    yield* importTableRows(sheet.rows(), fileName, mapping);
    for (const issue of sheet.unplaced()) yield { kind: 'issue', issue };
  } catch (error) {
    if (error instanceof FileReadError) {
      yield { kind: 'issue', issue: error.issue };
      return;
    }
    const detail =
      error instanceof ZipEntryRefusal
        ? error.reason
        : error instanceof Error
          ? error.message
          : String(error);
    yield {
      kind: 'issue',
      issue: {
        file: fileName,
        reason: `无法读取 Excel 文件（工作表“${sheet.name}”损坏）：${detail}`,
        severity: 'error',
      },
    };
  } finally {
    sheet.close();
  }
}

export async function readXlsxItems(
  bytes: Uint8Array,
  fileName: string,
  mapping?: ColumnMapping,
  limits?: ZipLimits,
): Promise<ParsedItemFile> {
  const stream = await openXlsxEntries(bytes, fileName, mapping, limits);
  return collectEntries('xlsx', stream.assets, stream.entries);
}
