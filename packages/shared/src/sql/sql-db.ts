import type Database from 'better-sqlite3';
import type { SqlQuery } from './sql-query';

/*
 * Running queries on better-sqlite3 (docs/decisions/0850-one-sql-helper.md). `ReadableDb` and
 * `WritableDb` are branded so a read path cannot be handed to a write helper; statements are
 * prepared once per connection and text. Only `*-repository.ts`, `db/` and migrations call these
 * (docs/decisions/0851-sql-only-in-repositories.md).
 */

declare const readableBrand: unique symbol;
declare const writableBrand: unique symbol;

export type ReadableDb = Database.Database & { readonly [readableBrand]: true };
export type WritableDb = ReadableDb & { readonly [writableBrand]: true };

const statementCache = new WeakMap<Database.Database, Map<string, Database.Statement>>();

function prepare(db: ReadableDb, text: string): Database.Statement {
  let cache = statementCache.get(db);
  if (cache === undefined) {
    cache = new Map();
    statementCache.set(db, cache);
  }
  let statement = cache.get(text);
  if (statement === undefined) {
    statement = db.prepare(text);
    cache.set(text, statement);
  }
  return statement;
}

/** All rows; `Row` describes the selected columns (row types stay inside repositories). */
export function queryAll<Row>(db: ReadableDb, query: SqlQuery): Row[] {
  return prepare(db, query.text).all(...query.params) as Row[];
}

/** The first row, or undefined. */
export function queryOne<Row>(db: ReadableDb, query: SqlQuery): Row | undefined {
  return prepare(db, query.text).get(...query.params) as Row | undefined;
}

/** The first column of the first row, e.g. `SELECT count(*) FROM …`; undefined when no row. */
export function queryValue<V>(db: ReadableDb, query: SqlQuery): V | undefined {
  const statement = prepare(db, query.text);
  try {
    const row = statement.raw(true).get(...query.params) as V[] | undefined;
    return row?.[0];
  } finally {
    statement.raw(false);
  }
}

export interface RunResult {
  readonly changes: number;
  readonly lastInsertRowid: number;
}

export function run(db: WritableDb, query: SqlQuery): RunResult {
  const result = prepare(db, query.text).run(...query.params);
  return { changes: result.changes, lastInsertRowid: Number(result.lastInsertRowid) };
}

const beforeCommitHooks = new WeakMap<Database.Database, () => void>();

/**
 * Runs `hook` at the end of every outermost `transaction()` on `db`, inside it, after `fn`: the
 * server's audit log signs a checkpoint for the transaction's last record there (docs/decisions/0211).
 */
export function setBeforeCommitHook(db: WritableDb, hook: () => void): void {
  beforeCommitHooks.set(db, hook);
}

/**
 * Runs `fn` in one transaction: BEGIN IMMEDIATE for the outermost (the write lock is taken up
 * front, so two writers never deadlock upgrading a read lock), a savepoint when nested. A throw
 * rolls back everything `fn` did.
 */
export function transaction<T>(db: WritableDb, fn: () => T): T {
  const hook = db.inTransaction ? undefined : beforeCommitHooks.get(db);
  if (hook === undefined) return db.transaction(fn).immediate();
  return db
    .transaction(() => {
      const result = fn();
      hook();
      return result;
    })
    .immediate();
}

/** Executes a multi-statement script (migrations and schema setup only). */
export function execScript(db: WritableDb, script: string): void {
  db.exec(script);
}
