import { CodedError } from '@skillexam/shared';
import type { ItemStore } from '../items/item-store';
import { assetRepository } from './items/asset-repository';
import { currentItemRepository } from './items/current-item-repository';
import { duplicateFlagRepository } from './items/duplicate-flag-repository';
import { itemHistoryRepository } from './items/item-history-repository';
import { itemUsageRepository } from './items/item-usage-repository';
import { itemWriteRepository } from './items/item-write-repository';
import { run, sql, transaction, type WritableDb } from '@skillexam/shared/sql';

/** The item store over a bank's SQLite file, one part per table family (see `./items/`). */
export function createItemRepository(db: WritableDb): ItemStore {
  let paused = false;
  const pause = async () => {
    paused = true;
    try {
      await new Promise<void>((resolve) => setImmediate(resolve));
    } finally {
      paused = false;
    }
  };
  return {
    transaction: (fn) => {
      if (paused) {
        throw new CodedError(
          'CONFLICT',
          '题库正在导入，请等导入结束或取消后再试 (an import is running)',
        );
      }
      return transaction(db, fn);
    },
    // A transaction across awaits (docs/decisions/0943): BEGIN IMMEDIATE … COMMIT by hand.
    transactionAsync: async (fn) => {
      if (db.inTransaction || paused) {
        throw new CodedError('CONFLICT', '题库正在写入，请稍后再试 (the bank is busy)');
      }
      run(db, sql`BEGIN IMMEDIATE`);
      try {
        const result = await fn(pause);
        run(db, sql`COMMIT`);
        return result;
      } catch (error) {
        if (db.inTransaction) run(db, sql`ROLLBACK`);
        throw error;
      }
    },
    ...currentItemRepository(db),
    ...itemWriteRepository(db),
    ...itemHistoryRepository(db),
    ...assetRepository(db),
    ...duplicateFlagRepository(db),
    ...itemUsageRepository(db),
  };
}
