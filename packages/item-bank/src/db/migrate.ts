import type { WritableDb } from './sql';
import { MIGRATIONS, type Migration } from './migrations/index';

/** The bank was written by a newer program; opening it here could corrupt it. */
export class DbFromFutureError extends Error {
  readonly fileVersion: number;
  readonly knownVersion: number;
  constructor(fileVersion: number, knownVersion: number) {
    super(
      `题库文件版本 ${fileVersion} 高于本程序支持的版本 ${knownVersion}，请升级程序后再打开 ` +
        `(bank schema version ${fileVersion} is newer than ${knownVersion})`,
    );
    this.name = 'DbFromFutureError';
    this.fileVersion = fileVersion;
    this.knownVersion = knownVersion;
  }
}

export function schemaVersion(db: WritableDb): number {
  const value: unknown = db.pragma('user_version', { simple: true });
  return typeof value === 'number' ? value : 0;
}

/** Throws unless versions strictly increase (a guard against a mis-ordered list). */
export function checkMigrationOrder(migrations: readonly Migration[]): void {
  migrations.reduce((previous, migration) => {
    if (migration.version <= previous) {
      throw new Error(
        `Migration ${migration.version} (${migration.name}) is not after ${previous}; versions must increase`,
      );
    }
    return migration.version;
  }, 0);
}

/**
 * Applies every pending migration up to `target` (default: the last) in ONE transaction and
 * sets `PRAGMA user_version`. Refuses a database from the future. Returns the applied versions.
 */
export function migrateBank(
  db: WritableDb,
  migrations: readonly Migration[] = MIGRATIONS,
  target?: number,
): number[] {
  checkMigrationOrder(migrations);
  const latest = migrations.at(-1)?.version ?? 0;
  const current = schemaVersion(db);
  if (current > latest) throw new DbFromFutureError(current, latest);
  const goal = target ?? latest;
  const pending = migrations.filter((m) => m.version > current && m.version <= goal);
  if (pending.length === 0) return [];
  db.transaction(() => {
    for (const migration of pending) migration.up(db);
    db.pragma(`user_version = ${String(Math.trunc(pending.at(-1)?.version ?? current))}`);
  })();
  return pending.map((m) => m.version);
}
