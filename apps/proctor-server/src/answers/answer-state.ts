import { AnswerValueSchema, answerStateHash, type AnswerValue } from '@skillexam/shared';
import { queryAll, sql, type ReadableDb } from '../db/sql';

export interface StoredAnswer {
  readonly itemId: string;
  readonly seq: number;
  readonly value: AnswerValue;
}

/** The latest stored value of every item of an attempt. */
export function currentAnswers(db: ReadableDb, attemptId: string): StoredAnswer[] {
  return queryAll<{ item_id: string; seq: number; value_json: string }>(
    db,
    sql`SELECT item_id, seq, value_json FROM answers_current WHERE attempt_id = ${attemptId} ORDER BY item_id`,
  ).map((row) => ({
    itemId: row.item_id,
    seq: row.seq,
    value: AnswerValueSchema.parse(JSON.parse(row.value_json)),
  }));
}

export function stateHashOf(answers: readonly StoredAnswer[]): string {
  return answerStateHash(new Map(answers.map((a) => [a.itemId, a.value])));
}

/** Seqs stored above the contiguous prefix (arrived out of order). */
export function seqsAbove(db: ReadableDb, attemptId: string, ackedSeq: number): number[] {
  return queryAll<{ seq: number }>(
    db,
    sql`SELECT seq FROM answer_events WHERE attempt_id = ${attemptId} AND seq > ${ackedSeq} ORDER BY seq LIMIT 10000`,
  ).map((row) => row.seq);
}

/** How many events of an attempt are stored; duplicates can never raise it. */
export function storedEventCount(db: ReadableDb, attemptId: string): number {
  return (
    queryAll<{ n: number }>(
      db,
      sql`SELECT count(*) AS n FROM answer_events WHERE attempt_id = ${attemptId}`,
    )[0]?.n ?? 0
  );
}
