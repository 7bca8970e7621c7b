import { z } from 'zod';
import { EntityIdSchema } from './common';
import {
  FillBlankContentShape,
  ItemContentSchema,
  MultipleChoiceContentShape,
  ShortAnswerContentShape,
  SingleChoiceContentShape,
  TrueFalseContentShape,
  type ItemContent,
} from './item-content';
import { checkItemContent } from './item-content-checks';
import { ReviewStatusSchema } from './item-type';

/**
 * 试题统计 of the item's current version, measured from real sittings (imported response files)
 * and pooled over its administrations, weighted by n. `p` is the 难度 (proportion correct, 0–1);
 * `discrimination` the 区分度 (corrected point-biserial, −1…1). Exposure is two counts with
 * their own units, neither derived from the other: `papersPinned` (papers that pinned this
 * version) and `candidatesSeen` (candidates who were given it, from the response files).
 */
export const ItemStatsSchema = z.object({
  p: z.number().min(0).max(1).optional(),
  discrimination: z.number().min(-1).max(1).optional(),
  /** How many responses `p` and `discrimination` are pooled over. */
  responseCount: z.int().min(0).optional(),
  /** Administrations (imported response files) the figures come from. */
  administrations: z.int().min(0).optional(),
  papersPinned: z.int().min(0),
  candidatesSeen: z.int().min(0),
});
export type ItemStats = z.infer<typeof ItemStatsSchema>;

/** A free-form label used for search and filtering. */
export const TagSchema = z.string().trim().min(1).max(50);

/** The bank record around the content: identity, workflow and statistics (not versioned). */
const itemRecordShape = {
  id: EntityIdSchema,
  /** The current version number; content history lives in ItemVersion. */
  version: z.int().min(1),
  reviewStatus: ReviewStatusSchema,
  stats: ItemStatsSchema.optional(),
  tags: z.array(TagSchema).default([]),
  /** Items of one enemy group (互斥组) never appear together in a paper. */
  enemyGroup: z.string().trim().min(1).max(64).optional(),
  /** Provenance (出处): where the item came from, e.g. 国家题库 or an import file. */
  source: z.string().trim().min(1).max(200).optional(),
};

/** 试题: record fields plus the current content, as one union discriminated on `type`. */
export const ItemSchema = z
  .discriminatedUnion('type', [
    TrueFalseContentShape.extend(itemRecordShape),
    SingleChoiceContentShape.extend(itemRecordShape),
    MultipleChoiceContentShape.extend(itemRecordShape),
    FillBlankContentShape.extend(itemRecordShape),
    ShortAnswerContentShape.extend(itemRecordShape),
  ])
  .superRefine(checkItemContent);
export type Item = z.infer<typeof ItemSchema>;
export type ItemOfType<T extends Item['type']> = Extract<Item, { type: T }>;

/** The versioned content of an item, without its record fields (a fresh copy). */
export function toItemContent(item: Item): ItemContent {
  return ItemContentSchema.parse(item);
}
