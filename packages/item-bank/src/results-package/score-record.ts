import {
  answerStateHash,
  canonicalJson,
  type AnswerValue,
  type AttemptScore,
  type PaperAnswerKeys,
} from '@skillexam/shared';
import { z } from 'zod';
import { sha256 } from './audit-record-hash';

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
  /**
   * Whose score this is (docs/decisions/0213, owner binding): the 准考证号, SHA-256 of the
   * name and ID number (`identityHash`), and the attempt's status when scored. Absent in
   * records written before the binding and in adopted ones.
   */
  ticket: z.string().min(1).optional(),
  identityHash: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .optional(),
  status: z.string().min(1).optional(),
});
export type ScoreRecordPayload = z.infer<typeof ScoreRecordPayloadSchema>;

/** The candidate a score belongs to, as the `attempts` row says when it is scored. */
export interface ScoreOwner {
  readonly ticket: string;
  readonly name: string;
  readonly idNumber: string;
  readonly status: string;
}

/** SHA-256 of the canonical JSON of `[name, idNumber]`: binds a score to a person. */
export function identityHash(name: string, idNumber: string): string {
  return sha256(canonicalJson([name, idNumber]));
}

export function answerKeysHash(keys: PaperAnswerKeys): string {
  return sha256(canonicalJson(keys));
}

export function scoreRecordPayload(
  attemptId: string,
  score: AttemptScore,
  keys: PaperAnswerKeys,
  answers: ReadonlyMap<string, AnswerValue>,
  manualMarks: ReadonlyMap<string, number> | undefined,
  owner: ScoreOwner | undefined,
  /** `answerKeysHash(keys)`, when the caller hashes one paper's keys once for many scores. */
  keysHash: string = answerKeysHash(keys),
): ScoreRecordPayload {
  return {
    attemptId,
    score: JSON.parse(JSON.stringify(score)) as ScoreRecordPayload['score'],
    answersHash: answerStateHash(answers),
    keysHash,
    ...(manualMarks === undefined ? {} : { manualMarks: Object.fromEntries(manualMarks) }),
    ...(owner === undefined
      ? {}
      : {
          ticket: owner.ticket,
          identityHash: identityHash(owner.name, owner.idNumber),
          status: owner.status,
        }),
  };
}

/** The record the upgrade chained for a score stored before 0213 (`adopted`, inputs unknown). */
export function adoptedScoreRecordPayload(
  attemptId: string,
  score: ScoreRecordPayload['score'],
): ScoreRecordPayload {
  return { attemptId, score, answersHash: '', keysHash: '', adopted: true };
}
