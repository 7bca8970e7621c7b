import Database from 'better-sqlite3';
import { migrateBank } from './migrate';
import type { WritableDb } from '@skillexam/shared/sql';

export interface OpenDatabaseOptions {
  readonly readonly?: boolean;
  /** Run pending migrations (default true). */
  readonly migrate?: boolean;
}

/**
 * Opens (or creates) a `.qbank` SQLite file: WAL, foreign keys, synchronous=NORMAL (a bank is
 * rebuilt from its sources more easily than a server's answers), busy timeout for the CLI and
 * the desktop host touching the same file. `:memory:` gives a private in-memory bank.
 */
export function openDatabase(path: string, options: OpenDatabaseOptions = {}): WritableDb {
  const raw = new Database(path, { readonly: options.readonly ?? false });
  raw.pragma('busy_timeout = 5000');
  if (path !== ':memory:' && options.readonly !== true) raw.pragma('journal_mode = WAL');
  raw.pragma('foreign_keys = ON');
  raw.pragma('synchronous = NORMAL');
  // 32 MiB page cache: search over a 100k-item bank touches the FTS indexes heavily.
  raw.pragma('cache_size = -32768');
  if (path !== ':memory:') raw.pragma('mmap_size = 268435456');
  const db = raw as WritableDb;
  if (options.migrate ?? true) migrateBank(db);
  return db;
}
