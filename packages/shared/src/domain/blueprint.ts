import { z } from 'zod';
import { EntityIdSchema, findDuplicates, nameSchema, sumsMatch } from './common';
import { RangePathCodeSchema } from './assessment-range';
import { ImportanceSchema } from './assessment-point';
import { ItemTypeSchema } from './item-type';
import { TheoryLevelCodeSchema } from './level';
import { DEFAULT_PASS_MARK, MultipleChoiceScoringSchema } from './paper';
import { StandardRefSchema } from './standard';

/*
 * 组卷方案 (blueprint): what every paper assembled for one standard and level must satisfy.
 * The format is documented in docs/formats/blueprint.md. Shares are fractions (0.7 = 70 %).
 */

const ShareSchema = z.number().min(0).max(1);

/** 大题 of the blueprint: a number of items of one type, each worth the same points. */
export const BlueprintSectionSchema = z.object({
  itemType: ItemTypeSchema,
  count: z.int().min(1).max(1_000),
  pointsEach: z.number().positive(),
  title: nameSchema(100).optional(),
  /** Only for multiple-choice sections; absent means the blueprint's `multipleChoiceScoring`. */
  scoringPolicy: MultipleChoiceScoringSchema.optional(),
});
export type BlueprintSection = z.infer<typeof BlueprintSectionSchema>;

/** Replaces a range's proportional target by bounds (item counts). */
export const RangeOverrideSchema = z
  .object({ min: z.int().min(0).optional(), max: z.int().min(0).optional() })
  .refine((o) => o.min === undefined || o.max === undefined || o.min <= o.max, {
    message: 'min must not exceed max',
  });
export type RangeOverride = z.infer<typeof RangeOverrideSchema>;

/**
 * Item counts per 鉴定范围 of the level's 理论知识权重表, by largest-remainder rounding of
 * the weights. `bySection` allocates every section separately (each 题型 mirrors the weight
 * table); otherwise the paper's total count is allocated.
 */
export const RangeAllocationSchema = z.object({
  bySection: z.boolean().default(false),
  overrides: z.record(RangePathCodeSchema, RangeOverrideSchema).default({}),
});
export type RangeAllocation = z.infer<typeof RangeAllocationSchema>;

export const ShareBoundsSchema = z
  .object({ minShare: ShareSchema.optional(), maxShare: ShareSchema.optional() })
  .refine((b) => b.minShare === undefined || b.maxShare === undefined || b.minShare <= b.maxShare, {
    message: 'minShare must not exceed maxShare',
  });
export type ShareBounds = z.infer<typeof ShareBoundsSchema>;

/** Shares of items by 重要程度 of their 鉴定点, e.g. `{ X: { minShare: 0.7 } }`. */
export const ImportanceSharesSchema = z.partialRecord(ImportanceSchema, ShareBoundsSchema);
export type ImportanceShares = z.infer<typeof ImportanceSharesSchema>;

/** 难度分布: shares of easy / medium / hard items, each within ± tolerance. */
export const DifficultyMixSchema = z
  .object({
    kind: z.literal('mix'),
    easy: ShareSchema,
    medium: ShareSchema,
    hard: ShareSchema,
    tolerance: z.number().min(0).max(1).default(0.05),
  })
  .refine((mix) => sumsMatch(mix.easy + mix.medium + mix.hard, 1), {
    message: 'easy + medium + hard must add up to 1',
  });

/** A target mean p (proportion correct) of the paper, within ± tolerance. */
export const DifficultyMeanSchema = z.object({
  kind: z.literal('meanP'),
  value: z.number().min(0).max(1),
  tolerance: z.number().min(0).max(1).default(0.03),
});

export const BlueprintDifficultySchema = z.discriminatedUnion('kind', [
  DifficultyMixSchema,
  DifficultyMeanSchema,
]);
export type BlueprintDifficulty = z.infer<typeof BlueprintDifficultySchema>;

