import { z } from 'zod';
import { findDuplicates, nameSchema } from './common';

/**
 * 职业编码 from 《中华人民共和国职业分类大典》: 大类-中类-小类-细类, `N-NN-NN-NN`,
 * e.g. 6-31-01-03 电工, 4-04-05-05 人工智能训练师.
 */
export const OccupationCodeSchema = z
  .string()
  .regex(/^\d-\d{2}-\d{2}-\d{2}$/, 'An occupation code has the form N-NN-NN-NN, e.g. 6-31-01-03');
export type OccupationCode = z.infer<typeof OccupationCodeSchema>;

/** 职业分类大典 edition the code comes from; codes can differ between editions. */
export const ClassificationEditionSchema = z.literal([2015, 2022]);
export type ClassificationEdition = z.infer<typeof ClassificationEditionSchema>;

/** 工种: a sub-trade inside an occupation, e.g. 数据标注员 inside 人工智能训练师. */
export const SubTradeSchema = z.object({
  /** Not every standard codes its 工种, so the code is optional and free-form. */
  code: z.string().trim().min(1).max(32).optional(),
  name: nameSchema(100),
});
export type SubTrade = z.infer<typeof SubTradeSchema>;

/** 职业: an occupation as listed in the 大典 and covered by a 国家职业技能标准. */
export const OccupationSchema = z
  .object({
    code: OccupationCodeSchema,
    name: nameSchema(100),
    edition: ClassificationEditionSchema,
    /** 工种; "本职业包含但不限于下列工种". Empty when the occupation has none. */
    subTrades: z.array(SubTradeSchema).default([]),
  })
  .superRefine((occupation, ctx) => {
    for (const name of findDuplicates(occupation.subTrades.map((trade) => trade.name))) {
      ctx.addIssue({
        code: 'custom',
        path: ['subTrades'],
        message: `工种 "${name}" is listed more than once`,
      });
    }
  });
export type Occupation = z.infer<typeof OccupationSchema>;
