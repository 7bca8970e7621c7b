import type { Queryable } from '../db/center-db';

/* SQL of failed logins per source address, across usernames (login_address_failures). */

export interface AddressFailureRow {
  readonly failures: number;
  readonly last_failure_at: Date;
  readonly blocked_until: Date | null;
}

export async function findAddressFailures(
  db: Queryable,
  remoteAddress: string,
): Promise<AddressFailureRow | undefined> {
  const rows = await db.query<AddressFailureRow>(
    `SELECT failures, last_failure_at, blocked_until FROM login_address_failures
      WHERE remote_address = $1`,
    [remoteAddress],
  );
  return rows[0];
}

/** Counts one failure of an address (starting again when its last one is before `forgetBefore`). */
export async function recordAddressFailure(
  tx: Queryable,
  remoteAddress: string,
  now: Date,
  forgetBefore: Date,
  blockedUntil: (failures: number) => Date | null,
): Promise<number> {
  const rows = await tx.query<{ failures: number }>(
    `INSERT INTO login_address_failures (remote_address, failures, last_failure_at)
     VALUES ($1, 1, $2)
     ON CONFLICT (remote_address) DO UPDATE SET
       failures = CASE WHEN login_address_failures.last_failure_at < $3 THEN 1
                       ELSE login_address_failures.failures + 1 END,
       last_failure_at = $2
     RETURNING failures`,
    [remoteAddress, now, forgetBefore],
  );
  const failures = rows[0]?.failures ?? 1;
  await tx.query('UPDATE login_address_failures SET blocked_until = $2 WHERE remote_address = $1', [
    remoteAddress,
    blockedUntil(failures),
  ]);
  return failures;
}

/** Forgets address counts older than `before` (housekeeping). */
export async function pruneAddressFailures(tx: Queryable, before: Date): Promise<number> {
  const rows = await tx.query(
    'DELETE FROM login_address_failures WHERE last_failure_at < $1 RETURNING remote_address',
    [before],
  );
  return rows.length;
}
