import Database from 'better-sqlite3';
import { runMigrations } from './migrations/runner';
import { MIGRATIONS } from './migrations/index';
import { queryAll, sqlId, type WritableDb } from './sql';

/*
 * Helpers for migration tests (CONVENTIONS.md §9). Not used by product code, but kept in src so
 * colocated tests can import them without reaching into test/.
 */

export function createMemoryDb(): WritableDb {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  return db as WritableDb;
}

export function migrateTo(db: WritableDb, version: number): void {
  runMigrations(db, MIGRATIONS, version);
}

export function insertRows(
  db: WritableDb,
  table: string,
  rows: readonly Record<string, string | number | Buffer | null>[],
): void {
  for (const row of rows) {
    const columns = Object.keys(row).map((c) => `"${sqlId(c).name}"`);
    const text = `INSERT INTO "${sqlId(table).name}" (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`;
    db.prepare(text).run(...Object.values(row));
  }
}

export function readRows(db: WritableDb, table: string): Record<string, unknown>[] {
  return queryAll(db, { text: `SELECT * FROM "${sqlId(table).name}"`, params: [] });
}

export function explain(db: WritableDb, query: string): string {
  return queryAll<{ detail: string }>(db, { text: `EXPLAIN QUERY PLAN ${query}`, params: [] })
    .map((row) => row.detail)
    .join('\n');
}
