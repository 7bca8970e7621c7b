import { categoryTags } from './category-tags';
import { giftQuestionContent } from './gift-question-content';
import { parseGift, type GiftRecord } from './gift-parser';
import type { FileIssue, ParsedItem, ParsedItemFile } from './item-file-types';
import { decodeText } from './text-encoding';
import { validateParsedContent } from './validate-parsed-item';

/*
 * GIFT import: each record of the parser becomes an item (gift-question-content), a warning
 * (a description is skipped) or one error naming the question's line and title (or, without a
 * title, the start of its text, as Moodle names untitled questions).
 */

/** The title, or the first 30 characters of the text without markup. */
function questionName(title: string | undefined, text: string): string | undefined {
  if (title !== undefined && title !== '') return title;
  const plain = text
    .replace(/<[^>]*>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (plain === '') return undefined;
  return plain.length > 30 ? `${plain.slice(0, 30)}…` : plain;
}

function nameOf(record: GiftRecord): string | undefined {
  switch (record.kind) {
    case 'question':
      return questionName(record.question.title, record.question.before);
    case 'description':
      return questionName(record.title, record.text);
    case 'error':
      return record.title;
  }
}

export function readGiftItems(bytes: Uint8Array, fileName: string): Promise<ParsedItemFile> {
  const items: ParsedItem[] = [];
  const issues: FileIssue[] = [];
  const decoded = decodeText(bytes);
  if (!decoded.ok) {
    return Promise.resolve({
      format: 'gift',
      items,
      assets: new Map(),
      issues: [{ file: fileName, field: '编码', reason: decoded.reason, severity: 'error' }],
    });
  }
  for (const record of parseGift(decoded.text)) {
    const line = record.kind === 'question' ? record.question.line : record.line;
    const name = nameOf(record);
    const located = { file: fileName, line, ...(name !== undefined ? { item: name } : {}) };
    if (record.kind === 'error') {
      issues.push({ ...located, field: 'GIFT', reason: record.reason, severity: 'error' });
      continue;
    }
    if (record.kind === 'description') {
      issues.push({
        ...located,
        reason: '说明文字（没有答案块“{…}”）不是试题，已跳过',
        severity: 'warning',
      });
      continue;
    }
    const built = giftQuestionContent(record.question);
    if (!built.ok) {
      issues.push({ ...located, field: built.field, reason: built.reason, severity: 'error' });
      continue;
    }
    const invalid = validateParsedContent(built.content, located);
    if (invalid.length > 0) {
      issues.push(...invalid);
      continue;
    }
    for (const warning of built.warnings)
      issues.push({ ...located, reason: warning, severity: 'warning' });
    const title = record.question.title;
    items.push({
      ref: `${fileName} 第${line}行${title !== undefined ? `（${title}）` : ''}`,
      row: line,
      content: built.content,
      tags: record.question.category === undefined ? [] : categoryTags(record.question.category),
    });
  }
  if (items.length === 0 && issues.length === 0)
    issues.push({ file: fileName, reason: '文件中没有试题', severity: 'error' });
  return Promise.resolve({ format: 'gift', items, assets: new Map(), issues });
}
