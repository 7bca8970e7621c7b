import { z } from 'zod';
import { findDuplicates, nameSchema } from './common';
import { TheoryLevelCodeSchema } from './level';
import { OccupationCodeSchema } from './occupation';
import { TheoryWeightTableSchema } from './theory-weight';

/** The year of a standard's edition, e.g. "2018" for 电工（2018年版）. */
export const StandardVersionSchema = z
  .string()
  .regex(/^\d{4}$/, 'A standard version is its four-digit year, e.g. 2018');

/** Names one edition of a 国家职业技能标准: occupation code plus version. */
export const StandardRefSchema = z.object({
  occupationCode: OccupationCodeSchema,
  version: StandardVersionSchema,
});
export type StandardRef = z.infer<typeof StandardRefSchema>;

/**
 * 国家职业技能标准: one edition for one occupation, e.g. 电工 6-31-01-03, 2018,
 * 人社厅发〔2018〕145号, levels 5…1, with its 理论知识权重表 per level.
 */
export const StandardSchema = z
  .object({
    ...StandardRefSchema.shape,
    title: nameSchema(200).optional(),
    /** 发文字号 of the issuing notice, e.g. 人社厅发〔2018〕145号. */
    documentNumber: nameSchema(100).optional(),
    /** 职业技能等级 the standard sets up; most have all five. */
    levels: z.array(TheoryLevelCodeSchema).min(1),
    theoryWeights: z.array(TheoryWeightTableSchema).default([]),
  })
  .superRefine((standard, ctx) => {
    for (const level of findDuplicates(standard.levels)) {
      ctx.addIssue({ code: 'custom', path: ['levels'], message: `Level ${level} is listed twice` });
    }
    const tableLevels = standard.theoryWeights.map((table) => table.level);
    for (const level of findDuplicates(tableLevels)) {
      ctx.addIssue({
        code: 'custom',
        path: ['theoryWeights'],
        message: `Level ${level} has more than one 理论知识权重表`,
      });
    }
    for (const level of tableLevels) {
      if (!standard.levels.includes(level)) {
        ctx.addIssue({
          code: 'custom',
          path: ['theoryWeights'],
          message: `理论知识权重表 for level ${level}, which the standard does not offer`,
        });
      }
    }
  });
export type Standard = z.infer<typeof StandardSchema>;
