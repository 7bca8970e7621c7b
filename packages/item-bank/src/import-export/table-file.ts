import { errorMessage } from '@skillexam/shared';
import type { ItemFileSource } from './byte-source';
import type { ZipLimits } from './safe-zip-reader';
import { csvTableRows } from './table-file-csv';
import { collectTableRows, TableFileError, type CellFilter } from './table-file-rows';
import { openXlsxSheet } from './xlsx-reader';
import { ZipEntryRefusal } from './zip-entries';

export { TableFileError } from './table-file-rows';

/*
 * One reader for the small tables people upload — 考生名单 rosters (proctor server) and 技能成绩
 * score sheets (centre) — as rows of text cells, safely whatever the file holds
 * (docs/decisions/0996). An .xlsx goes through the item bank's checked, streamed reader
 * (every zip entry checked as a bank package is: entry count, inflated size, ratio, CRC; the
 * sheet inflated and parsed in pieces, docs/decisions/0651 and 0655): the sheet named 试题 or
 * the first that is not an instructions sheet (说明, 帮助, readme), every cell as text, pictures
 * ignored. A CSV goes through the streamed CSV reader (table-file-csv.ts). Row and cell caps
 * bound what is kept (table-file-rows.ts). Cells are not trimmed: the apps trim and normalise.
 * Nothing here loads exceljs.
 */

export type TableFileKind = 'xlsx' | 'csv';

export interface TableKindOptions {
  /** Whether a `.txt` file (Excel's "Unicode text", tab separated) is read as CSV. */
  readonly txtAsCsv?: boolean;
}

export function tableFileKind(
  fileName: string,
  options: TableKindOptions = {},
): TableFileKind | undefined {
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.xlsx')) return 'xlsx';
  if (lower.endsWith('.csv')) return 'csv';
  if (options.txtAsCsv === true && lower.endsWith('.txt')) return 'csv';
  return undefined;
}

export interface TableLimits {
  /** Largest sheet row (CSV record) number that may hold text. */
  readonly maxRows: number;
  /** Largest number of cells kept in all rows. */
  readonly maxCells: number;
  /** Largest CSV record, in bytes of the file. */
  readonly maxRecordBytes: number;
  /** What the .xlsx zip may hold. */
  readonly zip: ZipLimits;
}

/** A roster is at most 20,000 candidates and a score sheet fewer: these leave room to spare. */
export const TABLE_LIMITS: TableLimits = {
  maxRows: 100_000,
  maxCells: 2_000_000,
  maxRecordBytes: 1024 * 1024,
  zip: { maxEntries: 10_000, maxTotalBytes: 32 * 1024 * 1024, maxRatio: 200 },
};

const PICTURE_TOKEN = /\n?\[图片:([0-9a-f]{64})\]/g;

/** Removes the image tokens the xlsx reader appends for pictures anchored in a cell. */
function withoutPictures(hashes: ReadonlySet<string>): CellFilter | undefined {
  if (hashes.size === 0) return undefined;
  return (text) =>
    text.includes('[图片:')
      ? text.replace(PICTURE_TOKEN, (token, hash: string) => (hashes.has(hash) ? '' : token))
      : text;
}

async function readXlsxTable(
  source: ItemFileSource,
  fileName: string,
  limits: TableLimits,
): Promise<string[][]> {
  const opened = await openXlsxSheet(source, fileName, limits.zip);
  if (!opened.ok) throw new TableFileError(fileName, 0, opened.reason);
  const { sheet } = opened;
  try {
    const filter = withoutPictures(new Set(sheet.assets.keys()));
    return collectTableRows(sheet.rows(), fileName, limits, filter);
  } catch (error) {
    if (error instanceof TableFileError) throw error;
    const detail = error instanceof ZipEntryRefusal ? error.reason : errorMessage(error);
    throw new TableFileError(
      fileName,
      0,
      `无法读取 Excel 文件（工作表“${sheet.name}”损坏）：${detail}`,
    );
  } finally {
    sheet.close();
  }
}

/**
 * The first sheet of an .xlsx, or the records of a CSV, as rows of text (`rows[i]` is row
 * i + 1). Throws TableFileError (with the file, the row or 0, and why) when the file cannot be
 * read or is past a cap; nothing else is thrown for bad input.
 */
export async function readTableFile(
  source: ItemFileSource,
  kind: TableFileKind,
  fileName: string,
  limits: Partial<TableLimits> = {},
): Promise<string[][]> {
  const effective = { ...TABLE_LIMITS, ...limits };
  if (kind === 'xlsx') return readXlsxTable(source, fileName, effective);
  return collectTableRows(csvTableRows(source, fileName, effective.maxRecordBytes), fileName, {
    maxRows: effective.maxRows,
    maxCells: effective.maxCells,
    blankRowsCount: true,
  });
}
