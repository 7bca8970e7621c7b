import { resolve } from 'node:path';
import type { CenterDb } from '../db/center-db';
import { migrate } from '../db/migrate';
import { openCenterDb } from '../db/open-center-db';

/*
 * Which store a command opens: DATABASE_URL when set (a PostgreSQL server), else the embedded
 * store in `--data <dir>` (default CENTER_DATA_DIR, else ./center-data). Every command but
 * `migrate` brings the store up to date first.
 */

export interface StoreFlags {
  readonly data?: string;
}

export function describeStore(flags: StoreFlags): string {
  const url = process.env['DATABASE_URL'];
  if (url !== undefined && url !== '') return 'PostgreSQL (DATABASE_URL)';
  return `PGlite ${dataDirOf(flags)}`;
}

export function dataDirOf(flags: StoreFlags): string {
  return resolve(flags.data ?? process.env['CENTER_DATA_DIR'] ?? 'center-data');
}

export async function openStore(flags: StoreFlags): Promise<CenterDb> {
  const url = process.env['DATABASE_URL'];
  return url !== undefined && url !== ''
    ? openCenterDb({ databaseUrl: url })
    : openCenterDb({ dataDir: dataDirOf(flags) });
}

/** Opens and migrates the store, runs `fn`, closes the store whatever happens. */
export async function withStore<T>(
  flags: StoreFlags,
  fn: (db: CenterDb) => Promise<T>,
): Promise<T> {
  const db = await openStore(flags);
  try {
    await migrate(db);
    return await fn(db);
  } finally {
    await db.close();
  }
}
