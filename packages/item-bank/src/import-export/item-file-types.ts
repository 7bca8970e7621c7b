import {
  BANK_IMPORT_FORMATS,
  type AuthoredDifficulty,
  type BankImportFormat,
  type BankImportIssue,
  type ItemContent,
  type ReviewStatus,
  type TheoryLevelCode,
} from '@skillexam/shared';
import type { ZipLimits } from './safe-zip-reader';

/*
 * The agreed contract between the item file formats (this folder) and the bank engine:
 * parsers turn bytes into ParsedItems that are not yet bound to a bank (鉴定点 by code,
 * not by id); writers turn ExportItems back into bytes.
 */

/** The formats an item file can be read from: the bank contract's list (declared once, in shared). */
export const ITEM_FILE_FORMATS = BANK_IMPORT_FORMATS;
export type ItemFileFormat = BankImportFormat;
export type WritableItemFileFormat = 'xlsx' | 'csv' | 'qti' | 'bankpkg' | 'docx';

/**
 * One problem found in a file: where it is and why it was rejected (or only warned about). The
 * import report carries these to the workbench, so the type is shared's (declared once there).
 */
export type FileIssue = BankImportIssue;

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/**
 * Item content as read from a file: the shared ItemContent without the bank-bound
 * `assessmentPointId`, and with `level`/`difficulty` optional (files often lack them).
 */
export type ParsedItemContent = DistributiveOmit<
  ItemContent,
  'assessmentPointId' | 'level' | 'difficulty'
> & {
  level?: TheoryLevelCode;
  difficulty?: AuthoredDifficulty;
};

/** One item read from a file, not yet bound to a bank: 鉴定点 by code, not by id. */
export interface ParsedItem {
  /** Where the item came from, for reports, e.g. "items.xlsx 第12行". */
  ref: string;
  row?: number;
  /** The id in the source (bankpkg item id, QTI identifier); bankpkg merges by id + version. */
  externalId?: string;
  version?: number;
  content: ParsedItemContent;
  /** Full 鉴定点 code, e.g. "A-B-001". */
  pointCode?: string;
  tags: string[];
  source?: string;
  enemyGroup?: string;
  /** Review status carried by a bank package (bankpkg only). */
  status?: ReviewStatus;
}

export interface ParsedAsset {
  bytes: Uint8Array;
  mime: string;
}

export interface ParsedItemFile {
  format: ItemFileFormat;
  items: ParsedItem[];
  /** Assets referenced by image nodes, keyed by their sha256 hash. */
  assets: Map<string, ParsedAsset>;
  issues: FileIssue[];
}

/** One step of a streamed item file: an item, or a problem (in file order). */
export type ItemStreamEntry =
  | { readonly kind: 'item'; readonly item: ParsedItem }
  | { readonly kind: 'issue'; readonly issue: FileIssue };

/**
 * An item file opened for streaming (openItemFileStream): what is known up front (format, the
 * pictures), then items and issues one at a time from a SYNCHRONOUS iterable, so that a
 * consumer can write each item inside one database transaction. Iterate `entries` once.
 */
export interface ItemFileStream {
  format: ItemFileFormat;
  /** Assets referenced by image nodes, keyed by their sha256 hash (complete before iterating). */
  assets: Map<string, ParsedAsset>;
  entries: Iterable<ItemStreamEntry>;
  /** How far `entries` has read, for progress (docs/decisions/0941). */
  meter?: ReadMeter;
}

/**
 * How far a streamed reader is: bytes of the file (CSV) or of the worksheet (xlsx), whose row
 * count is not known before the end; items for the formats read whole. `done` reaches `total`
 * once the reader has read everything.
 */
export interface ReadMeter {
  readonly unit: 'bytes' | 'items';
  readonly total: number;
  done(): number;
}

/** Field → column letter ("B") or header text ("试题内容"), for header-less or renamed columns. */
export interface ColumnMapping {
  [field: string]: string;
}

export interface ParseItemFileOptions {
  fileName: string;
  format?: ItemFileFormat;
  mapping?: ColumnMapping;
  /** Limits for zip-based formats (xlsx, bankpkg, QTI); defaults: 200,000 entries, 200 MB, ratio 200. */
  zipLimits?: ZipLimits;
}

/** An item as the bank hands it to a writer. */
export interface ExportItem {
  id: string;
  version: number;
  content: ItemContent;
  pointCode?: string;
  tags: string[];
  source?: string;
  enemyGroup?: string;
  status: ReviewStatus;
}

/** Looks up the bytes of an asset by its hash. */
export type AssetLookup = (hash: string) => ParsedAsset | undefined;
