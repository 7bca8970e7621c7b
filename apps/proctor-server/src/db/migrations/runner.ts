import { transaction, type ReadableDb, type WritableDb } from '../sql';

export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly up: (db: WritableDb) => void;
}

export class DbVersionFromFutureError extends Error {
  constructor(
    readonly dbVersion: number,
    readonly knownVersion: number,
  ) {
    super(
      `数据库版本 ${dbVersion} 高于本程序支持的版本 ${knownVersion}：请使用更新的 proctor-server (database schema version ${dbVersion} is newer than this server knows, ${knownVersion})`,
    );
    this.name = 'DbVersionFromFutureError';
  }
}

export function schemaVersion(db: ReadableDb): number {
  return Number(db.pragma('user_version', { simple: true }));
}

/** Throws unless versions strictly increase; called on every run so a bad list fails fast. */
export function checkMigrationOrder(migrations: readonly Migration[]): void {
  let previous = 0;
  for (const migration of migrations) {
    if (!Number.isInteger(migration.version) || migration.version <= previous) {
      throw new Error(
        `Migration ${migration.version} (${migration.name}) does not increase after ${previous}`,
      );
    }
    previous = migration.version;
  }
}

/**
 * Applies every pending migration up to `target` in ONE transaction and sets user_version.
 * Refuses a database written by a newer server.
 */
export function runMigrations(
  db: WritableDb,
  migrations: readonly Migration[],
  target = migrations.at(-1)?.version ?? 0,
): number {
  checkMigrationOrder(migrations);
  const current = schemaVersion(db);
  const known = migrations.at(-1)?.version ?? 0;
  if (current > known) throw new DbVersionFromFutureError(current, known);
  const pending = migrations.filter((m) => m.version > current && m.version <= target);
  if (pending.length === 0) return current;
  transaction(db, () => {
    for (const migration of pending) migration.up(db);
    // PRAGMA takes no parameters; the version is a checked integer.
    db.pragma(`user_version = ${String(pending.at(-1)?.version ?? current)}`);
  });
  return schemaVersion(db);
}
