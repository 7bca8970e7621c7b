import {
  queryAll,
  queryOne,
  run,
  sql,
  type ReadableDb,
  type WritableDb,
} from '@skillexam/shared/sql';

/*
 * 考生管理 (docs/decisions/0973): a session's candidates for the console, and 撤销考试资格 as a
 * move of the attempt row into `candidate_withdrawals` (and back for 恢复资格).
 */

export interface CandidateListRow {
  id: string;
  admission_ticket: string;
  name: string;
  id_number: string;
  room_id: string;
  room_name: string;
  seat: number;
  status: string;
  photo_hash: string | null;
  roster_extra_ms: number;
}

export interface WithdrawnRow extends CandidateListRow {
  withdrawn_at: number;
  withdrawn_by: string;
  reason: string;
  exam_code_hash: string;
}

/** The session's candidates (attempts), with room names, in room and seat order. */
export function candidateRows(db: ReadableDb, sessionId: string): CandidateListRow[] {
  return queryAll<CandidateListRow>(
    db,
    sql`SELECT a.id, a.admission_ticket, a.name, a.id_number, a.room_id, r.name AS room_name,
               a.seat, a.status, a.photo_hash, a.roster_extra_ms
        FROM attempts a JOIN rooms r ON r.session_id = a.session_id AND r.id = a.room_id
        WHERE a.session_id = ${sessionId}
        ORDER BY a.room_id, a.seat`,
  );
}

const WITHDRAWN_COLUMNS = sql`w.attempt_id AS id, w.admission_ticket, w.name, w.id_number,
  w.room_id, r.name AS room_name, w.seat, 'withdrawn' AS status, w.photo_hash, w.roster_extra_ms,
  w.withdrawn_at, w.withdrawn_by, w.reason, w.exam_code_hash`;

/** The session's withdrawn candidates, newest first. */
export function withdrawnRows(db: ReadableDb, sessionId: string): WithdrawnRow[] {
  return queryAll<WithdrawnRow>(
    db,
    sql`SELECT ${WITHDRAWN_COLUMNS}
        FROM candidate_withdrawals w JOIN rooms r ON r.session_id = w.session_id AND r.id = w.room_id
        WHERE w.session_id = ${sessionId}
        ORDER BY w.withdrawn_at DESC, w.attempt_id`,
  );
}

export function findWithdrawn(
  db: ReadableDb,
  sessionId: string,
  attemptId: string,
): WithdrawnRow | undefined {
  return queryOne<WithdrawnRow>(
    db,
    sql`SELECT ${WITHDRAWN_COLUMNS}
        FROM candidate_withdrawals w JOIN rooms r ON r.session_id = w.session_id AND r.id = w.room_id
        WHERE w.session_id = ${sessionId} AND w.attempt_id = ${attemptId}`,
  );
}

/** Whether a withdrawn candidate of the session holds this 准考证号. */
export function ticketWithdrawn(db: ReadableDb, sessionId: string, ticket: string): boolean {
  return (
    queryOne(
      db,
      sql`SELECT 1 AS x FROM candidate_withdrawals
          WHERE session_id = ${sessionId} AND admission_ticket = ${ticket}`,
    ) !== undefined
  );
}

/** Withdrawn candidates with this 准考证号 in sessions that have not ended (candidate login). */
export function withdrawnLogins(
  db: ReadableDb,
  ticket: string,
): { attempt_id: string; session_id: string; exam_code_hash: string }[] {
  return queryAll(
    db,
    sql`SELECT w.attempt_id, w.session_id, w.exam_code_hash
        FROM candidate_withdrawals w JOIN sessions s ON s.id = w.session_id
        WHERE w.admission_ticket = ${ticket} AND s.status <> 'ended'`,
  );
}

/** Seats of the room held by any attempt (finished ones included: the seat key is unique). */
export function seatsInUse(db: ReadableDb, sessionId: string, roomId: string): Set<number> {
  return new Set(
    queryAll<{ seat: number }>(
      db,
      sql`SELECT seat FROM attempts WHERE session_id = ${sessionId} AND room_id = ${roomId}`,
    ).map((row) => row.seat),
  );
}

/** Whether the session's roster holds this 准考证号 (an attempt). */
export function ticketOnRoster(db: ReadableDb, sessionId: string, ticket: string): boolean {
  return (
    queryOne(
      db,
      sql`SELECT 1 AS x FROM attempts WHERE session_id = ${sessionId} AND admission_ticket = ${ticket}`,
    ) !== undefined
  );
}

/**
 * Moves a registered attempt into `candidate_withdrawals` (inside the caller's transaction).
 * Returns false when the attempt is not registered any more (the caller re-checks first).
 */
export function moveAttemptToWithdrawals(
  db: WritableDb,
  attemptId: string,
  withdrawal: { by: string; reason: string; at: number },
): boolean {
  const copied = run(
    db,
    sql`INSERT INTO candidate_withdrawals (attempt_id, session_id, admission_ticket, name, id_number,
          photo_hash, room_id, seat, exam_code_hash, variation_seed, extension_ms, extension_cap_ms,
          roster_extra_ms, large_text, high_contrast, withdrawn_at, withdrawn_by, reason)
        SELECT id, session_id, admission_ticket, name, id_number, photo_hash, room_id, seat,
               exam_code_hash, variation_seed, extension_ms, extension_cap_ms, roster_extra_ms,
               large_text, high_contrast, ${withdrawal.at}, ${withdrawal.by}, ${withdrawal.reason}
        FROM attempts WHERE id = ${attemptId} AND status = 'registered'`,
  );
  if (copied.changes !== 1) return false;
  run(db, sql`DELETE FROM attempts WHERE id = ${attemptId} AND status = 'registered'`);
  return true;
}

/** Puts a withdrawn candidate back on the roster, registered, in `seat` (caller's transaction). */
export function moveWithdrawalToAttempts(db: WritableDb, attemptId: string, seat: number): void {
  run(
    db,
    sql`INSERT INTO attempts (id, session_id, admission_ticket, name, id_number, photo_hash, room_id,
          seat, exam_code_hash, status, variation_seed, extension_ms, extension_cap_ms,
          roster_extra_ms, large_text, high_contrast)
        SELECT attempt_id, session_id, admission_ticket, name, id_number, photo_hash, room_id,
               ${seat}, exam_code_hash, 'registered', variation_seed, extension_ms, extension_cap_ms,
               roster_extra_ms, large_text, high_contrast
        FROM candidate_withdrawals WHERE attempt_id = ${attemptId}`,
  );
  run(db, sql`DELETE FROM candidate_withdrawals WHERE attempt_id = ${attemptId}`);
}
