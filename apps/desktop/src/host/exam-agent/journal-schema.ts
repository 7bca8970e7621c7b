import type Database from 'better-sqlite3';
import type { Migration } from '@skillexam/shared';

/**
 * journal.db: one file per exam attempt on the kiosk (docs/architecture.md#storage-and-migrations).
 * The outbox is the set of events above `acked_seq`; nothing is deleted until the attempt is
 * reconciled with the server.
 */
export const JOURNAL_MIGRATIONS: readonly Migration<Database.Database>[] = [
  {
    version: 10,
    name: 'journal',
    up: (db) =>
      db.exec(`
        CREATE TABLE attempt (
          id INTEGER PRIMARY KEY CHECK (id = 1),
          attempt_id TEXT NOT NULL,
          created_at TEXT NOT NULL,
          acked_seq INTEGER NOT NULL DEFAULT 0 CHECK (acked_seq >= 0),
          position_item_id TEXT
        ) STRICT;
        CREATE TABLE events (
          seq INTEGER PRIMARY KEY CHECK (seq > 0),
          item_id TEXT NOT NULL,
          value TEXT NOT NULL,
          client_time TEXT NOT NULL
        ) STRICT;
        CREATE TABLE flags (
          item_id TEXT PRIMARY KEY,
          flagged INTEGER NOT NULL CHECK (flagged IN (0, 1))
        ) STRICT;
      `),
  },
  {
    // Content release (docs/decisions/0450-sealed-paper-on-the-kiosk.md): the candidate's paper
    // as downloaded, still AES-256-GCM ciphertext, and the content key once the server released
    // it at the start. Plaintext is never stored; the file goes away after reconciliation.
    version: 20,
    name: 'sealed-paper',
    up: (db) =>
      db.exec(`
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
      `),
  },
  {
    // A kiosk restarted while the server is unreachable resumes offline
    // (docs/decisions/0455-offline-restart.md): who logged in (ticket and a hash of the exam code),
    // the candidate token, and the last attempt view with the local time it was current.
    version: 30,
    name: 'saved-login',
    up: (db) =>
      db.exec(`
        CREATE TABLE saved_login (
          id INTEGER PRIMARY KEY CHECK (id = 1),
          admission_ticket TEXT NOT NULL,
          code_hash TEXT NOT NULL,
          token TEXT NOT NULL,
          attempt_json TEXT NOT NULL,
          saved_at_local INTEGER NOT NULL
        ) STRICT;
      `),
  },
];
