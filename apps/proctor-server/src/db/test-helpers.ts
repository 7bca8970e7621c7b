import Database from 'better-sqlite3';
import { runMigrations } from './migrations/runner';
import { MIGRATIONS } from './migrations/index';
import {
  queryAll,
  run,
  sql,
  SqlQuery,
  sqlId,
  sqlJoin,
  sqlList,
  type WritableDb,
} from '@skillexam/shared/sql';

/*
 * Helpers for migration tests (docs/architecture.md#storage-and-migrations). Not used by product
 * code, but kept in src so colocated tests can import them without reaching into test/.
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
    const columns = sqlJoin(Object.keys(row).map(sqlId));
    run(db, sql`INSERT INTO ${sqlId(table)} (${columns}) VALUES (${sqlList(Object.values(row))})`);
  }
}

/**
 * One exam `e1`, its session `s1` with room `r1`, and candidate `a1` (准考证号 T1) in seat 1: the
 * rows most migration tests need before they add their own (schema 60 and later).
 */
export function seedOneAttempt(
  db: WritableDb,
  status: { readonly session?: string; readonly attempt?: string } = {},
): void {
  insertRows(db, 'exams', [
    {
      id: 'e1',
      title: 't',
      manifest_json: '{}',
      candidate_paper_json: '{}',
      answer_key_json: '{}',
      imported_at: 1,
    },
  ]);
  insertRows(db, 'sessions', [
    {
      id: 's1',
      exam_id: 'e1',
      name: 'n',
      scheduled_start: 1,
      duration_ms: 60_000,
      rules_json: '{}',
      status: status.session ?? 'running',
    },
  ]);
  insertRows(db, 'rooms', [{ session_id: 's1', id: 'r1', name: 'r', seat_count: 10 }]);
  insertRows(db, 'attempts', [
    {
      id: 'a1',
      session_id: 's1',
      admission_ticket: 'T1',
      name: '张三',
      id_number: 'x',
      room_id: 'r1',
      seat: 1,
      exam_code_hash: 'h',
      status: status.attempt ?? 'in_progress',
    },
  ]);
}

export function readRows(db: WritableDb, table: string): Record<string, unknown>[] {
  return queryAll(db, sql`SELECT * FROM ${sqlId(table)}`);
}

export function explain(db: WritableDb, query: string): string {
  return queryAll<{ detail: string }>(db, new SqlQuery(`EXPLAIN QUERY PLAN ${query}`, []))
    .map((row) => row.detail)
    .join('\n');
}
