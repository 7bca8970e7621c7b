import type Database from 'better-sqlite3';

/*
 * A small typed layer over better-sqlite3 (docs/architecture.md#storage-and-migrations): queries
 * are built only with the `sql` tagged template (values become `?` parameters, identifiers go
 * through `sqlId`), and the branded ReadableDb/WritableDb types keep read paths from writing.
 */

declare const readableBrand: unique symbol;
declare const writableBrand: unique symbol;

export type ReadableDb = Database.Database & { readonly [readableBrand]: true };
export type WritableDb = ReadableDb & { readonly [writableBrand]: true };

export type SqlValue = string | number | bigint | Buffer | null;

export interface SqlQuery {
  readonly text: string;
  readonly params: readonly SqlValue[];
}

/** An identifier checked against a strict pattern; interpolated as is, never as a parameter. */
export class SqlIdentifier {
  constructor(readonly name: string) {}
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

export function sqlId(name: string): SqlIdentifier {
  if (!IDENTIFIER.test(name)) throw new Error(`Not a safe SQL identifier: ${JSON.stringify(name)}`);
  return new SqlIdentifier(name);
}

export function sql(
  strings: TemplateStringsArray,
  ...values: readonly (SqlValue | SqlIdentifier)[]
): SqlQuery {
  let text = strings[0] ?? '';
  const params: SqlValue[] = [];
  values.forEach((value, index) => {
    if (value instanceof SqlIdentifier) text += `"${value.name}"`;
    else {
      text += '?';
      params.push(value);
    }
    text += strings[index + 1] ?? '';
  });
  return { text, params };
}

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

export function queryOne<Row>(db: ReadableDb, query: SqlQuery): Row | undefined {
  return prepare(db, query.text).get(...query.params) as Row | undefined;
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
 * audit log signs a checkpoint for the transaction's last record there (docs/decisions/0211).
 */
export function setBeforeCommitHook(db: WritableDb, hook: () => void): void {
  beforeCommitHooks.set(db, hook);
}

/** Runs `fn` in one IMMEDIATE transaction; everything in it commits together or not at all. */
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

/** Executes a multi-statement script (migrations only). */
export function execScript(db: WritableDb, script: string): void {
  db.exec(script);
}
