import { CodedError } from '@skillexam/shared';
import type { AuditLog } from '../audit/audit-log';
import type { CenterDb } from '../db/center-db';
import { BAD_CREDENTIALS } from './login-backoff';
import { assertNotThrottled, recordFailedCheck } from './login-throttle';
import { verifyAgainstNothing, verifyPassword } from './password-hasher';
import { staffView, type StaffView } from './principal';
import { findStaffByUsername, type StaffRow } from './staff-repository';
import { clearLoginFailures, findTokenStaff, insertToken, revokeToken } from './token-repository';
import { hashToken, newToken, TOKEN_TTL_MS } from './tokens';

/*
 * Staff login and logout (docs/decisions/1003-center-token-auth.md). A login answers the same
 * for an unknown name, a disabled account and a wrong password, after the same argon2 work.
 * Failures are counted per (username, address) and per address across usernames (password
 * spraying, docs/decisions/1065-center-login-spraying.md) and slow the next attempt; they are not
 * audited (an anonymous caller must not grow the chain), successes and logouts are.
 */

export interface LoginDeps {
  readonly db: CenterDb;
  readonly audit: AuditLog;
  readonly now: () => Date;
}

export interface LoginResult {
  readonly token: string;
  readonly expiresAt: string;
  readonly staff: StaffView;
}

export function normaliseUsername(username: string): string {
  return username.trim().toLowerCase();
}

export async function login(
  deps: LoginDeps,
  input: { readonly username: string; readonly password: string; readonly remoteAddress: string },
): Promise<LoginResult> {
  const username = normaliseUsername(input.username);
  const now = deps.now();
  const key = { username, remoteAddress: input.remoteAddress };
  await assertNotThrottled(deps.db, key, now);
  const staff = await findStaffByUsername(deps.db, username);
  const passwordOk =
    staff === undefined
      ? await verifyAgainstNothing(input.password)
      : await verifyPassword(staff.password_hash, input.password);
  if (staff === undefined || staff.disabled || !passwordOk) {
    await recordFailedCheck(deps.db, key, now);
    throw new CodedError('UNAUTHORIZED', BAD_CREDENTIALS);
  }
  const token = newToken();
  const expiresAt = new Date(now.getTime() + TOKEN_TTL_MS);
  await deps.db.transaction(async (tx) => {
    await clearLoginFailures(tx, username, input.remoteAddress);
    await insertToken(tx, {
      tokenHash: hashToken(token),
      staffId: staff.id,
      issuedAt: now,
      expiresAt,
      remoteAddress: input.remoteAddress,
    });
    await deps.audit.append(tx, {
      actor: staff.username,
      action: 'auth.login',
      subject: staff.id,
      details: { remoteAddress: input.remoteAddress },
    });
  });
  return { token, expiresAt: expiresAt.toISOString(), staff: staffView(staff) };
}

/** The enabled staff account a bearer token stands for at `now`, or undefined. */
export function staffOfToken(
  db: CenterDb,
  token: string,
  now: Date,
): Promise<StaffRow | undefined> {
  return findTokenStaff(db, hashToken(token), now);
}

export async function logout(
  deps: LoginDeps,
  token: string,
  staff: { readonly id: string; readonly username: string },
): Promise<void> {
  await deps.db.transaction(async (tx) => {
    if (await revokeToken(tx, hashToken(token), deps.now())) {
      await deps.audit.append(tx, {
        actor: staff.username,
        action: 'auth.logout',
        subject: staff.id,
      });
    }
  });
}
