import type { CenterDb } from '../../src/db/center-db';
import { migrate } from '../../src/db/migrate';
import { MIGRATIONS } from '../../src/db/migrations/index';

/* For migration tests: apply the steps up to one version, read back a table's columns. */

export function migrateUpTo(db: CenterDb, version: number) {
  return migrate(
    db,
    MIGRATIONS.filter((m) => m.version <= version),
  );
}

export async function columnsOf(db: CenterDb, table: string): Promise<string[]> {
  const rows = await db.query<{ column_name: string }>(
    `SELECT column_name FROM information_schema.columns
      WHERE table_schema = 'public' AND table_name = $1 ORDER BY ordinal_position`,
    [table],
  );
  return rows.map((r) => r.column_name);
}
