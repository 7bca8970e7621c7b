import { z } from 'zod';

/** 题型: 判断题, 单选题, 多选题, 填空题, 简答题. */
export const ITEM_TYPES = [
  'true_false',
  'single_choice',
  'multiple_choice',
  'fill_blank',
  'short_answer',
] as const;
export const ItemTypeSchema = z.enum(ITEM_TYPES);
export type ItemType = z.infer<typeof ItemTypeSchema>;

/** Objective types are scored automatically; short answers need a marker. */
export function isObjectiveItemType(type: ItemType): boolean {
  return type !== 'short_answer';
}

/** 审核状态 of an item: written → reviewed → approved for use, or sent back, or retired. */
export const ReviewStatusSchema = z.enum(['draft', 'in_review', 'approved', 'rejected', 'retired']);
export type ReviewStatus = z.infer<typeof ReviewStatusSchema>;

/** 作者难度: 1 = easiest … 5 = hardest, as judged by the item writer. */
export const AuthoredDifficultySchema = z.int().min(1).max(5);
export type AuthoredDifficulty = z.infer<typeof AuthoredDifficultySchema>;
