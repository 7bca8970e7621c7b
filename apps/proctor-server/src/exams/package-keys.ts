import { keyIdOf, publicKeyFromPem } from '@skillexam/item-bank/exam-package';
import { CodedError } from '@skillexam/shared';
import type { AuditLog } from '../audit/audit-log';
import { siteKeysOf } from '../keys/bound-site-keys';
import { queryAll, run, sql, transaction, type ReadableDb, type WritableDb } from '../db/sql';

/**
 * This site's X25519 key pair: exam packages are encrypted to its public key. It lives in the
 * key file `keys/site-x25519.key` of the data directory, not in the database (docs/decisions/0210).
 */
export function sitePackageKey(
  db: WritableDb,
  _now: number,
): { publicKeyPem: string; privateKeyPem: string; keyId: string } {
  return siteKeysOf(db).sitePackage;
}

/** Trusts an Ed25519 signing key (SPKI PEM) of a certifying centre or bank for package signatures. */
export function trustSigningKey(
  db: WritableDb,
  audit: AuditLog,
  pem: string,
  label: string,
  actor: string,
  now: number,
): string {
  let keyId: string;
  try {
    keyId = keyIdOf(publicKeyFromPem(pem, 'ed25519'));
  } catch {
    throw new CodedError(
      'BAD_REQUEST',
      '不是有效的 Ed25519 公钥 PEM (not an Ed25519 SPKI public key)',
    );
  }
  transaction(db, () => {
    run(
      db,
      sql`INSERT INTO trusted_signing_keys (key_id, public_key_pem, label, added_at) VALUES (${keyId}, ${pem}, ${label}, ${now})
          ON CONFLICT (key_id) DO UPDATE SET label = excluded.label`,
    );
    audit.append(db, { actor, action: 'package.trust-key', payload: { keyId, label } }, now);
  });
  return keyId;
}

export function trustedSigningKeys(db: ReadableDb): string[] {
  return queryAll<{ public_key_pem: string }>(
    db,
    sql`SELECT public_key_pem FROM trusted_signing_keys ORDER BY key_id`,
  ).map((r) => r.public_key_pem);
}
