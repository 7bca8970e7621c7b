import { createHash, randomBytes } from 'node:crypto';
import type { ContentKey } from '@skillexam/shared';
import type { WritableDb } from '@skillexam/shared/sql';
import { findSessionContentKey, insertSessionContentKey } from './content-repository';

/** First 16 hex digits of SHA-256(key): the kiosk matches a key to its sealed paper by it. */
export function contentKeyId(key: Uint8Array): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 16);
}

export interface SessionContentKey {
  readonly key: Buffer;
  readonly keyId: string;
}

/**
 * The session's AES-256 content key, created on first use (session creation, or the first
 * sealed paper of a session created before keys existed). Call inside a transaction.
 */
export function sessionContentKey(
  db: WritableDb,
  sessionId: string,
  now: number,
): SessionContentKey {
  const existing = findSessionContentKey(db, sessionId);
  if (existing !== undefined) return { key: existing.key_bytes, keyId: existing.key_id };
  const key = randomBytes(32);
  const keyId = contentKeyId(key);
  insertSessionContentKey(db, sessionId, key, keyId, now);
  return { key, keyId };
}

/** The wire form of a content key (`attempt:content-key`). */
export function toContentKey(key: SessionContentKey): ContentKey {
  return { keyId: key.keyId, key: key.key.toString('base64') };
}
