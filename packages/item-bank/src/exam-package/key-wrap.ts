import {
  createPublicKey,
  diffieHellman,
  generateKeyPairSync,
  hkdfSync,
  type KeyObject,
} from 'node:crypto';
import { z } from 'zod';
import { openAesGcm, sealAesGcm } from './aes-gcm';
import { ExamPackageError } from './exam-package-error';

/*
 * ECIES key wrapping for a site server (node:crypto only):
 *   ephemeral X25519 key pair → shared secret with the server's X25519 public key
 *   → HKDF-SHA256(secret, salt = ephemeral public ‖ server public (raw 32 bytes each),
 *                 info = `skillexam/exampkg/1/wrap/<purpose>`) → 32-byte wrapping key
 *   → AES-256-GCM over the 32-byte package key (AAD = the same info string).
 * A fresh ephemeral key per wrapped key.
 */

const RAW_X25519_SPKI_PREFIX = Buffer.from('302a300506032b656e032100', 'hex');

export const WrappedKeySchema = z.strictObject({
  /** Ephemeral X25519 public key, raw 32 bytes, base64. */
  ephemeralPublicKey: z.base64(),
  /** AES-256-GCM sealed box (IV ‖ ciphertext ‖ tag), base64. */
  sealed: z.base64(),
});
export type WrappedKey = z.infer<typeof WrappedKeySchema>;

function rawX25519(publicKey: KeyObject): Buffer {
  const der = publicKey.export({ type: 'spki', format: 'der' });
  return der.subarray(der.length - 32);
}

function fromRawX25519(raw: Buffer): KeyObject {
  return createPublicKey({
    key: Buffer.concat([RAW_X25519_SPKI_PREFIX, raw]),
    format: 'der',
    type: 'spki',
  });
}

function wrappingKey(
  secret: Buffer,
  ephemeral: Buffer,
  recipient: Buffer,
  info: string,
): Uint8Array {
  const salt = Buffer.concat([ephemeral, recipient]);
  return new Uint8Array(hkdfSync('sha256', secret, salt, info, 32));
}

export function wrapKey(key: Uint8Array, recipient: KeyObject, purpose: string): WrappedKey {
  const info = `skillexam/exampkg/1/wrap/${purpose}`;
  const ephemeral = generateKeyPairSync('x25519');
  const secret = diffieHellman({ privateKey: ephemeral.privateKey, publicKey: recipient });
  const ephemeralRaw = rawX25519(ephemeral.publicKey);
  const kek = wrappingKey(secret, ephemeralRaw, rawX25519(recipient), info);
  return {
    ephemeralPublicKey: ephemeralRaw.toString('base64'),
    sealed: Buffer.from(sealAesGcm(kek, key, info)).toString('base64'),
  };
}

/** Unwraps with the server's private key; DECRYPT_FAILED (part keyring.json) on any failure. */
export function unwrapKey(
  wrapped: WrappedKey,
  serverPrivateKey: KeyObject,
  purpose: string,
): Uint8Array {
  const info = `skillexam/exampkg/1/wrap/${purpose}`;
  const ephemeralRaw = Buffer.from(wrapped.ephemeralPublicKey, 'base64');
  if (ephemeralRaw.length !== 32) {
    throw new ExamPackageError(
      'PART_MALFORMED',
      `临时公钥长度错误 (${purpose}: ephemeral key is not 32 bytes)`,
      'keyring.json',
    );
  }
  let secret: Buffer;
  try {
    secret = diffieHellman({
      privateKey: serverPrivateKey,
      publicKey: fromRawX25519(ephemeralRaw),
    });
  } catch {
    throw new ExamPackageError(
      'DECRYPT_FAILED',
      `密钥协商失败 (${purpose}: X25519 failed)`,
      'keyring.json',
    );
  }
  const recipientRaw = rawX25519(createPublicKey(serverPrivateKey));
  const kek = wrappingKey(secret, ephemeralRaw, recipientRaw, info);
  const key = openAesGcm(kek, Buffer.from(wrapped.sealed, 'base64'), info, 'keyring.json');
  if (key.length !== 32) {
    throw new ExamPackageError(
      'CONTENT_INVALID',
      `解出的密钥长度错误 (${purpose})`,
      'keyring.json',
    );
  }
  return key;
}
