import { execScript, type WritableDb } from '@skillexam/shared/sql';

/**
 * Content release (docs/decisions/0450-sealed-paper-on-the-kiosk.md): the candidate's paper as
 * downloaded, still AES-256-GCM ciphertext, and the content key once the server released it at
 * the start. Plaintext is never stored; the file goes away after reconciliation.
 */
export function migrate0020(db: WritableDb): void {
  execScript(
    db,
    `
        CREATE TABLE sealed_paper (
          id INTEGER PRIMARY KEY CHECK (id = 1),
          paper_id TEXT NOT NULL,
          key_id TEXT NOT NULL,
          algorithm TEXT NOT NULL CHECK (algorithm = 'aes-256-gcm'),
          iv TEXT NOT NULL,
          tag TEXT NOT NULL,
          ciphertext TEXT NOT NULL,
          fetched_at TEXT NOT NULL
        ) STRICT;
        CREATE TABLE content_key (
          id INTEGER PRIMARY KEY CHECK (id = 1),
          key_id TEXT NOT NULL,
          key TEXT NOT NULL,
          released_at TEXT NOT NULL
        ) STRICT;
      `,
  );
}
