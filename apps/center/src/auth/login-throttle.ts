import { CodedError } from '@skillexam/shared';
import type { CenterDb } from '../db/center-db';
import { findAddressFailures, recordAddressFailure } from './address-failure-repository';
import {
  ADDRESS_BACKOFF,
  backoffMs,
  LOGIN_BACKOFF,
  TOO_MANY_ATTEMPTS,
  type BackoffPolicy,
} from './login-backoff';
import { findLoginFailures, recordLoginFailure } from './token-repository';

/*
 * The waits a password check must respect, shared by the login and the password change
 * (docs/decisions/1003-center-token-auth.md, 1065, 1066): failures per (username, address)
 * and per address across usernames each buy their own doubling, capped wait. Neither ever
 * locks an account: the real user at another address is not slowed.
 */

export interface ThrottleKey {
  readonly username: string;
  readonly remoteAddress: string;
}

function waiting(row: { readonly blocked_until: Date | null } | undefined, now: Date): boolean {
  return row?.blocked_until !== undefined && row.blocked_until !== null && row.blocked_until > now;
}

/** Throws RATE_LIMITED (429) while the pair or the address is in its wait. */
export async function assertNotThrottled(
  db: CenterDb,
  key: ThrottleKey,
  now: Date,
  message: string = TOO_MANY_ATTEMPTS,
): Promise<void> {
  if (
    waiting(await findLoginFailures(db, key.username, key.remoteAddress), now) ||
    waiting(await findAddressFailures(db, key.remoteAddress), now)
  ) {
    throw new CodedError('RATE_LIMITED', message);
  }
}

function waitUntil(now: Date, policy: BackoffPolicy) {
  return (failures: number): Date | null => {
    const wait = backoffMs(failures, policy);
    return wait === 0 ? null : new Date(now.getTime() + wait);
  };
}

/** Counts one failed password check for the pair and for the address, in one transaction. */
export async function recordFailedCheck(db: CenterDb, key: ThrottleKey, now: Date): Promise<void> {
  await db.transaction(async (tx) => {
    await recordLoginFailure(
      tx,
      key,
      now,
      new Date(now.getTime() - LOGIN_BACKOFF.forgetAfterMs),
      waitUntil(now, LOGIN_BACKOFF),
    );
    await recordAddressFailure(
      tx,
      key.remoteAddress,
      now,
      new Date(now.getTime() - ADDRESS_BACKOFF.forgetAfterMs),
      waitUntil(now, ADDRESS_BACKOFF),
    );
  });
}
