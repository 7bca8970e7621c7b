import { execScript, type WritableDb } from '@skillexam/shared/sql';

/**
 * The attempt row, the answer events and the flags (docs/architecture.md#the-answer-path). The
 * outbox is the set of events above `acked_seq`; nothing is deleted until the attempt is
 * reconciled with the server.
 */
export function migrate0010(db: WritableDb): void {
  execScript(
    db,
    `
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
      `,
  );
}
