import { AsyncLocalStorage } from 'node:async_hooks';

/*
 * Nested use of a store is refused, not deadlocked: inside `db.transaction(fn)` all work goes
 * through `fn`'s `tx`. A call on the store itself from inside (a `db.query` or a second
 * `db.transaction`) would wait for the transaction that waits for it on PGlite (one connection),
 * and on `pg` would run outside the transaction; both stores throw instead.
 */

export class NestedStoreUseError extends Error {
  constructor(what: string) {
    super(
      `${what} called on the store inside one of its transactions: use the transaction's tx (嵌套使用数据库)`,
    );
    this.name = 'NestedStoreUseError';
  }
}

export class TransactionGuard {
  readonly #inside = new AsyncLocalStorage<true>();

  /** Throws when the caller runs inside a transaction of this store. */
  refuseNested(what: string): void {
    if (this.#inside.getStore() === true) throw new NestedStoreUseError(what);
  }

  run<T>(fn: () => Promise<T>): Promise<T> {
    return this.#inside.run(true, fn);
  }
}

/** A transaction's handle refuses work once its transaction has ended. */
export function endedTransactionError(): Error {
  return new Error('transaction already ended: its tx can no longer be used (事务已结束)');
}
