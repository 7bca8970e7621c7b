import type { FileIssue } from '../../../src/import-export/item-file-types';

/**
 * A file's issues without the one file-level note that rows lacked 难度/等级 and took the
 * bank's defaults (that note is tested in one-cell-layout.test.ts and fixtures.test.ts).
 */
export function withoutDefaultsNote(issues: readonly FileIssue[]): FileIssue[] {
  return issues.filter((issue) => issue.field !== '难度/等级');
}

/**
 * Also without the file-level note naming the types inferred for a file that has no 题型 column
 * (「文件没有题型列，按内容推断为：单选 3 题…」, tested in row-type-and-cell-cap.test.ts).
 */
export function withoutNotes(issues: readonly FileIssue[]): FileIssue[] {
  return withoutDefaultsNote(issues).filter((issue) => !issue.reason.startsWith('文件没有题型列'));
}
