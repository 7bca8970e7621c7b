import { AnswerValueSchema, type AnswerEvent } from '@skillexam/shared';
import {
  queryAll,
  queryOne,
  run,
  sql,
  type ReadableDb,
  type WritableDb,
} from '@skillexam/shared/sql';
import type { StoredAnswer } from './answer-state';

/*
 * The SQL of stored answers (docs/architecture.md#the-answer-path): every event as received
 * (`answer_events`, unique per attempt and seq), the latest value per item (`answers_current`)
 * and the attempt's acked seq. The rules (group commit, contiguous acks) live beside it.
 */

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

export function answerEventStored(db: ReadableDb, attemptId: string, seq: number): boolean {
  return (
    queryOne(
      db,
      sql`SELECT 1 AS x FROM answer_events WHERE attempt_id = ${attemptId} AND seq = ${seq}`,
    ) !== undefined
  );
}

/** Stores one event unless its (attempt, seq) is already stored; true when it was new. */
export function insertAnswerEvent(
  db: WritableDb,
  event: AnswerEvent,
  valueJson: string,
  receivedAt: number,
): boolean {
  return (
    run(
      db,
      sql`INSERT OR IGNORE INTO answer_events (attempt_id, seq, item_id, value_json, client_time, server_time)
          VALUES (${event.attemptId}, ${event.seq}, ${event.itemId}, ${valueJson}, ${event.clientTime}, ${receivedAt})`,
    ).changes > 0
  );
}

/** Makes `seq` the item's current value unless a later seq is already current. */
export function upsertCurrentAnswer(db: WritableDb, event: AnswerEvent, valueJson: string): void {
  run(
    db,
    sql`INSERT INTO answers_current (attempt_id, item_id, seq, value_json)
        VALUES (${event.attemptId}, ${event.itemId}, ${event.seq}, ${valueJson})
        ON CONFLICT (attempt_id, item_id) DO UPDATE SET seq = excluded.seq, value_json = excluded.value_json
        WHERE excluded.seq > answers_current.seq`,
  );
}

export function attemptAckedSeq(db: ReadableDb, attemptId: string): number {
  return (
    queryOne<{ acked_seq: number }>(db, sql`SELECT acked_seq FROM attempts WHERE id = ${attemptId}`)
      ?.acked_seq ?? 0
  );
}

/** Up to `limit` stored seqs above `after`, ascending. */
export function storedSeqsAfter(
  db: ReadableDb,
  attemptId: string,
  after: number,
  limit: number,
): number[] {
  return queryAll<{ seq: number }>(
    db,
    sql`SELECT seq FROM answer_events WHERE attempt_id = ${attemptId} AND seq > ${after} ORDER BY seq LIMIT ${limit}`,
  ).map((row) => row.seq);
}

export function setAttemptAckedSeq(db: WritableDb, attemptId: string, seq: number): void {
  run(db, sql`UPDATE attempts SET acked_seq = ${seq} WHERE id = ${attemptId}`);
}
