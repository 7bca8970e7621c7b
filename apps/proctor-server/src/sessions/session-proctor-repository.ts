import {
  queryAll,
  queryOne,
  run,
  sql,
  type ReadableDb,
  type WritableDb,
} from '@skillexam/shared/sql';

/*
 * The 监考员 assigned to each session (`session_proctors`), its 督考人员 (`session_supervisors`)
 * and the staff roles they are checked against.
 */

export function assignedProctors(db: ReadableDb, sessionId: string): string[] {
  return queryAll<{ username: string }>(
    db,
    sql`SELECT username FROM session_proctors WHERE session_id = ${sessionId} ORDER BY username`,
  ).map((row) => row.username);
}

export function isAssignedProctor(db: ReadableDb, sessionId: string, username: string): boolean {
  return (
    queryOne<{ one: number }>(
      db,
      sql`SELECT 1 AS one FROM session_proctors WHERE session_id = ${sessionId} AND username = ${username}`,
    ) !== undefined
  );
}

/** The role of a staff account by username, or undefined when there is none. */
export function staffRoleByUsername(db: ReadableDb, username: string): string | undefined {
  return queryOne<{ role: string }>(db, sql`SELECT role FROM staff WHERE username = ${username}`)
    ?.role;
}

/** Replaces the session's assignment with `usernames` (inside the caller's transaction). */
export function replaceSessionProctors(
  db: WritableDb,
  sessionId: string,
  usernames: readonly string[],
  now: number,
): void {
  run(db, sql`DELETE FROM session_proctors WHERE session_id = ${sessionId}`);
  for (const username of usernames) {
    run(
      db,
      sql`INSERT INTO session_proctors (session_id, username, assigned_at) VALUES (${sessionId}, ${username}, ${now})`,
    );
  }
}

/** The 督考人员 a session records (`session_supervisors`, docs/decisions/0985). */
export function assignedSupervisors(db: ReadableDb, sessionId: string): string[] {
  return queryAll<{ username: string }>(
    db,
    sql`SELECT username FROM session_supervisors WHERE session_id = ${sessionId} ORDER BY username`,
  ).map((row) => row.username);
}

/** Replaces the session's 督考人员 with `usernames` (inside the caller's transaction). */
export function replaceSessionSupervisors(
  db: WritableDb,
  sessionId: string,
  usernames: readonly string[],
  now: number,
): void {
  run(db, sql`DELETE FROM session_supervisors WHERE session_id = ${sessionId}`);
  for (const username of usernames) {
    run(
      db,
      sql`INSERT INTO session_supervisors (session_id, username, assigned_at) VALUES (${sessionId}, ${username}, ${now})`,
    );
  }
}
