import { createHash, randomBytes } from 'node:crypto';
import { queryOne, run, sql, type ReadableDb, type WritableDb } from '../db/sql';

export type TokenKind = 'staff' | 'candidate';

export interface TokenSubject {
  readonly kind: TokenKind;
  /** Staff id or attempt id. */
  readonly subject: string;
  readonly expiresAt: number;
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** A random opaque token; only its SHA-256 is stored. */
export function issueToken(
  db: WritableDb,
  kind: TokenKind,
  subject: string,
  now: number,
  ttlMs: number,
): { token: string; expiresAt: number } {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = now + ttlMs;
  run(
    db,
    sql`INSERT INTO auth_tokens (token_hash, kind, subject, issued_at, expires_at)
        VALUES (${hashToken(token)}, ${kind}, ${subject}, ${now}, ${expiresAt})`,
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
  }>(
    db,
    sql`SELECT kind, subject, expires_at, revoked_at FROM auth_tokens t
        WHERE token_hash = ${hashToken(token)}
          AND (t.kind <> 'staff' OR NOT EXISTS (SELECT 1 FROM staff s
                 WHERE s.id = CAST(t.subject AS INTEGER) AND s.disabled_at IS NOT NULL))`,
  );
  if (row === undefined || row.revoked_at !== null || row.expires_at <= now) return undefined;
  return { kind: row.kind, subject: row.subject, expiresAt: row.expires_at };
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
