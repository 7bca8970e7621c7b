import { execScript, queryOne, sql, type ReadableDb, type WritableDb } from '@skillexam/shared/sql';

/*
 * What server.db holds about the site keys (docs/decisions/0210): whether it already used a set
 * of keys, the private keys an old database still holds, and the scrub after they were cleared.
 */

function tableExists(db: ReadableDb, name: string): boolean {
  return (
    queryOne<{ n: number }>(
      db,
      sql`SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name = ${name}`,
    )?.n === 1
  );
}

/**
 * Whether the database already used a set of site keys: a server_keys row (recorded at every open
 * since 0090, or the old database's own key) or any audit record. Such a database must get its
 * own key files back, never new ones.
 */
export function databaseHasKeyHistory(db: ReadableDb): boolean {
  const hasRow = (table: 'server_keys' | 'audit_log'): boolean =>
    tableExists(db, table) &&
    (table === 'server_keys'
      ? queryOne(db, sql`SELECT 1 AS x FROM server_keys LIMIT 1`)
      : queryOne(db, sql`SELECT 1 AS x FROM audit_log LIMIT 1`)) !== undefined;
  return hasRow('server_keys') || hasRow('audit_log');
}

/** The private key PEM a database written before 0090 kept in `table`, if any. */
export function legacyPrivatePem(
  db: ReadableDb,
  table: 'server_keys' | 'package_key',
): string | undefined {
  if (!tableExists(db, table)) return undefined;
  const query =
    table === 'server_keys'
      ? sql`SELECT private_key_pem FROM server_keys WHERE id = 1`
      : sql`SELECT private_key_pem FROM package_key WHERE id = 1`;
  const pem = queryOne<{ private_key_pem: string }>(db, query)?.private_key_pem;
  return pem === undefined || pem === '' ? undefined : pem;
}

/**
 * After the upgrade that cleared the private-key columns (migration 0090, run with
 * secure_delete on), no old copy of a key may survive in the files: the WAL is checkpointed into
 * server.db and truncated, the database is rebuilt without free pages (VACUUM) and the WAL
 * truncated again. Runs once, outside the migration transaction.
 */
export function scrubFreedPages(db: WritableDb): void {
  const secureDelete = Number(db.pragma('secure_delete', { simple: true }));
  db.pragma('secure_delete = ON');
  try {
    db.pragma('wal_checkpoint(TRUNCATE)');
    execScript(db, 'VACUUM');
    db.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    db.pragma(`secure_delete = ${secureDelete === 0 ? 'OFF' : 'ON'}`);
  }
}
