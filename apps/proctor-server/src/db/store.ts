import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { createAuditLog, type AuditLog } from '../audit/audit-log';
import { loadOrCreateServerKey, type ServerKey } from '../audit/server-key';
import { openWritableDb } from './connection';
import { MIGRATIONS } from './migrations/index';
import { runMigrations } from './migrations/runner';
import type { WritableDb } from './sql';

export const DB_FILE_NAME = 'server.db';

export interface Store {
  readonly db: WritableDb;
  readonly audit: AuditLog;
  readonly serverKey: ServerKey;
  close(): void;
}

export interface StoreOptions {
  readonly now?: () => number;
  readonly checkpointEvery?: number;
}

/** Opens (or creates) `server.db` in a data directory, migrated and ready, or `:memory:`. */
export function openStore(dataDirOrMemory: string, options: StoreOptions = {}): Store {
  const now = options.now ?? Date.now;
  let path = ':memory:';
  if (dataDirOrMemory !== ':memory:') {
    mkdirSync(dataDirOrMemory, { recursive: true });
    path = join(dataDirOrMemory, DB_FILE_NAME);
  }
  const db = openWritableDb(path);
  try {
    runMigrations(db, MIGRATIONS);
    const serverKey = loadOrCreateServerKey(db, now());
    return {
      db,
      serverKey,
      audit: createAuditLog(serverKey, options.checkpointEvery),
      close: () => db.close(),
    };
  } catch (error) {
    db.close();
    throw error;
  }
}
