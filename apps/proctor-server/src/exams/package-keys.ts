import { keyIdOf, publicKeyFromPem } from '@skillexam/item-bank/exam-package';
import { CodedError } from '@skillexam/shared';
import type { AuditLog } from '../audit/audit-log';
import { siteKeysOf } from '../keys/bound-site-keys';
import { transaction, type WritableDb } from '@skillexam/shared/sql';
import { upsertTrustedSigningKey } from './exam-repository';

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
    upsertTrustedSigningKey(db, keyId, pem, label, now);
    audit.append(db, { actor, action: 'package.trust-key', payload: { keyId, label } }, now);
  });
  return keyId;
}
