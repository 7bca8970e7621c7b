import { execScript, type WritableDb } from '@skillexam/shared/sql';

/**
 * The answer path (docs/architecture.md#the-answer-path): every event stored once by (attempt,
 * seq), the latest value per item, kiosk events, incidents and scores.
 */
export function migrate0030(db: WritableDb): void {
  execScript(
    db,
    `
    CREATE TABLE answer_events (
      attempt_id TEXT NOT NULL REFERENCES attempts (id),
      seq INTEGER NOT NULL CHECK (seq > 0),
      item_id TEXT NOT NULL,
      value_json TEXT NOT NULL,
      client_time TEXT NOT NULL,
      server_time INTEGER NOT NULL,
      PRIMARY KEY (attempt_id, seq)
    ) STRICT, WITHOUT ROWID;

    CREATE TABLE answers_current (
      attempt_id TEXT NOT NULL REFERENCES attempts (id),
      item_id TEXT NOT NULL,
      seq INTEGER NOT NULL,
      value_json TEXT NOT NULL,
      PRIMARY KEY (attempt_id, item_id)
    ) STRICT, WITHOUT ROWID;

    CREATE TABLE kiosk_events (
      id INTEGER PRIMARY KEY,
      attempt_id TEXT NOT NULL REFERENCES attempts (id),
      kind TEXT NOT NULL,
      detail TEXT NOT NULL,
      client_time TEXT NOT NULL,
      server_time INTEGER NOT NULL
    ) STRICT;
    CREATE INDEX kiosk_events_attempt ON kiosk_events (attempt_id);

    CREATE TABLE incidents (
      id INTEGER PRIMARY KEY,
      session_id TEXT NOT NULL REFERENCES sessions (id),
      attempt_id TEXT REFERENCES attempts (id),
      kind TEXT NOT NULL,
      description TEXT NOT NULL,
      actor TEXT NOT NULL,
      created_at INTEGER NOT NULL
    ) STRICT;

    CREATE TABLE scores (
      attempt_id TEXT PRIMARY KEY REFERENCES attempts (id),
      total REAL NOT NULL,
      passed INTEGER NOT NULL,
      detail_json TEXT NOT NULL,
      scored_at INTEGER NOT NULL
    ) STRICT;
    `,
  );
}
