import { createHash, randomBytes } from 'node:crypto';
import type { ReadableDb, WritableDb } from '@skillexam/shared/sql';
import { findTokenRow, insertToken, revokeTokenHash, type TokenKind } from './token-repository';

/* Login tokens: random, opaque, only their SHA-256 stored (SQL in token-repository.ts). */

export type { TokenKind } from './token-repository';

export interface TokenSubject {
  readonly kind: TokenKind;
  /** Staff id or attempt id. */
  readonly subject: string;
  readonly expiresAt: number;
  /** The enrolled kiosk a candidate token was issued at (migration 0150). */
  readonly kioskId?: string;
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/**
 * A random opaque token; only its SHA-256 is stored. A candidate token issued at an enrolled
 * kiosk names it (`kioskId`, migration 0150): the kiosk's exit grant finds the candidate by it,
 * and revoking the kiosk revokes the token (docs/decisions/0216, 0218).
 */
export function issueToken(
  db: WritableDb,
  kind: TokenKind,
  subject: string,
  now: number,
  ttlMs: number,
  kioskId?: string,
): { token: string; expiresAt: number } {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = now + ttlMs;
  insertToken(db, {
    hash: hashToken(token),
    kind,
    subject,
    issuedAt: now,
    expiresAt,
    kioskId: kioskId ?? null,
  });
  return { token, expiresAt };
}

/**
 * The subject of a live token; undefined for an unknown, expired or revoked one, or a staff
 * token whose account is disabled even if nobody revoked it (0219).
 */
export function resolveToken(db: ReadableDb, token: string, now: number): TokenSubject | undefined {
  const row = findTokenRow(db, hashToken(token));
  if (row === undefined || row.revoked_at !== null || row.expires_at <= now) return undefined;
  return {
    kind: row.kind,
    subject: row.subject,
    expiresAt: row.expires_at,
    ...(row.kiosk_id === null ? {} : { kioskId: row.kiosk_id }),
  };
}

export function revokeToken(db: WritableDb, token: string, now: number): void {
  revokeTokenHash(db, hashToken(token), now);
}
