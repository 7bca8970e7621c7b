import { execScript, type WritableDb } from '@skillexam/shared/sql';

/**
 * 督考人员 of a session (docs/decisions/0985): which supervisors a session records, printed on
 * its 考场情况记录 and shown in the monitor header. Supervisors still read every session; the
 * record gives them no rights (0221).
 */
export function migrate0170(db: WritableDb): void {
  execScript(
    db,
    `
    CREATE TABLE session_supervisors (
      session_id TEXT NOT NULL REFERENCES sessions (id),
      username TEXT NOT NULL,
      assigned_at INTEGER NOT NULL,
      PRIMARY KEY (session_id, username)
    ) STRICT, WITHOUT ROWID;
    `,
  );
}
