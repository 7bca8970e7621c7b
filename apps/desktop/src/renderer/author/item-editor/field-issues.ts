import { type DraftField, type DraftIssue } from '../item-draft';

/** The issues for one field of the draft. */
export function fieldIssues(issues: readonly DraftIssue[], field: DraftField): DraftIssue[] {
  return issues.filter((issue) => issue.field === field);
}

/** One field's issues as the form item's help text, or `undefined` when it has none. */
export function issueText(issues: readonly DraftIssue[], field: DraftField): string | undefined {
  const list = fieldIssues(issues, field);
  return list.length === 0 ? undefined : list.map((issue) => issue.message).join('；');
}
