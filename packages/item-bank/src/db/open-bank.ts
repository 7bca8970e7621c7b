import { randomUUID } from 'node:crypto';
import type { ItemStore } from '../items/item-store';
import type { SearchStore } from '../search/search-types';
import type { StandardStore } from '../standards/standard-store';
import type { HealthStore } from '../health/health-store';
import type { StatisticsStore } from '../statistics/statistics-store';
import { openDatabase } from './connection';
import { createHealthRepository } from './health-repository';
import { createItemRepository } from './item-repository';
import { createSearchRepository } from './search-repository';
import { createStandardRepository } from './standard-repository';
import { createVersionStatisticsRepository } from './version-statistics-repository';
import type { WritableDb } from '@skillexam/shared/sql';
import { transaction } from '@skillexam/shared/sql';

/**
 * An open `.qbank` file with its repositories. It satisfies the dependency shapes of the
 * domain services (items, review, import), so callers pass the bank itself:
 * `createItem(bank, input, actor)`, `reviewItem(bank, id, …)`, `importItems(bank, …)`.
 */
export interface Bank {
  readonly path: string;
  readonly db: WritableDb;
  readonly standards: StandardStore;
  readonly items: ItemStore;
  readonly search: SearchStore;
  readonly health: HealthStore;
  /** Measured statistics per item version and administration. */
  readonly statistics: StatisticsStore;
  readonly clock: () => string;
  readonly newId: () => string;
  transaction<T>(fn: () => T): T;
  close(): void;
}

export interface OpenBankOptions {
  readonly clock?: () => string;
  readonly newId?: () => string;
  readonly readonly?: boolean;
}

export function openBank(path: string, options: OpenBankOptions = {}): Bank {
  const db = openDatabase(
    path,
    options.readonly === true ? { readonly: true, migrate: false } : {},
  );
  return {
    path,
    db,
    standards: createStandardRepository(db),
    items: createItemRepository(db),
    search: createSearchRepository(db),
    health: createHealthRepository(db),
    statistics: createVersionStatisticsRepository(db),
    clock: options.clock ?? (() => new Date().toISOString()),
    newId: options.newId ?? (() => randomUUID()),
    transaction: (fn) => transaction(db, fn),
    close: () => db.close(),
  };
}
