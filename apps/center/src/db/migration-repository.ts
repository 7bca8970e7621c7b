import type { Queryable } from './center-db';
import type { CenterMigration } from './migration';

/* SQL of the migration runner (./migrate.ts): the record table and the lock that serialises it. */

export interface MigrationRecord {
  readonly version: number;
  readonly name: string;
}

/** Any fixed number shared by every centre process: the key of the migration lock. */
const MIGRATION_LOCK_KEY = 7_301_000;

export async function lockMigrations(tx: Queryable): Promise<void> {
  await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK_KEY]);
}

export async function ensureMigrationTable(tx: Queryable): Promise<void> {
  await tx.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version integer PRIMARY KEY,
    name text NOT NULL,
    applied_at timestamptz NOT NULL DEFAULT now()
  )`);
}

export async function readMigrationRecords(tx: Queryable): Promise<MigrationRecord[]> {
  return tx.query<MigrationRecord>('SELECT version, name FROM schema_migrations ORDER BY version');
}

export async function insertMigrationRecord(
  tx: Queryable,
  migration: CenterMigration,
): Promise<void> {
  await tx.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [
    migration.version,
    migration.name,
  ]);
}
