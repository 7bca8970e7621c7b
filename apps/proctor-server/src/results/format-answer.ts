import type { AnswerValue, ItemAnswerKey, ItemResultScore } from '@skillexam/shared';

/* How answers and points read in the answer sheet and exports (keys: `formatAnswerKey`). */

export function formatAnswer(answer: AnswerValue | undefined, key: ItemAnswerKey): string {
  if (answer === undefined || answer === null) return '（未作答）';
  switch (answer.kind) {
    case 'true_false':
      return answer.value ? '√' : '×';
    case 'choice':
      return answer.selected.length === 0 ? '（未作答）' : [...answer.selected].sort().join('');
    case 'blanks': {
      const blankIds =
        key.type === 'fill_blank' ? Object.keys(key.key) : Object.keys(answer.values);
      return blankIds.map((id, i) => `(${i + 1}) ${answer.values[id] ?? ''}`).join('；');
    }
    case 'text':
      return answer.text.trim() === '' ? '（未作答）' : answer.text;
  }
}

export function formatPoints(score: ItemResultScore): string {
  if (score.status === 'needs_marking') return `待评/${score.maxPoints}`;
  return `${score.points}/${score.maxPoints}`;
}

export const ITEM_TYPE_LABELS = {
  true_false: '判断',
  single_choice: '单选',
  multiple_choice: '多选',
  fill_blank: '填空',
  short_answer: '简答',
} as const;
