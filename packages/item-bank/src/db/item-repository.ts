import type { ItemStore } from '../items/item-store';
import { assetRepository } from './items/asset-repository';
import { currentItemRepository } from './items/current-item-repository';
import { duplicateFlagRepository } from './items/duplicate-flag-repository';
import { itemHistoryRepository } from './items/item-history-repository';
import { itemUsageRepository } from './items/item-usage-repository';
import { itemWriteRepository } from './items/item-write-repository';
import { transaction, type WritableDb } from '@skillexam/shared/sql';

/** The item store over a bank's SQLite file, one part per table family (see `./items/`). */
export function createItemRepository(db: WritableDb): ItemStore {
  return {
    transaction: (fn) => transaction(db, fn),
    ...currentItemRepository(db),
    ...itemWriteRepository(db),
    ...itemHistoryRepository(db),
    ...assetRepository(db),
    ...duplicateFlagRepository(db),
    ...itemUsageRepository(db),
  };
}
