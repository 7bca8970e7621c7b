import { z } from 'zod';
import { nameSchema } from './common';
import { TheoryLevelCodeSchema } from './level';

/**
 * 重要程度 of a 鉴定点: X = 核心要素 (core), Y = 一般要素 (general), Z = 辅助要素 (auxiliary).
 * A typical 细目表 has X ≥ 80 %, Y ≤ 15 %, Z ≤ 5 % of its points.
 */
export const ImportanceSchema = z.enum(['X', 'Y', 'Z']);
export type Importance = z.infer<typeof ImportanceSchema>;

/** 鉴定点代码: three digits, numbered 001, 002, … inside its 鉴定范围. */
export const AssessmentPointCodeSchema = z
  .string()
  .regex(/^\d{3}$/, 'An assessment point code (鉴定点代码) is three digits, e.g. 001');

/**
 * 鉴定点: "最小的、不可分割的可鉴定的职业技能要素"; every item is written against exactly one.
 * Its full code is its range path plus its own code, e.g. `A-B-001` (see `assessmentPointPath`).
 */
export const AssessmentPointSchema = z.object({
  code: AssessmentPointCodeSchema,
  name: nameSchema(200),
  importance: ImportanceSchema,
  /**
   * Levels the point belongs to, when the tree is shared by several levels. Absent means
   * every level at which its 鉴定范围 has a weight.
   */
  levels: z.array(TheoryLevelCodeSchema).min(1).optional(),
});
export type AssessmentPoint = z.infer<typeof AssessmentPointSchema>;
