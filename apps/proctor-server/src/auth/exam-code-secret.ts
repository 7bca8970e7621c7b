import { createHash } from 'node:crypto';
import { queryOne, sql, type ReadableDb } from '../db/sql';

const cache = new WeakMap<ReadableDb, Uint8Array>();

/**
 * The key that exam codes are HMAC'd with (docs/decisions/0253): derived from the server's
 * private key, so it lives and travels (backups) with the database and needs no extra secret.
 */
export function examCodeSecret(db: ReadableDb): Uint8Array {
  const cached = cache.get(db);
  if (cached !== undefined) return cached;
  const row = queryOne<{ private_key_pem: string }>(
    db,
    sql`SELECT private_key_pem FROM server_keys WHERE id = 1`,
  );
  if (row === undefined)
    throw new Error('server key missing: open the database with openStore first');
  const secret = createHash('sha256')
    .update('skillexam/exam-code-secret/v1\u0000')
    .update(row.private_key_pem)
    .digest();
  cache.set(db, secret);
  return secret;
}
