import { ItemContentSchema } from '@skillexam/shared';
import { contentMessageZh } from './content-messages';
import type { FileIssue, ParsedItem, ParsedItemContent } from './item-file-types';

/*
 * Every parsed item passes the shared per-type rules (ItemContentSchema) or becomes issues.
 * The bank-bound fields a file does not carry get neutral placeholders for the check only.
 */

const PLACEHOLDER = { assessmentPointId: 'import-placeholder', level: 5, difficulty: 3 } as const;

const FIELD_NAMES: Record<string, string> = {
  stem: '题干',
  options: '选项',
  key: '答案',
  explanation: '解析',
  type: '题型',
  level: '等级',
  difficulty: '难度',
};

function fieldName(path: readonly PropertyKey[]): string {
  const [head, second] = path;
  const name = typeof head === 'string' ? (FIELD_NAMES[head] ?? head) : '内容';
  if (head === 'options' && typeof second === 'number') return `选项${'ABCDEF'[second] ?? second}`;
  return name;
}

/** Issues of one parsed item's content, located by `where` (file, row/line, item). */
export function validateParsedContent(
  content: ParsedItemContent,
  where: Omit<FileIssue, 'reason' | 'severity' | 'field'>,
): FileIssue[] {
  const result = ItemContentSchema.safeParse({
    ...content,
    assessmentPointId: PLACEHOLDER.assessmentPointId,
    level: content.level ?? PLACEHOLDER.level,
    difficulty: content.difficulty ?? PLACEHOLDER.difficulty,
  });
  if (result.success) return [];
  return result.error.issues.map((issue) => ({
    ...where,
    field: fieldName(issue.path),
    reason: contentMessageZh(issue.message),
    severity: 'error' as const,
  }));
}

/** The validated item, or its issues. */
export function acceptParsedItem(
  item: ParsedItem,
  where: Omit<FileIssue, 'reason' | 'severity' | 'field'>,
): { ok: true; item: ParsedItem } | { ok: false; issues: FileIssue[] } {
  const issues = validateParsedContent(item.content, where);
  return issues.length === 0 ? { ok: true, item } : { ok: false, issues };
}
