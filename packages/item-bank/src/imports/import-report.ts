import type { BankImportNearDuplicateSchema, BankImportReportSchema } from '@skillexam/shared';
import type { z } from 'zod';
import type { FileIssue } from '../import-export/item-file-types';

/** A kept item flagged as a near duplicate of another (shared's `BankImportNearDuplicateSchema`). */
export type ImportedNearDuplicate = z.infer<typeof BankImportNearDuplicateSchema>;

/**
 * Everything an import did or would do (dry run), with every rejected row listed. Declared once
 * in shared (`BankImportReportSchema`, where the workbench boundary is; every field documented
 * there), so the report `qbank import` prints and the one the workbench gets cannot drift.
 */
export type ImportReport = z.infer<typeof BankImportReportSchema>;

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
