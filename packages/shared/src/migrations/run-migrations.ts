/*
 * One schema-migration runner for every SQLite file we own (bank, server, kiosk journal).
 * It takes the database through a minimal interface, so this package stays free of IO and of
 * better-sqlite3; better-sqlite3's Database satisfies `MigratableDb` as is.
 */

export interface MigratableDb {
  pragma(source: string, options: { simple: true }): unknown;
  transaction<F extends () => void>(fn: F): () => void;
}

export interface Migration<Db> {
  /** Numbered in steps of 10 (0010, 0020, …) to leave room. */
  readonly version: number;
  readonly name: string;
  readonly up: (db: Db) => void;
}

/** The file was written by a newer program; opening it here could corrupt it. */
export class SchemaFromFutureError extends Error {
  readonly fileVersion: number;
  readonly knownVersion: number;
  constructor(what: string, fileVersion: number, knownVersion: number) {
    super(
      `${what}的版本 ${fileVersion} 高于本程序支持的版本 ${knownVersion}，请升级程序 ` +
        `(schema version ${fileVersion} is newer than this program knows, ${knownVersion})`,
    );
    this.name = 'SchemaFromFutureError';
    this.fileVersion = fileVersion;
    this.knownVersion = knownVersion;
  }
}

export function schemaVersion(db: MigratableDb): number {
  const value = db.pragma('user_version', { simple: true });
  return typeof value === 'number' ? value : 0;
}

/** Throws unless versions are positive integers that strictly increase. */
export function checkMigrationOrder(migrations: readonly Migration<never>[]): void {
  let previous = 0;
  for (const migration of migrations) {
    if (!Number.isInteger(migration.version) || migration.version <= previous) {
      throw new Error(
        `Migration ${migration.version} (${migration.name}) does not come after ${previous}; versions must increase`,
      );
    }
    previous = migration.version;
  }
}

export interface RunMigrationsOptions {
  /** Stop after this version (tests migrate step by step); default: the last. */
  readonly target?: number;
  /** Names the file in the from-the-future error, e.g. '题库文件' or '考试日志'. */
  readonly what?: string;
}

/**
 * Applies every pending migration in ONE transaction and sets `PRAGMA user_version`.
 * Refuses a file from the future. Returns the versions applied.
 */
export function runMigrations<Db extends MigratableDb>(
  db: Db,
  migrations: readonly Migration<Db>[],
  options: RunMigrationsOptions = {},
): number[] {
  checkMigrationOrder(migrations as readonly Migration<never>[]);
  const latest = migrations.at(-1)?.version ?? 0;
  const current = schemaVersion(db);
  if (current > latest) throw new SchemaFromFutureError(options.what ?? '数据库', current, latest);
  const goal = options.target ?? latest;
  const pending = migrations.filter((m) => m.version > current && m.version <= goal);
  const last = pending.at(-1);
  if (last === undefined) return [];
  db.transaction(() => {
    for (const migration of pending) migration.up(db);
    // PRAGMA takes no parameters; the version is a checked integer.
    db.pragma(`user_version = ${String(last.version)}`, { simple: true });
  })();
  return pending.map((m) => m.version);
}
