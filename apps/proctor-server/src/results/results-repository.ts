import { queryAll, queryOne, sql, type ReadableDb } from '@skillexam/shared/sql';

/* The SQL every results view starts from: answer keys, stored scores, chained score records. */

export function examAnswerKeyRow(
  db: ReadableDb,
  examId: string,
): { title: string; answer_key_json: string } | undefined {
  return queryOne<{ title: string; answer_key_json: string }>(
    db,
    sql`SELECT title, answer_key_json FROM exams WHERE id = ${examId}`,
  );
}

/** The stored score detail (JSON text) of every scored attempt of a session. */
export function sessionScoreRows(
  db: ReadableDb,
  sessionId: string,
): { attempt_id: string; detail_json: string }[] {
  return queryAll<{ attempt_id: string; detail_json: string }>(
    db,
    sql`SELECT s.attempt_id, s.detail_json FROM scores s JOIN attempts a ON a.id = s.attempt_id
        WHERE a.session_id = ${sessionId}`,
  );
}

export interface AuditRecordRow {
  readonly seq: number;
  readonly at: number;
  readonly actor: string;
  readonly prev_hash: string;
  readonly hash: string;
  readonly payload_json: string;
}

/** Audit records of `action` whose payload names an attempt of the session, in chain order. */
export function sessionAttemptRecords(
  db: ReadableDb,
  sessionId: string,
  action: string,
): AuditRecordRow[] {
  return queryAll<AuditRecordRow>(
    db,
    sql`SELECT l.seq, l.at, l.actor, l.prev_hash, l.hash, l.payload_json FROM audit_log l
        JOIN attempts a ON a.id = json_extract(l.payload_json, '$.attemptId')
        WHERE l.action = ${action} AND a.session_id = ${sessionId} ORDER BY l.seq`,
  );
}

/** The record headers (no payloads) of `fromSeq … toSeq`, in chain order (package v3 links). */
export function auditHeaders(
  db: ReadableDb,
  fromSeq: number,
  toSeq: number,
): {
  seq: number;
  at: number;
  actor: string;
  action: string;
  payload_hash: string;
  prev_hash: string;
}[] {
  return queryAll(
    db,
    sql`SELECT seq, at, actor, action, payload_hash, prev_hash FROM audit_log
        WHERE seq BETWEEN ${fromSeq} AND ${toSeq} ORDER BY seq`,
  );
}

/**
 * The first `score.save` record of the session scored last before `beforeSeq` (another session):
 * where the previous session's package's links start, so this package's reach its head.
 */
export function previousSessionFirstScoreSeq(
  db: ReadableDb,
  sessionId: string,
  beforeSeq: number,
  action: string,
): number | undefined {
  return (
    queryOne<{ first_seq: number | null }>(
      db,
      sql`SELECT MAX(first_seq) AS first_seq FROM (
            SELECT MIN(l.seq) AS first_seq FROM audit_log l
            JOIN attempts a ON a.id = json_extract(l.payload_json, '$.attemptId')
            WHERE l.action = ${action} AND a.session_id <> ${sessionId}
            GROUP BY a.session_id)
          WHERE first_seq < ${beforeSeq}`,
    )?.first_seq ?? undefined
  );
}

/** Per attempt of the session: seconds from its first stored answer to its submission. */
export function answerSecondsRows(
  db: ReadableDb,
  sessionId: string,
): { attempt_id: string; seconds: number }[] {
  return queryAll<{ attempt_id: string; seconds: number }>(
    db,
    sql`SELECT a.id AS attempt_id, (a.submitted_at - MIN(e.server_time)) / 1000.0 AS seconds
        FROM attempts a JOIN answer_events e ON e.attempt_id = a.id
        WHERE a.session_id = ${sessionId} AND a.submitted_at IS NOT NULL
        GROUP BY a.id, a.submitted_at`,
  );
}
