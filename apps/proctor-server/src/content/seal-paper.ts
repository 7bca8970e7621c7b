import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import {
  SealedPaperPlaintextSchema,
  sealedPaperAad,
  type SealedPaper,
  type SealedPaperPlaintext,
} from '@skillexam/shared';
import type { SessionContentKey } from './content-key';

/**
 * AES-256-GCM over the UTF-8 JSON of the candidate's paper and images, with a fresh 12-byte IV
 * per seal and AAD = `${paperId}|${attemptId}`, so a sealed paper opens only for its attempt.
 */
export function sealPaper(
  plaintext: SealedPaperPlaintext,
  attemptId: string,
  key: SessionContentKey,
): SealedPaper {
  const paperId = plaintext.paper.paperId;
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key.key, iv);
  cipher.setAAD(Buffer.from(sealedPaperAad(paperId, attemptId), 'utf8'));
  const ciphertext = Buffer.concat([
    cipher.update(JSON.stringify(plaintext), 'utf8'),
    cipher.final(),
  ]);
  return {
    paperId,
    keyId: key.keyId,
    algorithm: 'aes-256-gcm',
    iv: iv.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
    ciphertext: ciphertext.toString('base64'),
  };
}

/**
 * The inverse, for tests and tools (the kiosk host has its own): throws when the key, the
 * attempt or any byte is wrong (GCM tag check).
 */
export function openSealedPaper(
  sealed: SealedPaper,
  attemptId: string,
  key: Uint8Array,
): SealedPaperPlaintext {
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(sealed.iv, 'base64'));
  decipher.setAAD(Buffer.from(sealedPaperAad(sealed.paperId, attemptId), 'utf8'));
  decipher.setAuthTag(Buffer.from(sealed.tag, 'base64'));
  const text = Buffer.concat([
    decipher.update(Buffer.from(sealed.ciphertext, 'base64')),
    decipher.final(),
  ]).toString('utf8');
  return SealedPaperPlaintextSchema.parse(JSON.parse(text));
}
