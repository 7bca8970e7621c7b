import { queryOne, run, sql, type ReadableDb, type WritableDb } from '@skillexam/shared/sql';

/* The SQL of site-wide settings (table site_settings, migration 0190; docs/decisions/0991). */

export interface SiteSettingRow {
  readonly value: string;
  readonly updatedAt: number;
  readonly updatedBy: string;
}

export function readSiteSetting(db: ReadableDb, key: string): SiteSettingRow | undefined {
  const row = queryOne<{ value: string; updated_at: number; updated_by: string }>(
    db,
    sql`SELECT value, updated_at, updated_by FROM site_settings WHERE key = ${key}`,
  );
  return row === undefined
    ? undefined
    : { value: row.value, updatedAt: row.updated_at, updatedBy: row.updated_by };
}

export function writeSiteSetting(
  db: WritableDb,
  key: string,
  value: string,
  updatedBy: string,
  now: number,
): void {
  run(
    db,
    sql`INSERT INTO site_settings (key, value, updated_at, updated_by)
        VALUES (${key}, ${value}, ${now}, ${updatedBy})
        ON CONFLICT (key) DO UPDATE SET value = excluded.value,
          updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
  );
}
