import { execScript, type WritableDb } from '@skillexam/shared/sql';

/**
 * Content release and rooms: a per-attempt variation seed (乱序: the candidate's own item and
 * option order, drawn at roster import; existing attempts get a random one), the per-session
 * content key that seals papers for the kiosks, a drawn seat map per room (absent = the default
 * grid), and two session settings: an automatic check-in time and the occupation's name.
 */
export function migrate0070(db: WritableDb): void {
  execScript(
    db,
    `
    ALTER TABLE attempts ADD COLUMN variation_seed INTEGER
      CHECK (variation_seed BETWEEN 0 AND 4294967295);
    UPDATE attempts SET variation_seed = abs(random() % 4294967296);

    CREATE TABLE session_content_keys (
      session_id TEXT PRIMARY KEY REFERENCES sessions (id),
      key_bytes BLOB NOT NULL CHECK (length(key_bytes) = 32),
      key_id TEXT NOT NULL CHECK (length(key_id) = 16),
      created_at INTEGER NOT NULL
    ) STRICT;

    ALTER TABLE rooms ADD COLUMN layout_json TEXT;
    ALTER TABLE sessions ADD COLUMN auto_check_in_at INTEGER;
    ALTER TABLE sessions ADD COLUMN occupation_name TEXT;
    `,
  );
}
