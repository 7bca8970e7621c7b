import { queryAll, queryOne, sql, type ReadableDb } from '@skillexam/shared/sql';

/* The reads behind the proctor console's read models: session list, timeline, photos, key release. */

/** Candidates per session, for the session list. */
export function candidateCountsBySession(db: ReadableDb): Map<string, number> {
  return new Map(
    queryAll<{ session_id: string; n: number }>(
      db,
      sql`SELECT session_id, count(*) AS n FROM attempts GROUP BY session_id`,
    ).map((row) => [row.session_id, row.n]),
  );
}

export interface ConsoleRoom {
  readonly id: string;
  readonly name: string;
  readonly seatCount: number;
}

export function roomsOfSession(db: ReadableDb, sessionId: string): ConsoleRoom[] {
  return queryAll<{ id: string; name: string; seat_count: number }>(
    db,
    sql`SELECT id, name, seat_count FROM rooms WHERE session_id = ${sessionId} ORDER BY id`,
  ).map((room) => ({ id: room.id, name: room.name, seatCount: room.seat_count }));
}

/** The roster photo of an attempt, if it has one. */
/**
 * The session and roster photo of a candidate, seated or withdrawn (a withdrawal moves the roster
 * row to `candidate_withdrawals`, photo included); undefined when there is no such candidate.
 */
export function candidatePhotoOf(
  db: ReadableDb,
  attemptId: string,
): { sessionId: string; photo?: { mime_type: string; bytes: Buffer } } | undefined {
  const row = queryOne<{ session_id: string; mime_type: string | null; bytes: Buffer | null }>(
    db,
    sql`SELECT c.session_id, p.mime_type, p.bytes
          FROM (SELECT session_id, photo_hash FROM attempts WHERE id = ${attemptId}
                UNION ALL
                SELECT session_id, photo_hash FROM candidate_withdrawals
                 WHERE attempt_id = ${attemptId}) c
          LEFT JOIN candidate_photos p ON p.hash = c.photo_hash
         LIMIT 1`,
  );
  if (row === undefined) return undefined;
  return {
    sessionId: row.session_id,
    ...(row.mime_type === null || row.bytes === null
      ? {}
      : { photo: { mime_type: row.mime_type, bytes: row.bytes } }),
  };
}

/** The sessions of the exam that have not ended yet. */
export function openSessionIdsOfExam(db: ReadableDb, examId: string): string[] {
  return queryAll<{ id: string }>(
    db,
    sql`SELECT id FROM sessions WHERE exam_id = ${examId} AND status <> 'ended' ORDER BY id`,
  ).map((row) => row.id);
}

/** The first audit record of `action` about the exam (`payload.examId`), if any. */
export function firstAuditSeqOfExam(
  db: ReadableDb,
  action: string,
  examId: string,
): number | undefined {
  return queryOne<{ seq: number }>(
    db,
    sql`SELECT seq FROM audit_log WHERE action = ${action}
          AND json_extract(payload_json, '$.examId') = ${examId} ORDER BY seq LIMIT 1`,
  )?.seq;
}
