import type { WritableDb } from '@skillexam/shared/sql';

/**
 * Measured statistics per item VERSION and per administration (docs/decisions/0900): one
 * `statistics_imports` row per imported response file (its SHA-256, exam = paper id, session,
 * date, candidates and the scoring options used), and one `item_version_statistics` row per item
 * version it measured. Pooled figures are computed from these rows, never stored.
 *
 * The item row's `stat_p`, `stat_discrimination`, `stat_responses` and `exposure_count` go: they
 * belonged to no version, and `exposure_count` mixed papers with candidates (docs/decisions/0901).
 * What they held moves into one import named 升级前的统计, on the version the candidates saw:
 * the latest version a paper pinned, else the current version of an item no paper pinned (the
 * rule of statistics/column-versions.ts, restated here because migrations import no live code).
 * That version is sealed, as an import seals the versions it measures. Papers pinned stay
 * countable from `paper_pins`, so the old mixed count is dropped.
 */
export function migrate0060(db: WritableDb): void {
  db.exec(`
    CREATE TABLE statistics_imports (
      id INTEGER PRIMARY KEY,
      file_sha256 TEXT UNIQUE CHECK (file_sha256 IS NULL OR length(file_sha256) = 64),
      file_name TEXT NOT NULL,
      exam_id TEXT,
      session_id TEXT,
      administered_on TEXT,
      candidates INTEGER NOT NULL CHECK (candidates >= 0),
      scoring TEXT NOT NULL,
      imported_by TEXT NOT NULL,
      imported_at TEXT NOT NULL
    ) STRICT;
    CREATE UNIQUE INDEX statistics_imports_session ON statistics_imports(exam_id, session_id)
      WHERE exam_id IS NOT NULL AND session_id IS NOT NULL;

    CREATE TABLE item_version_statistics (
      import_id INTEGER NOT NULL REFERENCES statistics_imports(id) ON DELETE CASCADE,
      item_id TEXT NOT NULL,
      version INTEGER NOT NULL,
      n INTEGER NOT NULL CHECK (n >= 0),
      p REAL NOT NULL CHECK (p BETWEEN 0 AND 1),
      discrimination REAL CHECK (discrimination IS NULL OR discrimination BETWEEN -1 AND 1),
      candidates_seen INTEGER NOT NULL CHECK (candidates_seen >= 0),
      flags TEXT NOT NULL DEFAULT '[]',
      PRIMARY KEY (import_id, item_id),
      FOREIGN KEY (item_id, version) REFERENCES item_versions(item_id, version)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX item_version_statistics_version ON item_version_statistics(item_id, version);
    CREATE INDEX paper_pins_version ON paper_pins(item_id, version);

    INSERT INTO statistics_imports (file_sha256, file_name, candidates, scoring, imported_by,
                                    imported_at)
      SELECT NULL, '升级前的统计', max(coalesce(stat_responses, 0)), '{"legacy":true}',
             'migration', strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
      FROM items WHERE stat_p IS NOT NULL HAVING count(*) > 0;
    INSERT INTO item_version_statistics (import_id, item_id, version, n, p, discrimination,
                                         candidates_seen)
      SELECT (SELECT max(id) FROM statistics_imports), id,
             coalesce((SELECT max(version) FROM paper_pins WHERE item_id = items.id),
                      current_version),
             coalesce(stat_responses, 0), stat_p,
             CASE WHEN stat_discrimination BETWEEN -1 AND 1 THEN stat_discrimination END,
             coalesce(stat_responses, 0)
      FROM items WHERE stat_p IS NOT NULL;
    -- Figures stay with the version they measured: an edit makes a new version.
    UPDATE item_versions SET sealed = 1
      WHERE sealed = 0 AND EXISTS (SELECT 1 FROM item_version_statistics s
        WHERE s.item_id = item_versions.item_id AND s.version = item_versions.version);

    ALTER TABLE items DROP COLUMN stat_p;
    ALTER TABLE items DROP COLUMN stat_discrimination;
    ALTER TABLE items DROP COLUMN stat_responses;
    ALTER TABLE items DROP COLUMN exposure_count;
  `);
}
