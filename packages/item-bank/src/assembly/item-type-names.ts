import type { ItemType } from '@skillexam/shared';

/** Short 题型 names for messages: 判断题, 单选题 … */
export const ITEM_TYPE_NAMES: Record<ItemType, string> = {
  true_false: '判断题',
  single_choice: '单选题',
  multiple_choice: '多选题',
  fill_blank: '填空题',
  short_answer: '简答题',
};
