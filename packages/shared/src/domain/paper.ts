import { z } from 'zod';
import { EntityIdSchema, findDuplicates, nameSchema, sumsMatch } from './common';
import { ItemTypeSchema } from './item-type';
import { ItemVersionRefSchema } from './item-version';
import { TheoryLevelCodeSchema } from './level';
import { StandardRefSchema } from './standard';

/**
 * 多选题 scoring: all-or-nothing (错选、少选、多选均不得分) is the default of vocational papers;
 * `partial` gives credit for a subset of correct options without a wrong one.
 */
export const MultipleChoiceScoringSchema = z.enum(['all_or_nothing', 'partial']);
export type MultipleChoiceScoring = z.infer<typeof MultipleChoiceScoringSchema>;
export const DEFAULT_MULTIPLE_CHOICE_SCORING: MultipleChoiceScoring = 'all_or_nothing';

export const DEFAULT_PASS_MARK = 60;
export const DEFAULT_FULL_MARKS = 100;

/**
 * 防作弊乱序: whether each candidate sees the items of every section, and the options of every
 * choice item, in their own order. Option ids stay canonical, so scoring needs no mapping.
 */
export const PaperVariationSchema = z.object({
  shuffleItems: z.boolean(),
  shuffleOptions: z.boolean(),
});
export type PaperVariation = z.infer<typeof PaperVariationSchema>;

/** 大题: one block of items of a single type, e.g. 一、判断题 (第1题~第40题, 每题0.5分). */
export const PaperSectionSchema = z.object({
  title: nameSchema(100),
  itemType: ItemTypeSchema,
  pointsEach: z.number().positive(),
  items: z.array(ItemVersionRefSchema).min(1, 'A section needs at least one item'),
  /** Only for multiple-choice sections; absent means all-or-nothing. */
  scoringPolicy: MultipleChoiceScoringSchema.optional(),
});
export type PaperSection = z.infer<typeof PaperSectionSchema>;

/**
 * 试卷: an assembled paper for one standard and level. Items are pinned by version, so later
 * edits in the bank never change a paper. Answer keys are not part of a paper.
 */
export const PaperSchema = z
  .object({
    id: EntityIdSchema,
    title: nameSchema(200),
    standard: StandardRefSchema,
    level: TheoryLevelCodeSchema,
    sections: z.array(PaperSectionSchema).min(1),
    /** 考试时长; standards ask for at least 90 minutes, practice papers may be shorter. */
    durationMinutes: z.int().min(1).max(600),
    fullMarks: z.number().positive().default(DEFAULT_FULL_MARKS),
    passMark: z.number().min(0).default(DEFAULT_PASS_MARK),
    /** Per-candidate order; absent means every candidate sees the paper's order. */
    variation: PaperVariationSchema.optional(),
  })
  .superRefine((paper, ctx) => {
    paper.sections.forEach((section, index) => {
      if (section.scoringPolicy !== undefined && section.itemType !== 'multiple_choice') {
        ctx.addIssue({
          code: 'custom',
          path: ['sections', index, 'scoringPolicy'],
          message: `A scoring policy only applies to multiple-choice sections, not ${section.itemType}`,
        });
      }
    });
    const itemIds = paper.sections.flatMap((section) => section.items.map((ref) => ref.itemId));
    for (const itemId of findDuplicates(itemIds)) {
      ctx.addIssue({
        code: 'custom',
        path: ['sections'],
        message: `Item "${itemId}" appears more than once in the paper`,
      });
    }
    const total = paperTotalPoints(paper);
    if (!sumsMatch(total, paper.fullMarks)) {
      ctx.addIssue({
        code: 'custom',
        path: ['sections'],
        message: `The sections add up to ${total} points, but the paper's full marks are ${paper.fullMarks}`,
      });
    }
    if (paper.passMark > paper.fullMarks) {
      ctx.addIssue({
        code: 'custom',
        path: ['passMark'],
        message: `The pass mark ${paper.passMark} is above the full marks ${paper.fullMarks}`,
      });
    }
  });
export type Paper = z.infer<typeof PaperSchema>;

/** Points of all items: the sum over sections of item count × points each. */
export function paperTotalPoints(paper: { sections: readonly PaperSection[] }): number {
  return paper.sections.reduce(
    (sum, section) => sum + section.items.length * section.pointsEach,
    0,
  );
}

export function paperItemCount(paper: { sections: readonly PaperSection[] }): number {
  return paper.sections.reduce((sum, section) => sum + section.items.length, 0);
}

export function sectionScoringPolicy(section: PaperSection): MultipleChoiceScoring {
  return section.scoringPolicy ?? DEFAULT_MULTIPLE_CHOICE_SCORING;
}
