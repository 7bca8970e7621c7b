import { z } from 'zod';
import { ItemBodySchema } from '../content/item-body';
import { ChoiceOptionSchema } from './choice-option';
import { EntityIdSchema, nameSchema } from './common';
import type { ItemContent } from './item-content';
import { ItemTypeSchema } from './item-type';
import type { ItemVersionRef } from './item-version';
import type { Paper } from './paper';

/*
 * What a candidate's client receives: the questions and nothing that gives away an answer.
 * There is no key, 解析, 鉴定点 or difficulty in these schemas, and zod strips unknown fields,
 * so parsing anything through them removes such data. Build views only with the functions
 * below, which copy named fields and never spread an item.
 */

const candidateItemShape = {
  itemId: EntityIdSchema,
  version: z.int().min(1),
  /** 题号 across the whole paper, from 1. */
  number: z.int().min(1),
  points: z.number().positive(),
  stem: ItemBodySchema,
};

export const CandidatePaperItemSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('true_false'), ...candidateItemShape }),
  z.object({
    type: z.literal('single_choice'),
    ...candidateItemShape,
    options: z.array(ChoiceOptionSchema).min(2).max(6),
  }),
  z.object({
    type: z.literal('multiple_choice'),
    ...candidateItemShape,
    options: z.array(ChoiceOptionSchema).min(2).max(6),
  }),
  z.object({ type: z.literal('fill_blank'), ...candidateItemShape }),
  z.object({ type: z.literal('short_answer'), ...candidateItemShape }),
]);
export type CandidatePaperItem = z.infer<typeof CandidatePaperItemSchema>;

export const CandidatePaperSectionSchema = z.object({
  title: nameSchema(100),
  itemType: ItemTypeSchema,
  pointsEach: z.number().positive(),
  items: z.array(CandidatePaperItemSchema),
});
export type CandidatePaperSection = z.infer<typeof CandidatePaperSectionSchema>;

export const CandidatePaperSchema = z.object({
  paperId: EntityIdSchema,
  title: nameSchema(200),
  durationMinutes: z.int().min(1),
  fullMarks: z.number().positive(),
  sections: z.array(CandidatePaperSectionSchema),
});
export type CandidatePaper = z.infer<typeof CandidatePaperSchema>;

/** The candidate's view of one item: stem and options only. */
export function toCandidatePaperItem(
  content: ItemContent,
  ref: ItemVersionRef,
  number: number,
  points: number,
): CandidatePaperItem {
  const base = { itemId: ref.itemId, version: ref.version, number, points, stem: content.stem };
  switch (content.type) {
    case 'single_choice':
    case 'multiple_choice':
      return {
        type: content.type,
        ...base,
        options: content.options.map((option) => ({ id: option.id, content: option.content })),
      };
    case 'true_false':
    case 'fill_blank':
    case 'short_answer':
      return { type: content.type, ...base };
  }
}

/**
 * The candidate's view of a paper, numbering items across sections. `contentOf` looks up the
 * pinned version's content and throws if it is missing.
 */
export function toCandidatePaper(
  paper: Paper,
  contentOf: (ref: ItemVersionRef) => ItemContent,
): CandidatePaper {
  let number = 0;
  return {
    paperId: paper.id,
    title: paper.title,
    durationMinutes: paper.durationMinutes,
    fullMarks: paper.fullMarks,
    sections: paper.sections.map((section) => ({
      title: section.title,
      itemType: section.itemType,
      pointsEach: section.pointsEach,
      items: section.items.map((ref) => {
        number += 1;
        const content = contentOf(ref);
        if (content.type !== section.itemType) {
          throw new TypeError(
            `Item ${ref.itemId} v${ref.version} is ${content.type}, but its section holds ${section.itemType}`,
          );
        }
        return toCandidatePaperItem(content, ref, number, section.pointsEach);
      }),
    })),
  };
}
