import { execScript, type WritableDb } from '../db/sql';

/**
 * After the upgrade that cleared the private-key columns (migration 0090, run with
 * secure_delete on), no old copy of a key may survive in the files: the WAL is checkpointed into
 * server.db and truncated, the database is rebuilt without free pages (VACUUM) and the WAL
 * truncated again. Runs once, outside the migration transaction (docs/decisions/0210).
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
