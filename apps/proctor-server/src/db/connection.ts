import { chmodSync, closeSync, openSync } from 'node:fs';
import Database from 'better-sqlite3';
import type { ReadableDb, WritableDb } from '@skillexam/shared/sql';

/**
 * Creates the database file 0600 before SQLite opens it: SQLite gives the -wal and -shm files
 * the database file's mode, so none of the three is ever readable by other accounts.
 */
function createPrivateDbFile(path: string): void {
  if (path === ':memory:' || process.platform === 'win32') return;
  closeSync(openSync(path, 'a', 0o600));
  chmodSync(path, 0o600);
}

/**
 * Opens the server database with the settings every connection that stores answers or audit
 * events must have (docs/architecture.md#storage-and-migrations): WAL, synchronous=FULL, foreign
 * keys, and a busy timeout so a CLI command and the server can share the file.
 */
export function openWritableDb(path: string): WritableDb {
  createPrivateDbFile(path);
  const db = new Database(path);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
  } catch (error) {
    db.close();
    throw error;
  }
  return db as WritableDb;
}

/** A read-only connection (verification of backups, reports). */
export function openReadonlyDb(path: string): ReadableDb {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  db.pragma('busy_timeout = 5000');
  return db as ReadableDb;
}

export function synchronousLevel(db: ReadableDb): number {
  return Number(db.pragma('synchronous', { simple: true }));
}
