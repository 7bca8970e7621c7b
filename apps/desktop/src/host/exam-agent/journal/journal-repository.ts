import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { runMigrations } from '@skillexam/shared';
import {
  queryAll,
  queryValue,
  run,
  sql,
  transaction,
  type ReadableDb,
  type WritableDb,
} from '@skillexam/shared/sql';
import { JOURNAL_MIGRATIONS } from './migrations/index';

/*
 * The SQL of journal.db's attempt row, answer events and flags (docs/architecture.md#the-answer-path).
 * Values arrive validated; the rules (what an event is, what may be acknowledged) live in
 * answer-journal.ts.
 */

export interface EventRow {
  readonly seq: number;
  readonly item_id: string;
  readonly value: string;
  readonly client_time: string;
}

/** Opens (or creates) journal.db durably: WAL, `synchronous=FULL`, migrated to the last step. */
export function openJournalDb(path: string): WritableDb {
  mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path) as WritableDb;
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    runMigrations(db, JOURNAL_MIGRATIONS, { what: '考试日志' });
  } catch (error) {
    db.close();
    throw error;
  }
  return db;
}

/** Opens an existing journal read-only (looking for a saved login); throws if it is no database. */
export function openJournalReadOnly(path: string): ReadableDb {
  return new Database(path, { readonly: true, fileMustExist: true }) as ReadableDb;
}

export function journalAttemptId(db: ReadableDb): string | undefined {
  return queryValue<string>(db, sql`SELECT attempt_id FROM attempt WHERE id = 1`);
}

export function insertAttempt(db: WritableDb, attemptId: string, createdAt: string): void {
  run(
    db,
    sql`INSERT INTO attempt (id, attempt_id, created_at) VALUES (1, ${attemptId}, ${createdAt})`,
  );
}

/** The highest seq used: journaled here, or acked by the server (after a move to this PC). */
export function lastSeq(db: ReadableDb): number {
  return (
    queryValue<number>(
      db,
      sql`SELECT max(coalesce((SELECT max(seq) FROM events), 0), (SELECT acked_seq FROM attempt WHERE id = 1))`,
    ) ?? 0
  );
}

export function ackedSeq(db: ReadableDb): number {
  return queryValue<number>(db, sql`SELECT acked_seq FROM attempt WHERE id = 1`) ?? 0;
}

/** Appends one event with the next seq, in one transaction; returns the seq. */
export function appendEvent(
  db: WritableDb,
  itemId: string,
  valueJson: string,
  clientTime: string,
): number {
  return transaction(db, () => {
    const next = lastSeq(db) + 1;
    run(
      db,
      sql`INSERT INTO events (seq, item_id, value, client_time) VALUES (${next}, ${itemId}, ${valueJson}, ${clientTime})`,
    );
    return next;
  });
}

export function eventsAfter(db: ReadableDb, seq: number, limit: number): EventRow[] {
  return queryAll<EventRow>(
    db,
    sql`SELECT * FROM events WHERE seq > ${seq} ORDER BY seq LIMIT ${limit}`,
  );
}

export function eventsUpTo(db: ReadableDb, maxSeq: number): EventRow[] {
  return queryAll<EventRow>(db, sql`SELECT * FROM events WHERE seq <= ${maxSeq} ORDER BY seq`);
}

/** Raises `acked_seq` to `seq` (capped at `last`); never lowers it. */
export function raiseAckedSeq(db: WritableDb, seq: number, last: number): void {
  run(db, sql`UPDATE attempt SET acked_seq = max(acked_seq, min(${seq}, ${last})) WHERE id = 1`);
}

export function setAckedSeq(db: WritableDb, seq: number): void {
  run(db, sql`UPDATE attempt SET acked_seq = ${seq} WHERE id = 1`);
}

/** Stores events the server already holds (kept when present) and its acked seq, together. */
export function importAckedEvents(
  db: WritableDb,
  serverAckedSeq: number,
  events: readonly { seq: number; itemId: string; valueJson: string }[],
): void {
  transaction(db, () => {
    for (const event of events) {
      run(
        db,
        sql`INSERT OR IGNORE INTO events (seq, item_id, value, client_time) VALUES (${event.seq}, ${event.itemId}, ${event.valueJson}, 'server')`,
      );
    }
    setAckedSeq(db, serverAckedSeq);
  });
}

export function positionItemId(db: ReadableDb): string | null {
  return (
    queryValue<string | null>(db, sql`SELECT position_item_id FROM attempt WHERE id = 1`) ?? null
  );
}

export function setPositionItemId(db: WritableDb, itemId: string): void {
  run(db, sql`UPDATE attempt SET position_item_id = ${itemId} WHERE id = 1`);
}

export function flaggedItemIds(db: ReadableDb): string[] {
  return queryAll<{ item_id: string }>(db, sql`SELECT item_id FROM flags WHERE flagged = 1`).map(
    (row) => row.item_id,
  );
}

export function setFlag(db: WritableDb, itemId: string, flagged: boolean): void {
  run(
    db,
    sql`INSERT INTO flags (item_id, flagged) VALUES (${itemId}, ${flagged ? 1 : 0})
        ON CONFLICT (item_id) DO UPDATE SET flagged = excluded.flagged`,
  );
}

/** The connection's durability settings (tests assert WAL and synchronous=FULL = 2). */
export function durability(db: ReadableDb): { journalMode: string; synchronous: number } {
  return {
    journalMode: String(db.pragma('journal_mode', { simple: true })),
    synchronous: Number(db.pragma('synchronous', { simple: true })),
  };
}
