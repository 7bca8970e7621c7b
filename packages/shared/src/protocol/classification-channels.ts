import { z } from 'zod';
import { EntityIdSchema } from '../domain/common';
import { ItemTypeSchema, ReviewStatusSchema } from '../domain/item-type';
import { TheoryLevelCodeSchema } from '../domain/level';

/*
 * The workbench's 分类队列 channels: items imported without a 鉴定点 wait in their standard's
 * 未分类 pool; the queue suggests the likeliest 鉴定点 for each, and `bank:classify` files one or
 * many items under a chosen 鉴定点 or under each item's top suggestion. Spread into bankChannels.
 */

/*
 * The bank's classification types are declared here once: item-bank's `PointSuggestion`,
 * `ClassificationQueueEntry`, `ClassificationQueue` and `ClassifyResult` are `z.infer` of these.
 */

export const PointSuggestionSchema = z.object({
  pointId: z.string(),
  /** Full code, e.g. `B-A-002`. */
  path: z.string(),
  name: z.string(),
  /** Cosine of the point's and the item's weighted terms, 0–1, three decimals. */
  score: z.number(),
});
export type PointSuggestionView = z.infer<typeof PointSuggestionSchema>;

export const ClassificationQueueEntrySchema = z.object({
  itemId: z.string(),
  version: z.number().int(),
  status: ReviewStatusSchema,
  type: ItemTypeSchema,
  level: TheoryLevelCodeSchema,
  /** The stem as plain text (at most 160 characters). */
  stem: z.string(),
  /** The likeliest 鉴定点, best first (at most three). */
  suggestions: z.array(PointSuggestionSchema).max(3),
});
export type ClassificationQueueEntryView = z.infer<typeof ClassificationQueueEntrySchema>;

export const ClassificationQueueSchema = z.object({
  standardId: z.string(),
  poolPointId: z.string(),
  /** Unclassified items that are not retired. */
  total: z.number().int().nonnegative(),
  offset: z.number().int().nonnegative(),
  entries: z.array(ClassificationQueueEntrySchema),
});
export type ClassificationQueueView = z.infer<typeof ClassificationQueueSchema>;

export const ClassifyInputSchema = z
  .object({
    ids: z.array(EntityIdSchema).min(1).max(1000),
    /** File every item under this 鉴定点 … */
    pointId: z.string().min(1).max(200).optional(),
    /** … or each item under its own top suggestion. */
    acceptTopSuggestion: z.literal(true).optional(),
  })
  .strict()
  .refine((input) => (input.pointId === undefined) !== (input.acceptTopSuggestion === undefined), {
    message: '请指定鉴定点，或选择“采纳首选建议”（二者选一）',
  });

export const ClassifyResultSchema = z.object({
  id: z.string(),
  ok: z.boolean(),
  /** Where the item went (ok only). */
  pointId: z.string().optional(),
  path: z.string().optional(),
  version: z.number().int().optional(),
  error: z.string().optional(),
});

export const classificationChannels = {
  /** One page of a standard's unclassified items, each with up to three 鉴定点 suggestions. */
  'bank:classification-queue': {
    input: z
      .object({
        standardId: z.string().min(1).max(200),
        offset: z.number().int().nonnegative(),
        limit: z.number().int().min(1).max(200),
      })
      .strict(),
    output: ClassificationQueueSchema,
  },
  /** Files items under a 鉴定点 (recorded as a new version and a review event). */
  'bank:classify': {
    input: ClassifyInputSchema,
    output: z.object({ results: z.array(ClassifyResultSchema) }),
  },
} as const satisfies Record<string, { input: z.ZodType; output: z.ZodType }>;
