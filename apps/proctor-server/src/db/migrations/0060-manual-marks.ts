import type { WritableDb } from '@skillexam/shared/sql';

/** 简答题 marks: one row per marker per item of an attempt (independent double marking). */
export function migrate0060(db: WritableDb): void {
  db.exec(`
    CREATE TABLE manual_marks (
      attempt_id TEXT NOT NULL REFERENCES attempts (id),
      item_id TEXT NOT NULL,
      marker TEXT NOT NULL,
      points REAL NOT NULL CHECK (points >= 0),
      comment TEXT,
      marked_at INTEGER NOT NULL,
      PRIMARY KEY (attempt_id, item_id, marker)
    ) STRICT;
  `);
}
