import type { FileIssue, ItemFileFormat } from '../import-export/item-file-types';

export interface ImportedNearDuplicate {
  /** Where the new item came from, e.g. "items.xlsx 第12行". */
  readonly ref: string;
  readonly itemId: string;
  readonly otherItemId: string;
  readonly similarity: number;
}

/** Everything an import did or would do (dry run), with every rejected row listed. */
export interface ImportReport {
  readonly file: string;
  readonly format?: ItemFileFormat;
  readonly dryRun: boolean;
  readonly validOnly: boolean;
  /** True when the bank was changed (never for a dry run or a refused import). */
  readonly committed: boolean;
  /** Items found in the file, valid or not. */
  readonly total: number;
  /** New items (or, dry run: would be). */
  readonly imported: number;
  /** New versions of items already in the bank (bank packages merge by id and version). */
  readonly updated: number;
  /** Items already in the bank at that version (bank packages). */
  readonly unchanged: number;
  /** Items rejected; with validOnly they are left out, otherwise the import is refused. */
  readonly skipped: number;
  readonly issues: FileIssue[];
  readonly importedIds: string[];
  readonly nearDuplicates: ImportedNearDuplicate[];
}

export function formatIssue(issue: FileIssue): string {
  const where = [
    issue.file,
    issue.row === undefined ? undefined : `第${issue.row}行`,
    issue.line === undefined ? undefined : `第${issue.line}行`,
    issue.item,
    issue.field === undefined ? undefined : `「${issue.field}」`,
  ].filter((part): part is string => part !== undefined);
  return `${issue.severity === 'error' ? '错误' : '警告'}: ${where.join(' ')}: ${issue.reason}`;
}