/** 曝光控制: leave out items of the last N recorded papers, and items used k times or more. */
export const ExposureLimitsSchema = z.object({
  notUsedInLastPapers: z.int().min(1).max(1_000).optional(),
  maxExposure: z.int().min(1).optional(),
});
export type ExposureLimits = z.infer<typeof ExposureLimitsSchema>;

export const BlueprintSchema = z
  .object({
    id: EntityIdSchema,
    version: z.int().min(1),
    title: nameSchema(200),
    standard: StandardRefSchema,
    level: TheoryLevelCodeSchema,
    sections: z.array(BlueprintSectionSchema).min(1),
    durationMinutes: z.int().min(1).max(600),
    fullMarks: z.number().positive(),
    passMark: z.number().min(0).default(DEFAULT_PASS_MARK),
    rangeAllocation: RangeAllocationSchema.default({ bySection: false, overrides: {} }),
    importance: ImportanceSharesSchema.default({}),
    difficulty: BlueprintDifficultySchema.optional(),
    /** At most this many items per 鉴定点 (1 = never repeat a point). */
    maxItemsPerPoint: z.int().min(1).default(1),
    /** Extra 互斥组 by item id, on top of the bank's own enemy groups. */
    enemyGroups: z.array(z.array(EntityIdSchema).min(2)).default([]),
    exposure: ExposureLimitsSchema.default({}),
    /**
     * A measured p (pooled over the pinned version's administrations) replaces the author's
     * difficulty from this many responses on; default 30 (item-bank's DEFAULT_MIN_RESPONSES).
     */
    measuredPMinResponses: z.int().min(1).optional(),
    /** Only approved items are ever used; the field exists to say so in the file. */
    approvedOnly: z.literal(true).default(true),
    shuffleItems: z.boolean().default(true),
    shuffleOptions: z.boolean().default(true),
    multipleChoiceScoring: MultipleChoiceScoringSchema.default('all_or_nothing'),
  })
  .superRefine((blueprint, ctx) => {
    const total = blueprintTotalPoints(blueprint);
    if (!sumsMatch(total, blueprint.fullMarks)) {
      ctx.addIssue({
        code: 'custom',
        path: ['fullMarks'],
        message: `各大题合计 ${total} 分，与满分 ${blueprint.fullMarks} 不一致`,
      });
    }
    if (blueprint.passMark > blueprint.fullMarks) {
      ctx.addIssue({
        code: 'custom',
        path: ['passMark'],
        message: `及格分 ${blueprint.passMark} 高于满分 ${blueprint.fullMarks}`,
      });
    }
    for (const type of findDuplicates(blueprint.sections.map((section) => section.itemType))) {
      ctx.addIssue({
        code: 'custom',
        path: ['sections'],
        message: `题型 ${type} 出现在多个大题中；每个题型只能有一个大题`,
      });
    }
    blueprint.sections.forEach((section, index) => {
      if (section.scoringPolicy !== undefined && section.itemType !== 'multiple_choice') {
        ctx.addIssue({
          code: 'custom',
          path: ['sections', index, 'scoringPolicy'],
          message: '评分方式只适用于多选题大题',
        });
      }
    });
    const minShares = Object.values(blueprint.importance).reduce(
      (sum, bounds) => sum + (bounds.minShare ?? 0),
      0,
    );
    if (minShares > 1 + 1e-9) {
      ctx.addIssue({
        code: 'custom',
        path: ['importance'],
        message: `X/Y/Z 的最低比例合计 ${minShares}，超过 100%`,
      });
    }
  });
export type Blueprint = z.infer<typeof BlueprintSchema>;
export type BlueprintInput = z.input<typeof BlueprintSchema>;

export function blueprintItemCount(blueprint: { sections: readonly BlueprintSection[] }): number {
  return blueprint.sections.reduce((sum, section) => sum + section.count, 0);
}

export function blueprintTotalPoints(blueprint: { sections: readonly BlueprintSection[] }): number {
  return blueprint.sections.reduce((sum, section) => sum + section.count * section.pointsEach, 0);
}
