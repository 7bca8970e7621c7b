import type Database from 'better-sqlite3';
import type { Migration } from '@skillexam/shared';

/**
 * journal.db: one file per exam attempt on the kiosk (DESIGN.md §5). The outbox is the set of
 * events above `acked_seq`; nothing is deleted until the attempt is reconciled with the server.
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
];
