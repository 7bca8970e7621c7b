import type { WritableDb } from '@skillexam/shared/sql';

/**
 * Items with immutable versions, review events, tags, assets by content hash, paper pins and
 * near-duplicate flags. A version row is frozen by triggers once `sealed` (approved or pinned).
 */
export function migrate0020(db: WritableDb): void {
  db.exec(`
    CREATE TABLE items (
      seq INTEGER PRIMARY KEY,
      id TEXT NOT NULL UNIQUE,
      current_version INTEGER NOT NULL CHECK (current_version >= 1),
      status TEXT NOT NULL
        CHECK (status IN ('draft', 'in_review', 'approved', 'rejected', 'retired')),
      type TEXT NOT NULL CHECK (type IN
        ('true_false', 'single_choice', 'multiple_choice', 'fill_blank', 'short_answer')),
      point_id TEXT NOT NULL REFERENCES points(id),
      standard_id TEXT NOT NULL REFERENCES standards(id),
      level INTEGER NOT NULL,
      difficulty INTEGER NOT NULL CHECK (difficulty BETWEEN 1 AND 5),
      author TEXT NOT NULL,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      enemy_group TEXT,
      source TEXT,
      stat_p REAL,
      stat_discrimination REAL,
      stat_responses INTEGER,
      exposure_count INTEGER NOT NULL DEFAULT 0
    ) STRICT;
    CREATE INDEX items_point ON items(point_id, status);
    CREATE INDEX items_filter ON items(standard_id, level, type, status);
    CREATE INDEX items_status ON items(status);

    -- The normalised texts of the current version live beside the item, not in it: filtered
    -- searches visit thousands of item rows, which stay small and cache-friendly this way.
    CREATE TABLE item_texts (
      seq INTEGER PRIMARY KEY REFERENCES items(seq) ON DELETE CASCADE,
      search_text TEXT NOT NULL,
      similarity_text TEXT NOT NULL
    ) STRICT;

    CREATE TABLE item_versions (
      item_id TEXT NOT NULL REFERENCES items(id) ON DELETE CASCADE,
      version INTEGER NOT NULL CHECK (version >= 1),
      content TEXT NOT NULL,
      plain_text TEXT NOT NULL,
      created_by TEXT NOT NULL,
      created_at TEXT NOT NULL,
      note TEXT,
      sealed INTEGER NOT NULL DEFAULT 0 CHECK (sealed IN (0, 1)),
      PRIMARY KEY (item_id, version)
    ) STRICT;
    CREATE TRIGGER item_versions_sealed_update BEFORE UPDATE ON item_versions
      WHEN OLD.sealed = 1
      BEGIN SELECT RAISE(ABORT, 'item version is sealed and cannot change'); END;
    CREATE TRIGGER item_versions_sealed_delete BEFORE DELETE ON item_versions
      WHEN OLD.sealed = 1
      BEGIN SELECT RAISE(ABORT, 'item version is sealed and cannot be deleted'); END;

    CREATE TABLE item_tags (
      item_id TEXT NOT NULL REFERENCES items(id) ON DELETE CASCADE,
      tag TEXT NOT NULL,
      PRIMARY KEY (item_id, tag)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX item_tags_tag ON item_tags(tag);

    CREATE TABLE review_events (
      id INTEGER PRIMARY KEY,
      item_id TEXT NOT NULL REFERENCES items(id) ON DELETE CASCADE,
      version INTEGER NOT NULL,
      from_status TEXT,
      to_status TEXT NOT NULL,
      actor TEXT NOT NULL,
      at TEXT NOT NULL,
      comment TEXT
    ) STRICT;
    CREATE INDEX review_events_item ON review_events(item_id, id);

    CREATE TABLE assets (
      hash TEXT PRIMARY KEY CHECK (length(hash) = 64),
      mime TEXT NOT NULL,
      size INTEGER NOT NULL,
      bytes BLOB NOT NULL
    ) STRICT;

    CREATE TABLE paper_pins (
      paper_id TEXT NOT NULL,
      item_id TEXT NOT NULL,
      version INTEGER NOT NULL,
      pinned_at TEXT NOT NULL,
      PRIMARY KEY (paper_id, item_id),
      FOREIGN KEY (item_id, version) REFERENCES item_versions(item_id, version)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX paper_pins_item ON paper_pins(item_id);

    CREATE TABLE duplicate_flags (
      item_id TEXT NOT NULL REFERENCES items(id) ON DELETE CASCADE,
      other_item_id TEXT NOT NULL REFERENCES items(id) ON DELETE CASCADE,
      similarity REAL NOT NULL,
      detected_at TEXT NOT NULL,
      PRIMARY KEY (item_id, other_item_id),
      CHECK (item_id < other_item_id)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX duplicate_flags_other ON duplicate_flags(other_item_id);
  `);
}
