import { createPublicKey, type KeyObject } from 'node:crypto';
import { queryOne, run, sql, type ReadableDb, type WritableDb } from '@skillexam/shared/sql';
import type { SiteKeys } from '../keys/site-keys';

/** The audit signing key: since docs/decisions/0210 it lives in `keys/audit-signing.key`. */
export type { Ed25519Key as ServerKey } from '../keys/site-keys';

/**
 * Records the public halves of the site keys in the database for reference (reports, old
 * tools) when missing. Verification never trusts these: it takes the public key from the key
 * files and reports a database that names another key, so this never overwrites one.
 */
export function recordPublicKeys(db: WritableDb, keys: SiteKeys, now: number): void {
  run(
    db,
    sql`INSERT INTO server_keys (id, public_key_pem, private_key_pem, created_at)
        VALUES (1, ${keys.auditSigning.publicKeyPem}, '', ${now}) ON CONFLICT (id) DO NOTHING`,
  );
  run(
    db,
    sql`INSERT INTO package_key (id, public_key_pem, private_key_pem, created_at)
        VALUES (1, ${keys.sitePackage.publicKeyPem}, '', ${now}) ON CONFLICT (id) DO NOTHING`,
  );
}

/** The public key the database claims signed its chain (compared with the key file's). */
export function readServerPublicKey(db: ReadableDb): KeyObject | undefined {
  const row = queryOne<{ public_key_pem: string }>(
    db,
    sql`SELECT public_key_pem FROM server_keys WHERE id = 1`,
  );
  return row === undefined ? undefined : createPublicKey(row.public_key_pem);
}
