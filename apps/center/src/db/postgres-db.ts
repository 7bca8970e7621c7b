import pg from 'pg';
import type { CenterDb, Queryable } from './center-db';
import { endedTransactionError, TransactionGuard } from './nesting-guard';
import { VALUE_PARSERS } from './value-types';

/*
 * A real PostgreSQL server through a `pg` pool (DATABASE_URL). Each transaction holds one pooled
 * client from BEGIN to COMMIT/ROLLBACK and always gives it back; a client whose ROLLBACK failed
 * is destroyed rather than reused. The value parsers are the pool's own (not pg's global ones).
 */

export interface PostgresOptions {
  readonly databaseUrl: string;
  /** Pool size; 10 by default. */
  readonly maxConnections?: number;
}

const types = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    const parser = VALUE_PARSERS[oid];
    if (parser !== undefined && format !== 'binary') return parser;
    return format === undefined ? pg.types.getTypeParser(oid) : pg.types.getTypeParser(oid, format);
  },
} as pg.CustomTypesConfig;

export function openPostgresDb(options: PostgresOptions): CenterDb & { pool: pg.Pool } {
  const pool = new pg.Pool({
    connectionString: options.databaseUrl,
    max: options.maxConnections ?? 10,
    types,
  });
  // An idle client losing its connection must not crash the process; the next query reconnects.
  pool.on('error', () => undefined);
  const guard = new TransactionGuard();
  let closed = false;
  return {
    kind: 'postgres',
    pool,
    async query<T extends object>(text: string, params: readonly unknown[] = []) {
      guard.refuseNested('query');
      const result = await pool.query<T>(text, [...params]);
      return result.rows;
    },
    async exec(text: string) {
      guard.refuseNested('exec');
      await pool.query(text);
    },
    async transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
      guard.refuseNested('transaction');
      const client = await pool.connect();
      let open = true;
      const tx: Queryable = {
        async query<R extends object>(text: string, params: readonly unknown[] = []) {
          if (!open) throw endedTransactionError();
          const result = await client.query<R>(text, [...params]);
          return result.rows;
        },
        async exec(text: string) {
          if (!open) throw endedTransactionError();
          await client.query(text);
        },
      };
      let broken: Error | undefined;
      try {
        await client.query('BEGIN');
        const result = await guard.run(() => fn(tx));
        open = false;
        await client.query('COMMIT');
        return result;
      } catch (error) {
        open = false;
        try {
          await client.query('ROLLBACK');
        } catch (rollbackError) {
          broken =
            rollbackError instanceof Error ? rollbackError : new Error(String(rollbackError));
        }
        throw error;
      } finally {
        client.release(broken);
      }
    },
    async close() {
      if (closed) return;
      closed = true;
      await pool.end();
    },
  };
}
