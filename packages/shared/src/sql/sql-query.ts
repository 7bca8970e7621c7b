/*
 * Building SQL text (docs/decisions/0850-one-sql-helper.md): a query is made only through the `sql`
 * tagged template, so every value becomes a bound `?` parameter; a nested `SqlQuery` (from `sql`,
 * `sqlId`, `sqlJoin` or `sqlList`) is spliced in with its own parameters. No IO here.
 */

/** A value SQLite binds as a parameter (a Buffer is a Uint8Array). */
export type SqlValue = string | number | bigint | Uint8Array | null;

/** SQL text with `?` placeholders and the values bound to them, in order. */
export class SqlQuery {
  readonly text: string;
  readonly params: readonly SqlValue[];
  constructor(text: string, params: readonly SqlValue[]) {
    this.text = text;
    this.params = params;
  }
}

/** `sql\`SELECT * FROM items WHERE id = ${id}\`` → `SELECT * FROM items WHERE id = ?` and `[id]`. */
export function sql(
  strings: TemplateStringsArray,
  ...values: readonly (SqlValue | SqlQuery)[]
): SqlQuery {
  let text = strings[0] ?? '';
  const params: SqlValue[] = [];
  values.forEach((value, index) => {
    if (value instanceof SqlQuery) {
      text += value.text;
      params.push(...value.params);
    } else {
      text += '?';
      params.push(value);
    }
    text += strings[index + 1] ?? '';
  });
  return new SqlQuery(text, params);
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** A checked identifier (table or column name), quoted; for the rare query that needs one. */
export function sqlId(name: string): SqlQuery {
  if (!IDENTIFIER.test(name)) {
    throw new RangeError(
      `SQL 标识符不合法：${JSON.stringify(name)} (not a safe SQL identifier: ${JSON.stringify(name)})`,
    );
  }
  return new SqlQuery(`"${name}"`, []);
}

/** Joins queries with a separator (`, ` by default, or ` AND `, ` OR `, …). */
export function sqlJoin(queries: readonly SqlQuery[], separator = ', '): SqlQuery {
  return new SqlQuery(
    queries.map((query) => query.text).join(separator),
    queries.flatMap((query) => query.params),
  );
}

/** The inside of `a IN (…)`; needs at least one value, callers handle the empty case themselves. */
export function sqlList(values: readonly SqlValue[]): SqlQuery {
  if (values.length === 0) {
    throw new RangeError('sqlList 至少需要一个值 (sqlList needs at least one value)');
  }
  return new SqlQuery(values.map(() => '?').join(', '), values);
}
