import { createHash, randomBytes } from 'node:crypto';
import { queryAll, queryOne, run, sql, type ReadableDb, type WritableDb } from '../db/sql';

export type TokenKind = 'staff' | 'candidate';

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
  run(
    db,
    sql`INSERT INTO auth_tokens (token_hash, kind, subject, issued_at, expires_at, kiosk_id)
        VALUES (${hashToken(token)}, ${kind}, ${subject}, ${now}, ${expiresAt}, ${kioskId ?? null})`,
  );
  return { token, expiresAt };
}

/**
 * The subject of a live token; undefined for an unknown, expired or revoked one, or a staff
 * token whose account is disabled even if nobody revoked it (0219).
 */
export function resolveToken(db: ReadableDb, token: string, now: number): TokenSubject | undefined {
  const row = queryOne<{
    kind: TokenKind;
    subject: string;
    expires_at: number;
    revoked_at: number | null;
    kiosk_id: string | null;
  }>(
    db,
    sql`SELECT kind, subject, expires_at, revoked_at, kiosk_id FROM auth_tokens t
        WHERE token_hash = ${hashToken(token)}
          AND (t.kind <> 'staff' OR NOT EXISTS (SELECT 1 FROM staff s
                 WHERE s.id = CAST(t.subject AS INTEGER) AND s.disabled_at IS NOT NULL))`,
  );
  if (row === undefined || row.revoked_at !== null || row.expires_at <= now) return undefined;
  return {
    kind: row.kind,
    subject: row.subject,
    expiresAt: row.expires_at,
    ...(row.kiosk_id === null ? {} : { kioskId: row.kiosk_id }),
  };
}

export function revokeToken(db: WritableDb, token: string, now: number): void {
  run(
    db,
    sql`UPDATE auth_tokens SET revoked_at = ${now} WHERE token_hash = ${hashToken(token)} AND revoked_at IS NULL`,
  );
}

/** Revokes every live token of a subject (a new login, a move to another PC, a finished attempt). */
export function revokeSubjectTokens(
  db: WritableDb,
  kind: TokenKind,
  subject: string,
  now: number,
): number {
  return run(
    db,
    sql`UPDATE auth_tokens SET revoked_at = ${now}
        WHERE kind = ${kind} AND subject = ${subject} AND revoked_at IS NULL`,
  ).changes;
}

/** The attempts with a live candidate token issued at this kiosk, newest login first. */
export function liveAttemptsAtKiosk(db: ReadableDb, kioskId: string, now: number): string[] {
  return queryAll<{ subject: string }>(
    db,
    sql`SELECT subject FROM auth_tokens
        WHERE kiosk_id = ${kioskId} AND kind = 'candidate' AND revoked_at IS NULL
          AND expires_at > ${now}
        ORDER BY issued_at DESC`,
  ).map((row) => row.subject);
}

/** Revokes every live token issued at a kiosk (the kiosk was revoked); their sockets drop. */
export function revokeKioskTokens(db: WritableDb, kioskId: string, now: number): number {
  return run(
    db,
    sql`UPDATE auth_tokens SET revoked_at = ${now}
        WHERE kiosk_id = ${kioskId} AND revoked_at IS NULL`,
  ).changes;
}
