import { z } from 'zod';

/** What a candidate has answered for one item; `null` clears the answer. */
export const AnswerValueSchema = z.union([
  z.object({ kind: z.literal('true_false'), value: z.boolean() }),
  z.object({
    kind: z.literal('choice'),
    selected: z.array(z.string().regex(/^[A-F]$/)).max(6),
  }),
  z.object({
    kind: z.literal('blanks'),
    values: z.record(z.string().min(1).max(64), z.string().max(500)),
  }),
  z.object({ kind: z.literal('text'), text: z.string().max(20_000) }),
  z.null(),
]);
export type AnswerValue = z.infer<typeof AnswerValueSchema>;

/** One journaled answer change: the unit of the answer path (DESIGN.md §6). */
export const AnswerEventSchema = z.object({
  attemptId: z.string().min(1).max(64),
  seq: z.number().int().positive(),
  itemId: z.string().min(1).max(64),
  value: AnswerValueSchema,
  clientTime: z.iso.datetime(),
});
export type AnswerEvent = z.infer<typeof AnswerEventSchema>;

export const AnswerSaveResultSchema = z.object({
  /** Highest seq such that every event 1…seq of the attempt is durably stored. */
  ackedSeq: z.number().int().nonnegative(),
});
export type AnswerSaveResult = z.infer<typeof AnswerSaveResultSchema>;
