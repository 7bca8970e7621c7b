import type { WritableDb } from '@skillexam/shared/sql';

/**
 * Assembled papers (试卷档案): one row per form with its full record as JSON. Item versions
 * are pinned through the existing `paper_pins` table, whose count per item is the item's
 * exposure; `seq` orders papers for the "not used in the last N papers" rule.
 */
export function migrate0040(db: WritableDb): void {
  db.exec(`
    CREATE TABLE papers (
      seq INTEGER PRIMARY KEY,
      id TEXT NOT NULL UNIQUE,
      standard_id TEXT NOT NULL REFERENCES standards(id),
      level INTEGER NOT NULL CHECK (level BETWEEN 1 AND 5),
      form TEXT NOT NULL,
      title TEXT NOT NULL,
      blueprint_id TEXT NOT NULL,
      blueprint_version INTEGER NOT NULL,
      blueprint_sha256 TEXT NOT NULL CHECK (length(blueprint_sha256) = 64),
      seed INTEGER NOT NULL,
      record TEXT NOT NULL,
      recorded_by TEXT NOT NULL,
      recorded_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX papers_standard_level ON papers(standard_id, level, seq);
  `);
}
