import type { Migration as SharedMigration } from '@skillexam/shared';
import type { WritableDb } from '@skillexam/shared/sql';
import { migrate0010 } from './0010-standards';
import { migrate0020 } from './0020-items';
import { migrate0030 } from './0030-search';
import { migrate0040 } from './0040-papers';
import { migrate0050 } from './0050-unclassified-pool';
import { migrate0060 } from './0060-version-statistics';

/** One numbered schema step of a bank file (run by the shared migration runner). */
export type Migration = SharedMigration<WritableDb>;

/** Every schema step, in order. Never edit a released step; add a new one (steps of 10). */
export const MIGRATIONS: readonly Migration[] = [
  { version: 10, name: 'standards', up: migrate0010 },
  { version: 20, name: 'items', up: migrate0020 },
  { version: 30, name: 'search', up: migrate0030 },
  { version: 40, name: 'papers', up: migrate0040 },
  { version: 50, name: 'unclassified-pool', up: migrate0050 },
  { version: 60, name: 'version-statistics', up: migrate0060 },
];
