import Database from 'better-sqlite3';
import { migrateBank } from '../../src/db/migrate';
import { MIGRATIONS } from '../../src/db/migrations/index';
import { queryAll, sql, sqlId, type WritableDb } from '@skillexam/shared/sql';

/** A fresh in-memory database with foreign keys on and no migrations applied. */
export function createDb(): WritableDb {
  const db = new Database(':memory:') as WritableDb;
  db.pragma('foreign_keys = ON');
  return db;
}

export function migrateTo(db: WritableDb, version: number): void {
  migrateBank(db, MIGRATIONS, version);
}

export function insertRows(db: WritableDb, table: string, rows: Record<string, unknown>[]): void {
  for (const row of rows) {
    const columns = Object.keys(row);
    db.prepare(
      `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) VALUES (${columns
        .map(() => '?')
        .join(', ')})`,
    ).run(...Object.values(row));
  }
}

export function readRows(db: WritableDb, table: string): Record<string, unknown>[] {
  return queryAll<Record<string, unknown>>(db, sql`SELECT * FROM ${sqlId(table)}`);
}

/** The `detail` lines of EXPLAIN QUERY PLAN, for index assertions. */
export function explain(db: WritableDb, query: string, ...params: unknown[]): string {
  return (db.prepare(`EXPLAIN QUERY PLAN ${query}`).all(...params) as { detail: string }[])
    .map((row) => row.detail)
    .join('\n');
}
