import { z } from 'zod';
import { PercentSchema, sumsMatch } from './common';
import { RangePathCodeSchema } from './assessment-range';
import { TheoryLevelCodeSchema } from './level';

/**
 * 理论知识权重表 for one level: the % weight of each 鉴定范围 (by path code, e.g. `A-A` 职业道德,
 * `A-B` 基础知识, `B-A` 第一个职业功能). The weights of a level always total 100.
 */
export const TheoryWeightTableSchema = z
  .object({
    level: TheoryLevelCodeSchema,
    weights: z.record(RangePathCodeSchema, PercentSchema),
  })
  .superRefine((table, ctx) => {
    const values = Object.values(table.weights);
    const total = values.reduce((sum, weight) => sum + weight, 0);
    if (values.length === 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['weights'],
        message: `理论知识权重表 for level ${table.level} is empty; its weights must total 100%`,
      });
    } else if (!sumsMatch(total, 100)) {
      ctx.addIssue({
        code: 'custom',
        path: ['weights'],
        message: `理论知识权重表 for level ${table.level} totals ${total}%, but the weights must total 100%`,
      });
    }
  });
export type TheoryWeightTable = z.infer<typeof TheoryWeightTableSchema>;
