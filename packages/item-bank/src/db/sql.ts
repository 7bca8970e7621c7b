import type Database from 'better-sqlite3';

/*
 * A small typed SQL layer (docs/architecture.md#storage-and-migrations): queries are built only
 * through the `sql` tagged template, so every value is a bound parameter; identifiers go through
 * `sqlId`. `ReadableDb` / `WritableDb` are branded so a read path cannot be handed to a write
 * helper.
 */

declare const readableBrand: unique symbol;
declare const writableBrand: unique symbol;

export type ReadableDb = Database.Database & { readonly [readableBrand]: true };
export type WritableDb = ReadableDb & { readonly [writableBrand]: true };

export type SqlValue = string | number | bigint | Uint8Array | null;

export class SqlFragment {
  readonly query: string;
  readonly params: readonly SqlValue[];
  constructor(query: string, params: readonly SqlValue[]) {
    this.query = query;
    this.params = params;
  }
}

/** `sql\`SELECT * FROM items WHERE id = ${id}\`` → a query with `?` and its parameters. */
export function sql(strings: TemplateStringsArray, ...values: (SqlValue | SqlFragment)[]) {
  let query = strings[0] ?? '';
  const params: SqlValue[] = [];
  values.forEach((value, index) => {
    if (value instanceof SqlFragment) {
      query += value.query;
      params.push(...value.params);
    } else {
      query += '?';
      params.push(value);
    }
    query += strings[index + 1] ?? '';
  });
  return new SqlFragment(query, params);
}

/** Joins fragments with a separator (`, ` or ` AND `). */
export function sqlJoin(fragments: readonly SqlFragment[], separator = ', '): SqlFragment {
  return new SqlFragment(
    fragments.map((fragment) => fragment.query).join(separator),
    fragments.flatMap((fragment) => fragment.params),
  );
}

/** A checked identifier (table or column name) for the rare query that needs one. */
export function sqlId(name: string): SqlFragment {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) {
    throw new RangeError(`Not a safe SQL identifier: ${name}`);
  }
  return new SqlFragment(`"${name}"`, []);
}

/** `a IN (…)` needs at least one value; callers handle the empty case themselves. */
export function sqlList(values: readonly SqlValue[]): SqlFragment {
  if (values.length === 0) throw new RangeError('sqlList needs at least one value');
  return new SqlFragment(values.map(() => '?').join(', '), values);
}

const statementCache = new WeakMap<Database.Database, Map<string, Database.Statement>>();

function prepare(db: ReadableDb, query: string): Database.Statement {
  let cache = statementCache.get(db);
  if (cache === undefined) {
    cache = new Map();
    statementCache.set(db, cache);
  }
  let statement = cache.get(query);
  if (statement === undefined) {
    statement = db.prepare(query);
    cache.set(query, statement);
  }
  return statement;
}

/** All rows; `Row` is the caller's description of the selected columns (kept private to db/). */
export function all<Row>(db: ReadableDb, fragment: SqlFragment): Row[] {
  return prepare(db, fragment.query).all(...fragment.params) as Row[];
}

export function get<Row>(db: ReadableDb, fragment: SqlFragment): Row | undefined {
  return prepare(db, fragment.query).get(...fragment.params) as Row | undefined;
}

/** Single-value query, e.g. `SELECT count(*) FROM …`. */
export function pluck<Value>(db: ReadableDb, fragment: SqlFragment): Value | undefined {
  const row = prepare(db, fragment.query)
    .raw(true)
    .get(...fragment.params) as Value[] | undefined;
  prepare(db, fragment.query).raw(false);
  return row?.[0];
}

export function run(db: WritableDb, fragment: SqlFragment): Database.RunResult {
  return prepare(db, fragment.query).run(...fragment.params);
}

/** Runs `fn` in one transaction (nested calls become savepoints). */
export function transaction<T>(db: WritableDb, fn: () => T): T {
  return db.transaction(fn)();
}
