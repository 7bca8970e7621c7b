import {
  queryAll,
  queryOne,
  run,
  sql,
  type ReadableDb,
  type WritableDb,
} from '@skillexam/shared/sql';
import type { AttemptRecord } from './attempt-record';

/*
 * The UPDATEs behind each per-candidate action of AttemptService. The rules (which status may
 * do what) stay in the service; these only write rows.
 */

export function markIdentityConfirmed(db: WritableDb, attemptId: string, now: number): void {
  run(db, sql`UPDATE attempts SET identity_confirmed_at = ${now} WHERE id = ${attemptId}`);
}

/** Waiting candidates of a session whose identity is confirmed: those 准入 admits by default. */
export function admittableAttemptIds(db: ReadableDb, sessionId: string): string[] {
  return queryAll<{ id: string }>(
    db,
    sql`SELECT id FROM attempts WHERE session_id = ${sessionId} AND status = 'logged_in' AND identity_confirmed_at IS NOT NULL`,
  ).map((row) => row.id);
}

/** Admits one attempt: it starts at once in a running session, paused in a paused one. */
export function admitAttemptRow(
  db: WritableDb,
  attemptId: string,
  sessionStatus: string,
  now: number,
): void {
  if (sessionStatus === 'running') {
    run(
      db,
      sql`UPDATE attempts SET status = 'in_progress', admitted_at = ${now}, started_at = ${now} WHERE id = ${attemptId}`,
    );
  } else if (sessionStatus === 'paused') {
    run(
      db,
      sql`UPDATE attempts SET status = 'paused', admitted_at = ${now}, started_at = ${now}, paused_at = ${now}, pause_kind = 'session' WHERE id = ${attemptId}`,
    );
  } else {
    run(
      db,
      sql`UPDATE attempts SET status = 'admitted', admitted_at = ${now} WHERE id = ${attemptId}`,
    );
  }
}

export function pauseAttemptRow(db: WritableDb, attemptId: string, now: number): void {
  run(
    db,
    sql`UPDATE attempts SET status = 'paused', paused_at = ${now}, pause_kind = 'attempt' WHERE id = ${attemptId}`,
  );
}

/** A candidate paused with the whole session: the pause becomes the candidate's own. */
export function makePauseOwn(db: WritableDb, attemptId: string): void {
  run(db, sql`UPDATE attempts SET pause_kind = 'attempt' WHERE id = ${attemptId}`);
}

export function resumeAttemptRow(db: WritableDb, attempt: AttemptRecord, now: number): void {
  const paused = attempt.pausedAt === undefined ? 0 : Math.max(0, now - attempt.pausedAt);
  run(
    db,
    sql`UPDATE attempts SET status = 'in_progress', paused_at = NULL, pause_kind = NULL,
               paused_total_ms = paused_total_ms + ${paused}
        WHERE id = ${attempt.id}`,
  );
}

export function addExtension(db: WritableDb, attemptId: string, minutes: number): void {
  run(
    db,
    sql`UPDATE attempts SET extension_ms = extension_ms + ${minutes * 60_000} WHERE id = ${attemptId}`,
  );
}

export function setExtensionCap(db: WritableDb, attemptId: string, capMinutes: number): void {
  run(
    db,
    sql`UPDATE attempts SET extension_cap_ms = ${capMinutes * 60_000} WHERE id = ${attemptId}`,
  );
}

export function voidAttemptRow(db: WritableDb, attemptId: string, now: number): void {
  run(
    db,
    sql`UPDATE attempts SET status = 'voided', submitted_at = coalesce(submitted_at, ${now}), paused_at = NULL, pause_kind = NULL WHERE id = ${attemptId}`,
  );
}

/** Moves the attempt to a seat; throws (a UNIQUE constraint) when the seat is taken. */
export function moveAttemptRow(
  db: WritableDb,
  attemptId: string,
  roomId: string,
  seat: number,
): void {
  run(db, sql`UPDATE attempts SET room_id = ${roomId}, seat = ${seat} WHERE id = ${attemptId}`);
}

export function unlockAttemptRow(db: WritableDb, attemptId: string): void {
  run(db, sql`UPDATE attempts SET failed_logins = 0, locked_until = NULL WHERE id = ${attemptId}`);
}

export function recordHeartbeat(
  db: WritableDb,
  attemptId: string,
  now: number,
  offsetMs: number,
): void {
  run(
    db,
    sql`UPDATE attempts SET last_heartbeat_at = ${now}, client_offset_ms = ${offsetMs} WHERE id = ${attemptId}`,
  );
}

/** Running attempts whose deadline plus `graceMs` has passed at `now`. */
export function overdueAttemptIds(db: ReadableDb, graceMs: number, now: number): string[] {
  return queryAll<{ id: string }>(
    db,
    sql`SELECT a.id FROM attempts a JOIN sessions s ON s.id = a.session_id
        WHERE a.status = 'in_progress' AND s.started_at IS NOT NULL
          AND s.started_at + s.duration_ms + a.extension_ms + a.paused_total_ms + ${graceMs} <= ${now}`,
  ).map((row) => row.id);
}

export function finishAttemptRow(
  db: WritableDb,
  attemptId: string,
  status: 'submitted' | 'force_submitted',
  at: number,
  pausedExtraMs: number,
): void {
  run(
    db,
    sql`UPDATE attempts SET status = ${status}, submitted_at = ${at}, paused_at = NULL, pause_kind = NULL,
               paused_total_ms = paused_total_ms + ${pausedExtraMs}
        WHERE id = ${attemptId}`,
  );
}

/** Attempts of a session a proctor message reaches: logged in and not finished. */
export function reachableAttemptIds(db: ReadableDb, sessionId: string): string[] {
  return queryAll<{ id: string }>(
    db,
    sql`SELECT id FROM attempts WHERE session_id = ${sessionId}
        AND status IN ('logged_in', 'admitted', 'in_progress', 'paused')`,
  ).map((row) => row.id);
}

/** A successful login: failures cleared, `registered` becomes `logged_in`. */
export function markAttemptLoggedIn(db: WritableDb, attemptId: string, now: number): void {
  run(
    db,
    sql`UPDATE attempts SET failed_logins = 0, locked_until = NULL, logged_in_at = ${now},
               status = CASE status WHEN 'registered' THEN 'logged_in' ELSE status END
        WHERE id = ${attemptId}`,
  );
}

/** Counts one failed login and keeps the later of the stored and the new wait; the new count. */
export function countAttemptLoginFailure(
  db: WritableDb,
  attemptId: string,
  waitUntil: number | null,
): number {
  return (
    queryOne<{ failed_logins: number }>(
      db,
      sql`UPDATE attempts SET failed_logins = failed_logins + 1,
                 locked_until = CASE WHEN ${waitUntil} IS NULL THEN locked_until
                                     ELSE MAX(COALESCE(locked_until, 0), ${waitUntil}) END
          WHERE id = ${attemptId}
          RETURNING failed_logins`,
    )?.failed_logins ?? 1
  );
}
