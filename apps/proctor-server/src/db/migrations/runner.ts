import {
  checkMigrationOrder,
  runMigrations as runSharedMigrations,
  schemaVersion as fileSchemaVersion,
  SchemaFromFutureError,
  type Migration as SharedMigration,
} from '@skillexam/shared';
import type { ReadableDb, WritableDb } from '@skillexam/shared/sql';

/*
 * server.db migrations run through the one shared runner (packages/shared/src/migrations):
 * pending steps in ONE transaction, PRAGMA user_version, a database from the future refused.
 */

export type Migration = SharedMigration<WritableDb>;

/** server.db was written by a newer proctor-server. */
export { SchemaFromFutureError as DbVersionFromFutureError, checkMigrationOrder };

export function schemaVersion(db: ReadableDb): number {
  return fileSchemaVersion(db);
}

/** Applies every pending migration up to `target`; returns the schema version afterwards. */
export function runMigrations(
  db: WritableDb,
  migrations: readonly Migration[],
  target?: number,
): number {
  runSharedMigrations(db, migrations, {
    what: '考点数据库 server.db',
    ...(target === undefined ? {} : { target }),
  });
  return fileSchemaVersion(db);
}
