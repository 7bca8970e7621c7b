/** One problem found in a standard file, located as precisely as the format allows. */
export interface StandardIssue {
  readonly file: string;
  readonly sheet?: string;
  readonly row?: number;
  readonly column?: string;
  /** A JSON path such as `ranges.0.children.1.points.2.importance`. */
  readonly field?: string;
  readonly reason: string;
  readonly severity: 'error' | 'warning';
}

export function formatStandardIssue(issue: StandardIssue): string {
  const where = [
    issue.file,
    issue.sheet === undefined ? undefined : `工作表「${issue.sheet}」`,
    issue.row === undefined ? undefined : `第${issue.row}行`,
    issue.column === undefined ? undefined : `列 ${issue.column}`,
    issue.field,
  ].filter((part): part is string => part !== undefined);
  const label = issue.severity === 'error' ? '错误' : '警告';
  return `${label}: ${where.join(' ')}: ${issue.reason}`;
}
