import { PGlite, type Transaction } from '@electric-sql/pglite';
import type { CenterDb, Queryable } from './center-db';
import { endedTransactionError, TransactionGuard } from './nesting-guard';
import { VALUE_PARSERS } from './value-types';

/*
 * The embedded store: PostgreSQL compiled to WebAssembly, one connection, in memory or in a
 * folder on disk. Transactions run one at a time (PGlite queues them); a statement outside a
 * transaction waits for the running one.
 */

export interface PgliteOptions {
  /** The PGlite data folder; omitted: in memory. */
  readonly dataDir?: string;
  /** A data folder dump (`dumpDataDir`) to start from: the tests' migrated template. */
  readonly loadDataDir?: Blob;
}

function txQueryable(tx: Transaction, isOpen: () => boolean): Queryable {
  return {
    async query<T extends object>(text: string, params: readonly unknown[] = []) {
      if (!isOpen()) throw endedTransactionError();
      const result = await tx.query<T>(text, [...params]);
      return result.rows;
    },
    async exec(text: string) {
      if (!isOpen()) throw endedTransactionError();
      await tx.exec(text);
    },
  };
}

export async function openPgliteDb(
  options: PgliteOptions = {},
): Promise<CenterDb & { pglite: PGlite }> {
  const pglite = await PGlite.create({
    ...(options.dataDir === undefined ? {} : { dataDir: options.dataDir }),
    ...(options.loadDataDir === undefined ? {} : { loadDataDir: options.loadDataDir }),
    parsers: VALUE_PARSERS,
  });
  const guard = new TransactionGuard();
  return {
    kind: 'pglite',
    pglite,
    async query<T extends object>(text: string, params: readonly unknown[] = []) {
      guard.refuseNested('query');
      const result = await pglite.query<T>(text, [...params]);
      return result.rows;
    },
    async exec(text: string) {
      guard.refuseNested('exec');
      await pglite.exec(text);
    },
    transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
      guard.refuseNested('transaction');
      return pglite.transaction(async (tx) => {
        let open = true;
        try {
          return await guard.run(() => fn(txQueryable(tx, () => open)));
        } finally {
          open = false;
        }
      });
    },
    async close() {
      if (!pglite.closed) await pglite.close();
    },
  };
}
