import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type KeyObject,
} from 'node:crypto';

/*
 * Keys are exchanged as PEM text (SPKI for public keys, PKCS#8 for private keys): PEM pastes
 * into a config file, a CLI flag or a database column without further encoding. A key id is
 * the first 16 hex digits of the SHA-256 of the public key's SPKI DER.
 */

export interface PemKeyPair {
  readonly keyId: string;
  readonly publicKeyPem: string;
  readonly privateKeyPem: string;
}

/** A public key the caller trusts, e.g. the bank's signing key configured on a site server. */
export interface TrustedKey {
  readonly keyId: string;
  readonly publicKeyPem: string;
}

export function keyIdOf(publicKey: KeyObject): string {
  const der = publicKey.export({ type: 'spki', format: 'der' });
  return createHash('sha256').update(der).digest('hex').slice(0, 16);
}

function toPemPair(pair: { publicKey: KeyObject; privateKey: KeyObject }): PemKeyPair {
  return {
    keyId: keyIdOf(pair.publicKey),
    publicKeyPem: pair.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    privateKeyPem: pair.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
  };
}

/** The bank's signing key pair (Ed25519). */
export function generateSigningKeyPair(): PemKeyPair {
  return toPemPair(generateKeyPairSync('ed25519'));
}

/** A site server's key pair (X25519): packages are encrypted to its public key. */
export function generateServerKeyPair(): PemKeyPair {
  return toPemPair(generateKeyPairSync('x25519'));
}

/** Parses a PEM public key and checks its type; throws a TypeError naming what was expected. */
export function publicKeyFromPem(pem: string, type: 'ed25519' | 'x25519'): KeyObject {
  const key = createPublicKey(pem);
  if (key.asymmetricKeyType !== type) {
    throw new TypeError(`Expected an ${type} public key, got ${String(key.asymmetricKeyType)}`);
  }
  return key;
}

/** Parses a PEM private key and checks its type; throws a TypeError naming what was expected. */
export function privateKeyFromPem(pem: string, type: 'ed25519' | 'x25519'): KeyObject {
  const key = createPrivateKey(pem);
  if (key.asymmetricKeyType !== type) {
    throw new TypeError(`Expected an ${type} private key, got ${String(key.asymmetricKeyType)}`);
  }
  return key;
}
