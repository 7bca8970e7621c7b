import { createPublicKey } from 'node:crypto';
import { keyIdOf } from '@skillexam/item-bank/exam-package';
import { InvalidInputError } from '@skillexam/shared';

/*
 * A site's audit signing key as enrolled: the `keys/audit-signing.pub` PEM the site's proctor
 * server writes (Ed25519, SPKI). Its key id — first 16 hex of SHA-256 of the SPKI DER — is what
 * results packages name as their signer.
 */

export interface SiteKey {
  readonly keyId: string;
  /** Re-exported SPKI PEM (normalised line breaks). */
  readonly publicKeyPem: string;
}

export function parseSiteKey(pem: string): SiteKey {
  let key;
  try {
    key = createPublicKey(pem);
  } catch {
    throw new InvalidInputError(
      '考点公钥不是有效的 PEM 公钥 (site public key is not a PEM public key: keys/audit-signing.pub)',
    );
  }
  if (key.asymmetricKeyType !== 'ed25519')
    throw new InvalidInputError(
      `考点公钥应为 Ed25519，实为 ${key.asymmetricKeyType ?? '?'} (site key must be Ed25519)`,
    );
  return {
    keyId: keyIdOf(key),
    publicKeyPem: key.export({ type: 'spki', format: 'pem' }).toString(),
  };
}
