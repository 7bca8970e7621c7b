import { queryOne, sql, type ReadableDb } from '@skillexam/shared/sql';

/* The SQL a backup is checked with before it is restored. */

/** SQLite's own check of a database file: `ok`, or what is damaged. */
export function integrityCheck(db: ReadableDb): string {
  return (
    queryOne<{ integrity_check: string }>(db, sql`PRAGMA integrity_check`)?.integrity_check ??
    'unknown'
  );
}
