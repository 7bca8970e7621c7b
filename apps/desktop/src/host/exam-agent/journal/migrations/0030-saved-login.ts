import { execScript, type WritableDb } from '@skillexam/shared/sql';

/**
 * A kiosk restarted while the server is unreachable resumes offline
 * (docs/decisions/0455-offline-restart.md): who logged in (ticket and a hash of the exam code),
 * the candidate token, and the last attempt view with the local time it was current.
 */
export function migrate0030(db: WritableDb): void {
  execScript(
    db,
    `
        CREATE TABLE saved_login (
          id INTEGER PRIMARY KEY CHECK (id = 1),
          admission_ticket TEXT NOT NULL,
          code_hash TEXT NOT NULL,
          token TEXT NOT NULL,
          attempt_json TEXT NOT NULL,
          saved_at_local INTEGER NOT NULL
        ) STRICT;
      `,
  );
}
