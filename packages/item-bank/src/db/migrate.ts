import {
  checkMigrationOrder,
  runMigrations,
  schemaVersion as fileSchemaVersion,
  SchemaFromFutureError,
} from '@skillexam/shared';
import type { WritableDb } from '@skillexam/shared/sql';
import { MIGRATIONS, type Migration } from './migrations/index';

/*
 * The bank's migrations run through the one shared runner (packages/shared/src/migrations):
 * pending steps in one transaction, PRAGMA user_version, a file from the future refused.
 */

/** The bank was written by a newer program; opening it here could corrupt it. */
export { SchemaFromFutureError as DbFromFutureError, checkMigrationOrder };

export function schemaVersion(db: WritableDb): number {
  return fileSchemaVersion(db);
}

/** Applies every pending migration up to `target` (default: the last); returns their versions. */
export function migrateBank(
  db: WritableDb,
  migrations: readonly Migration[] = MIGRATIONS,
  target?: number,
): number[] {
  return runMigrations(db, migrations, {
    what: '题库文件',
    ...(target === undefined ? {} : { target }),
  });
}
