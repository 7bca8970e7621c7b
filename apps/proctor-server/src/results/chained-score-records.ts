import type { ReadableDb } from '@skillexam/shared/sql';
import {
  SCORE_SAVE_ACTION,
  ScoreRecordPayloadSchema,
  type ScoreRecordPayload,
} from '@skillexam/item-bank/results-package';
import type { ChainedScoreRecord } from './candidate-result';
import { sessionAttemptRecords } from './results-repository';

export interface ChainedScore {
  readonly record: ChainedScoreRecord;
  readonly manualMarks?: Readonly<Record<string, number>>;
  /** The attempt status the record binds (owner binding, 0213). */
  readonly boundStatus?: string;
  /** Set for a score adopted at the upgrade: the score exactly as chained. */
  readonly adoptedScore?: ScoreRecordPayload['score'];
}

/** The last chained `score.save` record of each attempt of a session (results package). */
export function chainedScoresOfSession(
  db: ReadableDb,
  sessionId: string,
): Map<string, ChainedScore> {
  const rows = sessionAttemptRecords(db, sessionId, SCORE_SAVE_ACTION);
  const result = new Map<string, ChainedScore>();
  for (const row of rows) {
    const payload = ScoreRecordPayloadSchema.parse(JSON.parse(row.payload_json));
    result.set(payload.attemptId, {
      record: {
        seq: row.seq,
        at: row.at,
        actor: row.actor,
        prevHash: row.prev_hash,
        hash: row.hash,
      },
      ...(payload.manualMarks === undefined ? {} : { manualMarks: payload.manualMarks }),
      ...(payload.status === undefined ? {} : { boundStatus: payload.status }),
      ...(payload.adopted === true ? { adoptedScore: payload.score } : {}),
    });
  }
  return result;
}
