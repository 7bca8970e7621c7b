import type { FileIssue, ItemFileFormat } from '../import-export/item-file-types';
import type { NearDuplicateKind } from './near-duplicates';

export interface ImportedNearDuplicate {
  /** Where the new item came from, e.g. "items.xlsx 第12行". */
  readonly ref: string;
  readonly itemId: string;
  readonly otherItemId: string;
  /** Where the other item came from when it is in the same file. */
  readonly otherRef?: string;
  /** Dice similarity of the two texts (0–1), whatever the reason for the flag. */
  readonly similarity: number;
  /** Why it was flagged: only numbers/signs/units/Greek letters differ, same stem, or similar text. */
  readonly kind: NearDuplicateKind;
}

/** Everything an import did or would do (dry run), with every rejected row listed. */
export interface ImportReport {
  readonly file: string;
  readonly format?: ItemFileFormat;
  readonly dryRun: boolean;
  readonly validOnly: boolean;
  /** True when the bank was changed (never for a dry run or a refused import). */
  readonly committed: boolean;
  /**
   * True when the import is (dry run: would be) refused: a file-level error, a rejected item
   * without `validOnly`, or nothing valid to import with `validOnly`. A dry run and the real
   * import of the same file with the same options always agree on it and on every count.
   */
  readonly refused: boolean;
  /** Items found in the file, valid or not. */
  readonly total: number;
  /** New items (or, dry run: would be). */
  readonly imported: number;
  /** New versions of items already in the bank (bank packages merge by id and version). */
  readonly updated: number;
  /** Items already in the bank at that version (bank packages). */
  readonly unchanged: number;
  /** Exact copies (of an earlier row or a bank item: same type, stem, options and key), left out with a warning. */
  readonly duplicates: number;
  /** Items rejected (errors, key conflicts); with validOnly they are left out, otherwise the import is refused. */
  readonly skipped: number;
  /** Items that passed every check: what the import writes unless it is refused (new + updated). */
  readonly valid: number;
  readonly issues: FileIssue[];
  readonly importedIds: string[];
  readonly nearDuplicates: ImportedNearDuplicate[];
}

/**
 * One line per issue, each place named once: "错误: items.csv 第12行「答案」: …". Item refs repeat
 * the file and row ("items.csv 第12行（Q1）"), so only what they add is kept.
 */
export function formatIssue(issue: FileIssue): string {
  const row = issue.row === undefined ? undefined : `第${issue.row}行`;
  const line = issue.line === undefined ? undefined : `第${issue.line}行`;
  const rest = refRemainder(issue, [row, line]);
  const place = [issue.file, row, line].filter((part) => part !== undefined).join(' ');
  const where =
    rest === undefined || rest === ''
      ? place
      : /^[（(]/.test(rest)
        ? `${place}${rest}`
        : `${place} ${rest}`;
  const field = issue.field === undefined ? '' : `「${issue.field}」`;
  return `${issue.severity === 'error' ? '错误' : '警告'}: ${where}${field}: ${issue.reason}`;
}

function refRemainder(
  issue: FileIssue,
  places: readonly (string | undefined)[],
): string | undefined {
  let rest = issue.item?.trim();
  if (rest === undefined) return undefined;
  if (rest.startsWith(issue.file)) rest = rest.slice(issue.file.length).trim();
  for (const place of places) {
    if (place !== undefined && rest.startsWith(place)) rest = rest.slice(place.length).trim();
  }
  return rest;
}
