import type { WritableDb } from '@skillexam/shared/sql';

/** Occupations, standards, theory weight tables and the 鉴定要素细目表 tree (ranges → points). */
export function migrate0010(db: WritableDb): void {
  db.exec(`
    CREATE TABLE occupations (
      code TEXT PRIMARY KEY,
      name TEXT NOT NULL,
      edition INTEGER NOT NULL,
      sub_trades TEXT NOT NULL DEFAULT '[]'
    ) STRICT;

    CREATE TABLE standards (
      id TEXT PRIMARY KEY,
      occupation_code TEXT NOT NULL REFERENCES occupations(code),
      version TEXT NOT NULL,
      title TEXT,
      document_number TEXT,
      levels TEXT NOT NULL,
      imported_at TEXT NOT NULL,
      UNIQUE (occupation_code, version)
    ) STRICT;

    CREATE TABLE theory_weights (
      standard_id TEXT NOT NULL REFERENCES standards(id) ON DELETE CASCADE,
      level INTEGER NOT NULL,
      range_path TEXT NOT NULL,
      percent REAL NOT NULL,
      PRIMARY KEY (standard_id, level, range_path)
    ) STRICT, WITHOUT ROWID;

    CREATE TABLE ranges (
      id TEXT PRIMARY KEY,
      standard_id TEXT NOT NULL REFERENCES standards(id) ON DELETE CASCADE,
      parent_id TEXT REFERENCES ranges(id) ON DELETE CASCADE,
      path TEXT NOT NULL,
      code TEXT NOT NULL,
      name TEXT NOT NULL,
      depth INTEGER NOT NULL CHECK (depth BETWEEN 1 AND 6),
      ordinal INTEGER NOT NULL,
      UNIQUE (standard_id, path)
    ) STRICT;
    CREATE INDEX ranges_parent ON ranges(parent_id);

    CREATE TABLE range_weights (
      range_id TEXT NOT NULL REFERENCES ranges(id) ON DELETE CASCADE,
      level INTEGER NOT NULL,
      percent REAL NOT NULL,
      PRIMARY KEY (range_id, level)
    ) STRICT, WITHOUT ROWID;

    CREATE TABLE points (
      id TEXT PRIMARY KEY,
      standard_id TEXT NOT NULL REFERENCES standards(id) ON DELETE CASCADE,
      range_id TEXT NOT NULL REFERENCES ranges(id) ON DELETE CASCADE,
      range_path TEXT NOT NULL,
      code TEXT NOT NULL,
      path TEXT NOT NULL,
      name TEXT NOT NULL,
      importance TEXT NOT NULL CHECK (importance IN ('X', 'Y', 'Z')),
      levels TEXT,
      ordinal INTEGER NOT NULL,
      UNIQUE (standard_id, path)
    ) STRICT;
    CREATE INDEX points_range ON points(standard_id, range_path);
  `);
}
