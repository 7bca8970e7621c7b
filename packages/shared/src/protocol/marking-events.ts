import { z } from 'zod';

/*
 * The manual marking queue (简答题 评分): staff marking short answers of finished attempts.
 * Markers mark independently: the queue shows a marker only their own mark, never another's.
 */

const IdSchema = z.string().min(1).max(64);

export const MarkingQueuePayloadSchema = z.object({ sessionId: IdSchema });
export type MarkingQueuePayload = z.infer<typeof MarkingQueuePayloadSchema>;

export const MarkingStatusSchema = z.enum(['awaiting_marks', 'needs_third_marker', 'final']);

export const MarkingTaskSchema = z.object({
  attemptId: z.string(),
  itemId: z.string(),
  /** 题号 on the paper. */
  number: z.int(),
  maxPoints: z.number(),
  /** What the candidate wrote (empty when unanswered). */
  answerText: z.string(),
  status: MarkingStatusSchema,
  /** This marker's own mark, if any. */
  myPoints: z.number().optional(),
  marksGiven: z.int(),
});
export type MarkingTask = z.infer<typeof MarkingTaskSchema>;

export const MarkingQueueSchema = z.object({ tasks: z.array(MarkingTaskSchema) });
export type MarkingQueue = z.infer<typeof MarkingQueueSchema>;

export const MarkingSubmitPayloadSchema = z.object({
  attemptId: IdSchema,
  itemId: IdSchema,
  points: z.number().finite().min(0),
  comment: z.string().max(500).optional(),
});
export type MarkingSubmitPayload = z.infer<typeof MarkingSubmitPayloadSchema>;

export const MarkingSubmitResultSchema = z.object({
  status: MarkingStatusSchema,
  /** The item's final points once the marking is complete. */
  finalPoints: z.number().optional(),
  /** The attempt's total after rescoring (present once every short answer is final). */
  total: z.number().optional(),
  result: z.enum(['pass', 'fail', 'pending']).optional(),
});
export type MarkingSubmitResult = z.infer<typeof MarkingSubmitResultSchema>;
