import { queryOne, sql, type ReadableDb } from '../db/sql';

/** The version the migrations moved keys out of the database (0090). */
export const KEYS_OUT_OF_DB_VERSION = 90;

function tableExists(db: ReadableDb, name: string): boolean {
  return (
    queryOne<{ n: number }>(
      db,
      sql`SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name = ${name}`,
    )?.n === 1
  );
}

/**
 * Whether the database already used a set of site keys (docs/decisions/0210): a server_keys row
 * (recorded at every open since 0090, or the old database's own key) or any audit record. Such a
 * database must get its own key files back, never new ones.
 */
export function databaseHasKeyHistory(db: ReadableDb): boolean {
  const hasRow = (table: 'server_keys' | 'audit_log'): boolean =>
    tableExists(db, table) &&
    (table === 'server_keys'
      ? queryOne(db, sql`SELECT 1 AS x FROM server_keys LIMIT 1`)
      : queryOne(db, sql`SELECT 1 AS x FROM audit_log LIMIT 1`)) !== undefined;
  return hasRow('server_keys') || hasRow('audit_log');
}
