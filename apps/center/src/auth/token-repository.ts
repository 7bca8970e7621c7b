import type { Queryable } from '../db/center-db';
import type { StaffRow } from './staff-repository';

/* SQL of login tokens (stored as SHA-256) and of failed-login counts. */

export async function insertToken(
  tx: Queryable,
  row: {
    readonly tokenHash: string;
    readonly staffId: string;
    readonly issuedAt: Date;
    readonly expiresAt: Date;
    readonly remoteAddress: string;
  },
): Promise<void> {
  await tx.query(
    `INSERT INTO staff_tokens (token_hash, staff_id, issued_at, expires_at, remote_address)
     VALUES ($1, $2, $3, $4, $5)`,
    [row.tokenHash, row.staffId, row.issuedAt, row.expiresAt, row.remoteAddress],
  );
}

/** The enabled staff account of a live token (not revoked, not expired at `now`). */
export async function findTokenStaff(
  db: Queryable,
  tokenHash: string,
  now: Date,
): Promise<StaffRow | undefined> {
  const rows = await db.query<StaffRow>(
    `SELECT s.id, s.username, s.display_name, s.role, s.organisation_id, s.must_change_password,
            s.disabled, s.created_at, s.created_by
       FROM staff_tokens t JOIN staff s ON s.id = t.staff_id
      WHERE t.token_hash = $1 AND t.revoked_at IS NULL AND t.expires_at > $2 AND NOT s.disabled`,
    [tokenHash, now],
  );
  return rows[0];
}

export async function revokeToken(tx: Queryable, tokenHash: string, now: Date): Promise<boolean> {
  const rows = await tx.query(
    `UPDATE staff_tokens SET revoked_at = $2
      WHERE token_hash = $1 AND revoked_at IS NULL RETURNING token_hash`,
    [tokenHash, now],
  );
  return rows.length > 0;
}

/** Revokes every live token of a staff member but `keepHash`; returns how many. */
export async function revokeStaffTokens(
  tx: Queryable,
  staffId: string,
  now: Date,
  keepHash: string | null = null,
): Promise<number> {
  const rows = await tx.query(
    `UPDATE staff_tokens SET revoked_at = $2
      WHERE staff_id = $1 AND revoked_at IS NULL AND ($3::text IS NULL OR token_hash <> $3)
      RETURNING token_hash`,
    [staffId, now, keepHash],
  );
  return rows.length;
}

export interface LoginFailureRow {
  readonly failures: number;
  readonly last_failure_at: Date;
  readonly blocked_until: Date | null;
}

export async function findLoginFailures(
  db: Queryable,
  username: string,
  remoteAddress: string,
): Promise<LoginFailureRow | undefined> {
  const rows = await db.query<LoginFailureRow>(
    `SELECT failures, last_failure_at, blocked_until FROM login_failures
      WHERE username = $1 AND remote_address = $2`,
    [username, remoteAddress],
  );
  return rows[0];
}

/** Counts one failure (starting again when the last one is older than `forgetBefore`). */
export async function recordLoginFailure(
  tx: Queryable,
  key: { readonly username: string; readonly remoteAddress: string },
  now: Date,
  forgetBefore: Date,
  blockedUntil: (failures: number) => Date | null,
): Promise<number> {
  const rows = await tx.query<{ failures: number }>(
    `INSERT INTO login_failures (username, remote_address, failures, last_failure_at)
     VALUES ($1, $2, 1, $3)
     ON CONFLICT (username, remote_address) DO UPDATE SET
       failures = CASE WHEN login_failures.last_failure_at < $4 THEN 1
                       ELSE login_failures.failures + 1 END,
       last_failure_at = $3
     RETURNING failures`,
    [key.username, key.remoteAddress, now, forgetBefore],
  );
  const failures = rows[0]?.failures ?? 1;
  await tx.query(
    'UPDATE login_failures SET blocked_until = $3 WHERE username = $1 AND remote_address = $2',
    [key.username, key.remoteAddress, blockedUntil(failures)],
  );
  return failures;
}

export async function clearLoginFailures(
  tx: Queryable,
  username: string,
  remoteAddress: string,
): Promise<void> {
  await tx.query('DELETE FROM login_failures WHERE username = $1 AND remote_address = $2', [
    username,
    remoteAddress,
  ]);
}

/** Forgets failure counts, per pair and per address, older than `before` (housekeeping). */
export async function pruneLoginFailures(tx: Queryable, before: Date): Promise<number> {
  const rows = await tx.query(
    'DELETE FROM login_failures WHERE last_failure_at < $1 RETURNING username',
    [before],
  );
  const addresses = await tx.query(
    'DELETE FROM login_address_failures WHERE last_failure_at < $1 RETURNING remote_address',
    [before],
  );
  return rows.length + addresses.length;
}
