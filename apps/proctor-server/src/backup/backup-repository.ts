import { queryOne, sql, type ReadableDb } from '@skillexam/shared/sql';

/* The SQL a backup is checked with before it is restored. */

/** SQLite's own check of a database file: `ok`, or what is damaged. */
export function integrityCheck(db: ReadableDb): string {
  return (
    queryOne<{ integrity_check: string }>(db, sql`PRAGMA integrity_check`)?.integrity_check ??
    'unknown'
  );
}

/** The database's page size in bytes (what SQLite's backup API counts in). */
export function pageSize(db: ReadableDb): number {
  return queryOne<{ page_size: number }>(db, sql`PRAGMA page_size`)?.page_size ?? 4096;
}
