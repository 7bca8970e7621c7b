import {
  queryAll,
  queryOne,
  run,
  sql,
  type ReadableDb,
  type WritableDb,
} from '@skillexam/shared/sql';

/* The SQL of login tokens (`auth_tokens`, only SHA-256 hashes stored); the rules are in tokens.ts. */

export type TokenKind = 'staff' | 'candidate';

export interface TokenRow {
  readonly kind: TokenKind;
  readonly subject: string;
  readonly expires_at: number;
  readonly revoked_at: number | null;
  readonly kiosk_id: string | null;
}

export function insertToken(
  db: WritableDb,
  row: {
    readonly hash: string;
    readonly kind: TokenKind;
    readonly subject: string;
    readonly issuedAt: number;
    readonly expiresAt: number;
    readonly kioskId: string | null;
  },
): void {
  run(
    db,
    sql`INSERT INTO auth_tokens (token_hash, kind, subject, issued_at, expires_at, kiosk_id)
        VALUES (${row.hash}, ${row.kind}, ${row.subject}, ${row.issuedAt}, ${row.expiresAt}, ${row.kioskId})`,
  );
}

/** The token of this hash, unless it is a staff token whose account is disabled (0219). */
export function findTokenRow(db: ReadableDb, hash: string): TokenRow | undefined {
  return queryOne<TokenRow>(
    db,
    sql`SELECT kind, subject, expires_at, revoked_at, kiosk_id FROM auth_tokens t
        WHERE token_hash = ${hash}
          AND (t.kind <> 'staff' OR NOT EXISTS (SELECT 1 FROM staff s
                 WHERE s.id = CAST(t.subject AS INTEGER) AND s.disabled_at IS NOT NULL))`,
  );
}

export function revokeTokenHash(db: WritableDb, hash: string, now: number): void {
  run(
    db,
    sql`UPDATE auth_tokens SET revoked_at = ${now} WHERE token_hash = ${hash} AND revoked_at IS NULL`,
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

/** Of these hashes, the ones still live: not revoked, not expired, not of a disabled account. */
export function liveTokenHashes(db: ReadableDb, hashes: readonly string[], now: number): string[] {
  return queryAll<{ token_hash: string }>(
    db,
    sql`SELECT token_hash FROM auth_tokens t
        WHERE token_hash IN (SELECT value FROM json_each(${JSON.stringify(hashes)}))
          AND revoked_at IS NULL AND expires_at > ${now}
          AND (t.kind <> 'staff' OR NOT EXISTS (SELECT 1 FROM staff s
                 WHERE s.id = CAST(t.subject AS INTEGER) AND s.disabled_at IS NOT NULL))`,
  ).map((row) => row.token_hash);
}
