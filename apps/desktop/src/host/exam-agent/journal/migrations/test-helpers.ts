import Database from 'better-sqlite3';
import { runMigrations } from '@skillexam/shared';
import { queryAll, sql, type WritableDb } from '@skillexam/shared/sql';
import { JOURNAL_MIGRATIONS } from './index';

/* Helpers for the journal's migration tests (not used by product code). */

export function memoryJournal(): WritableDb {
  return new Database(':memory:') as WritableDb;
}

export function migrateTo(db: WritableDb, version?: number): void {
  runMigrations(db, JOURNAL_MIGRATIONS, version === undefined ? {} : { target: version });
}

export function tables(db: WritableDb): string[] {
  return queryAll<{ name: string }>(
    db,
    sql`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`,
  ).map((row) => row.name);
}
