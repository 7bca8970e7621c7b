/*
 * The centre's store: PostgreSQL, either embedded (PGlite, the no-configuration default) or a
 * real server (DATABASE_URL, through `pg`). Both speak the same SQL with `$1 … $n` parameters;
 * every repository is written once against this interface and every test runs on both.
 */

export type CenterDbKind = 'pglite' | 'postgres';

export interface Queryable {
  /** One statement with `$n` parameters; the rows it returns. */
  query<T extends object = Record<string, unknown>>(
    text: string,
    params?: readonly unknown[],
  ): Promise<T[]>;
  /** Several statements, no parameters (migrations). */
  exec(text: string): Promise<void>;
}

export interface CenterDb extends Queryable {
  readonly kind: CenterDbKind;
  /**
   * Runs `fn` in one transaction (READ COMMITTED unless a statement locks more): committed when
   * it resolves, rolled back when it throws, so nothing half-written stays.
   */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
