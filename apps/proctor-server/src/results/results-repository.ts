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
