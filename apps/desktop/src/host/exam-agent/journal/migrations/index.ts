import type { Migration } from '@skillexam/shared';
import type { WritableDb } from '@skillexam/shared/sql';
import { migrate0010 } from './0010-journal';
import { migrate0020 } from './0020-sealed-paper';
import { migrate0030 } from './0030-saved-login';

/**
 * journal.db, one file per exam attempt on the kiosk (docs/architecture.md#storage-and-migrations),
 * run by the shared migration runner: `PRAGMA user_version` is the last step applied. Never edit
 * a released step; add a new one (steps of 10).
 */
export const JOURNAL_MIGRATIONS: readonly Migration<WritableDb>[] = [
  { version: 10, name: 'journal', up: migrate0010 },
  { version: 20, name: 'sealed-paper', up: migrate0020 },
  { version: 30, name: 'saved-login', up: migrate0030 },
];
