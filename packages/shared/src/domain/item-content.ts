import { z } from 'zod';
import { BlankIdSchema } from '../content/content-nodes';
import { ItemBodySchema } from '../content/item-body';
import { ChoiceOptionSchema, OptionIdSchema } from './choice-option';
import { EntityIdSchema } from './common';
import { checkItemContent } from './item-content-checks';
import { AuthoredDifficultySchema } from './item-type';
import { TheoryLevelCodeSchema } from './level';
import { NumericAnswerSchema } from './numeric-answer';

/*
 * The versioned part of an item: what a candidate sees, its key, and what it assesses.
 * One object per item type, discriminated on `type`; all rich text is an ItemBody document.
 * These shapes are deliberately unrefined so `item.ts` can extend them; validate through
 * `ItemContentSchema` (or `ItemSchema`), which adds the per-type checks.
 */

const contentShape = {
  /** 题干 */
  stem: ItemBodySchema,
  /** 解析: shown to writers and reviewers, never to candidates. */
  explanation: ItemBodySchema.optional(),
  /** The 鉴定点 this item is written against (bank-assigned id). */
  assessmentPointId: EntityIdSchema,
  level: TheoryLevelCodeSchema,
  difficulty: AuthoredDifficultySchema,
};

/** 判断题: the key says whether the statement is true (√) or false (×). */
export const TrueFalseContentShape = z.object({
  type: z.literal('true_false'),
  ...contentShape,
  key: z.boolean(),
});

/** 单选题: usually 4 options, exactly one correct. */
export const SingleChoiceContentShape = z.object({
  type: z.literal('single_choice'),
  ...contentShape,
  options: z
    .array(ChoiceOptionSchema)
    .min(2, 'A single-choice item needs at least 2 options')
    .max(6, 'An item has at most 6 options (A–F)'),
  key: OptionIdSchema,
});

/** 多选题: usually 5 options, two or more correct. */
export const MultipleChoiceContentShape = z.object({
  type: z.literal('multiple_choice'),
  ...contentShape,
  options: z
    .array(ChoiceOptionSchema)
    .min(3, 'A multiple-choice item needs at least 3 options')
    .max(6, 'An item has at most 6 options (A–F)'),
  key: z.array(OptionIdSchema).min(2, 'A multiple-choice item needs at least 2 correct options'),
});

/** One accepted answer text for a blank (the scorer decides how loosely it matches). */
export const AcceptedTextSchema = z.string().trim().min(1, 'An accepted answer is empty').max(500);

/**
 * One accepted answer of a blank: a text (a plain JSON string, matched after
 * `normalizeAnswerText`) or a number with a tolerance (`NumericAnswerSchema`).
 */
export const AcceptedAnswerSchema = z.union([AcceptedTextSchema, NumericAnswerSchema]);
export type AcceptedAnswer = z.infer<typeof AcceptedAnswerSchema>;

/** 填空题: the stem holds `blank` nodes; the key lists the accepted answers of each blank. */
export const FillBlankContentShape = z.object({
  type: z.literal('fill_blank'),
  ...contentShape,
  key: z.record(BlankIdSchema, z.array(AcceptedAnswerSchema)),
});

/** One line of a marking rubric (评分要点) and the points it earns. */
export const RubricPointSchema = z.object({
  description: z.string().trim().min(1).max(1_000),
  points: z.number().positive(),
});
export type RubricPoint = z.infer<typeof RubricPointSchema>;

/** 简答题: marked by people against a reference answer and an optional rubric. */
export const ShortAnswerContentShape = z.object({
  type: z.literal('short_answer'),
  ...contentShape,
  key: z.object({
    referenceAnswer: ItemBodySchema,
    rubric: z.array(RubricPointSchema).min(1).optional(),
  }),
});

/** The content variants before the per-type checks; what the checks receive. */
export type UncheckedItemContent =
  | z.infer<typeof TrueFalseContentShape>
  | z.infer<typeof SingleChoiceContentShape>
  | z.infer<typeof MultipleChoiceContentShape>
  | z.infer<typeof FillBlankContentShape>
  | z.infer<typeof ShortAnswerContentShape>;

export const ItemContentSchema = z
  .discriminatedUnion('type', [
    TrueFalseContentShape,
    SingleChoiceContentShape,
    MultipleChoiceContentShape,
    FillBlankContentShape,
    ShortAnswerContentShape,
  ])
  .superRefine(checkItemContent);
export type ItemContent = z.infer<typeof ItemContentSchema>;

export type TrueFalseContent = Extract<ItemContent, { type: 'true_false' }>;
export type SingleChoiceContent = Extract<ItemContent, { type: 'single_choice' }>;
export type MultipleChoiceContent = Extract<ItemContent, { type: 'multiple_choice' }>;
export type FillBlankContent = Extract<ItemContent, { type: 'fill_blank' }>;
export type ShortAnswerContent = Extract<ItemContent, { type: 'short_answer' }>;
export type ItemKey = ItemContent['key'];
