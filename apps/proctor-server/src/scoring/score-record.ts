import {
  answerStateHash,
  canonicalJson,
  type AnswerValue,
  type AttemptScore,
  type PaperAnswerKeys,
} from '@skillexam/shared';
import { z } from 'zod';
import { sha256 } from '../audit/chain';

/*
 * What a `score.save` audit record carries (docs/decisions/0213): the whole score, the state
 * hash of the answers it was computed from, the hash of the answer key, and the final manual
 * marks. `audit verify` and `results verify` recompute the score from these inputs.
 */

export const SCORE_SAVE_ACTION = 'score.save';

export const ScoreRecordPayloadSchema = z.object({
  attemptId: z.string().min(1),
  /** The AttemptScore exactly as stored in `scores.detail_json`. */
  score: z.looseObject({ total: z.number(), result: z.enum(['pass', 'fail', 'pending']) }),
  answersHash: z.string(),
  keysHash: z.string(),
  /** itemId → final points of manually marked items (简答题). */
  manualMarks: z.record(z.string(), z.number()).optional(),
  /** Scored before 0213 and adopted into the chain by the upgrade: inputs unknown. */
  adopted: z.literal(true).optional(),
});
export type ScoreRecordPayload = z.infer<typeof ScoreRecordPayloadSchema>;

export function answerKeysHash(keys: PaperAnswerKeys): string {
  return sha256(canonicalJson(keys));
}

export function scoreRecordPayload(
  attemptId: string,
  score: AttemptScore,
  keys: PaperAnswerKeys,
  answers: ReadonlyMap<string, AnswerValue>,
  manualMarks: ReadonlyMap<string, number> | undefined,
): ScoreRecordPayload {
  return {
    attemptId,
    score: JSON.parse(JSON.stringify(score)) as ScoreRecordPayload['score'],
    answersHash: answerStateHash(answers),
    keysHash: answerKeysHash(keys),
    ...(manualMarks === undefined ? {} : { manualMarks: Object.fromEntries(manualMarks) }),
  };
}
