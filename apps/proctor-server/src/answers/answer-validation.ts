import { CodedError, type AnswerValue, type CandidatePaperItem } from '@skillexam/shared';

const EXPECTED_KIND: Record<CandidatePaperItem['type'], string> = {
  true_false: 'true_false',
  single_choice: 'choice',
  multiple_choice: 'choice',
  fill_blank: 'blanks',
  short_answer: 'text',
};

/** Throws BAD_REQUEST unless the value fits the item (kind, option ids, one choice for 单选). */
export function checkAnswerFitsItem(item: CandidatePaperItem, value: AnswerValue): void {
  if (value === null) return;
  const expected = EXPECTED_KIND[item.type];
  if (value.kind !== expected) {
    throw new CodedError(
      'BAD_REQUEST',
      `题目 ${item.itemId} 是 ${item.type}，答案应为 ${expected}，收到 ${value.kind}`,
    );
  }
  if (
    value.kind === 'choice' &&
    (item.type === 'single_choice' || item.type === 'multiple_choice')
  ) {
    if (item.type === 'single_choice' && value.selected.length > 1) {
      throw new CodedError(
        'BAD_REQUEST',
        `单选题 ${item.itemId} 只能选一个选项 (single choice takes one option)`,
      );
    }
    const ids = new Set<string>(item.options.map((option) => option.id));
    const unknown = value.selected.filter((id) => !ids.has(id));
    if (unknown.length > 0) {
      throw new CodedError(
        'BAD_REQUEST',
        `题目 ${item.itemId} 没有选项 ${unknown.join(', ')} (unknown option)`,
      );
    }
    if (new Set(value.selected).size !== value.selected.length) {
      throw new CodedError('BAD_REQUEST', `题目 ${item.itemId} 的选项重复 (duplicate option)`);
    }
  }
}
