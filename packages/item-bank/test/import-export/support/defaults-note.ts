import type { FileIssue } from '../../../src/import-export/item-file-types';

/**
 * A file's issues without the one file-level note that rows lacked 难度/等级 and took the
 * bank's defaults (that note is tested in one-cell-layout.test.ts and fixtures.test.ts).
 */
export function withoutDefaultsNote(issues: readonly FileIssue[]): FileIssue[] {
  return issues.filter((issue) => issue.field !== '难度/等级');
}
