import { z } from 'zod';
import { EntityIdSchema, nameSchema } from '../domain/common';
import {
  FillBlankContentShape,
  MultipleChoiceContentShape,
  ShortAnswerContentShape,
  SingleChoiceContentShape,
  TrueFalseContentShape,
  type ItemContent,
} from '../domain/item-content';
import { ItemTypeSchema } from '../domain/item-type';
import type { ItemVersionRef } from '../domain/item-version';
import { MultipleChoiceScoringSchema, type Paper } from '../domain/paper';

/*
 * The server-only half of an exam package (keys.enc): for every item of the paper, its key and
 * the scoring rules. Together with the CandidatePaper (content.enc) it is the paper with keys.
 * Option ids are canonical (the letters of the bank item): a kiosk that shuffles options for a
 * candidate maps the display order back and always sends canonical ids.
 */

export const ItemAnswerKeySchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('true_false'), key: TrueFalseContentShape.shape.key }),
  z.object({ type: z.literal('single_choice'), key: SingleChoiceContentShape.shape.key }),
  z.object({ type: z.literal('multiple_choice'), key: MultipleChoiceContentShape.shape.key }),
  z.object({ type: z.literal('fill_blank'), key: FillBlankContentShape.shape.key }),
  z.object({ type: z.literal('short_answer'), key: ShortAnswerContentShape.shape.key }),
]);
export type ItemAnswerKey = z.infer<typeof ItemAnswerKeySchema>;

export const KeyedItemSchema = z.object({
  itemId: EntityIdSchema,
  version: z.int().min(1),
  /** 题号 across the whole paper, from 1 (the same numbering as the CandidatePaper). */
  number: z.int().min(1),
  answer: ItemAnswerKeySchema,
});
export type KeyedItem = z.infer<typeof KeyedItemSchema>;

export const KeyedSectionSchema = z.object({
  title: nameSchema(100),
  itemType: ItemTypeSchema,
  pointsEach: z.number().positive(),
  /** Multiple-choice sections only; absent means all-or-nothing. */
  scoringPolicy: MultipleChoiceScoringSchema.optional(),
  items: z.array(KeyedItemSchema),
});
export type KeyedSection = z.infer<typeof KeyedSectionSchema>;

export const PaperAnswerKeysSchema = z
  .object({
    paperId: EntityIdSchema,
    fullMarks: z.number().positive(),
    passMark: z.number().min(0),
    sections: z.array(KeyedSectionSchema).min(1),
  })
  .superRefine((keys, ctx) => {
    const seen = new Set<string>();
    keys.sections.forEach((section, sectionIndex) => {
      section.items.forEach((item, itemIndex) => {
        if (item.answer.type !== section.itemType) {
          ctx.addIssue({
            code: 'custom',
            path: ['sections', sectionIndex, 'items', itemIndex, 'answer', 'type'],
            message: `Item ${item.itemId} has a ${item.answer.type} key in a ${section.itemType} section`,
          });
        }
        if (seen.has(item.itemId)) {
          ctx.addIssue({
            code: 'custom',
            path: ['sections', sectionIndex, 'items', itemIndex, 'itemId'],
            message: `Item ${item.itemId} appears more than once`,
          });
        }
        seen.add(item.itemId);
      });
    });
  });
export type PaperAnswerKeys = z.infer<typeof PaperAnswerKeysSchema>;

function toItemAnswerKey(content: ItemContent): ItemAnswerKey {
  switch (content.type) {
    case 'true_false':
      return { type: content.type, key: content.key };
    case 'single_choice':
      return { type: content.type, key: content.key };
    case 'multiple_choice':
      return { type: content.type, key: [...content.key] };
    case 'fill_blank':
      return { type: content.type, key: { ...content.key } };
    case 'short_answer':
      return { type: content.type, key: content.key };
  }
}

/**
 * The keys of a paper, numbered like `toCandidatePaper` numbers its items. `contentOf` looks up
 * the pinned version's content and throws if it is missing.
 */
export function toPaperAnswerKeys(
  paper: Paper,
  contentOf: (ref: ItemVersionRef) => ItemContent,
): PaperAnswerKeys {
  let number = 0;
  return {
    paperId: paper.id,
    fullMarks: paper.fullMarks,
    passMark: paper.passMark,
    sections: paper.sections.map((section) => ({
      title: section.title,
      itemType: section.itemType,
      pointsEach: section.pointsEach,
      ...(section.scoringPolicy === undefined ? {} : { scoringPolicy: section.scoringPolicy }),
      items: section.items.map((ref) => {
        number += 1;
        const content = contentOf(ref);
        if (content.type !== section.itemType) {
          throw new TypeError(
            `Item ${ref.itemId} v${ref.version} is ${content.type}, but its section holds ${section.itemType}`,
          );
        }
        return {
          itemId: ref.itemId,
          version: ref.version,
          number,
          answer: toItemAnswerKey(content),
        };
      }),
    })),
  };
}
