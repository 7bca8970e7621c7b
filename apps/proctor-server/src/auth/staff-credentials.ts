import { CodedError } from '@skillexam/shared';
import type { AuditLog } from '../audit/audit-log';
import { transaction, type WritableDb } from '@skillexam/shared/sql';
import type { LoginGuard } from './login-guard';
import type { PasswordHasher } from './password-hasher';
import {
  clearStaffLoginFailures,
  countStaffLoginFailure,
  findStaff,
  type StaffRecord,
} from './staff-repository';

export interface StaffCredentialDeps {
  readonly db: WritableDb;
  readonly audit: AuditLog;
  readonly hasher: PasswordHasher;
  readonly now: () => number;
  readonly guard: LoginGuard;
}

export const BAD_STAFF_LOGIN = '用户名或密码错误 (wrong username or password)';
/** Verified against when the user does not exist, so timing does not reveal valid usernames. */
let dummyHash: Promise<string> | undefined;

/**
 * A staff member's username + password, throttled (docs/decisions/0215): used by the staff
 * login and by the kiosk exit grant. Unknown names cost one argon2 verify and back off like real
 * ones; the wait belongs to the (username, address) pair, so a guesser cannot keep the real
 * user out; a right password clears the count.
 */
export async function verifyStaffCredentials(
  deps: StaffCredentialDeps,
  username: string,
  password: string,
  ip: string,
): Promise<StaffRecord> {
  const { db, audit, hasher, guard } = deps;
  const started = deps.now();
  guard.checkAddress('staff', ip, started);
  const staff = findStaff(db, { username });
  // Throttled per (username, address) (docs/decisions/0215): a guesser's failures slow only the
  // guesser, never the real user at another address. Counted BEFORE the async verify (one
  // synchronous step), so parallel guesses cannot all pass; a right password takes it back.
  const who = {
    kind: 'staff',
    name: username,
    ip,
    accountFailures: staff?.failedAttempts,
  } as const;
  guard.checkAccount(who, started);
  const waitUntil = guard.fail(who, started);
  if (staff === undefined) {
    dummyHash ??= hasher.hash('not-a-real-password');
    await hasher.verify(await dummyHash, password);
    throw new CodedError('UNAUTHORIZED', BAD_STAFF_LOGIN);
  }
  // The account's count is for display and alerting (the admin sees it, unlock clears it).
  const failures = countStaffLoginFailure(db, staff.id, waitUntil);
  // A disabled account verifies like any other (same timing) and fails like a wrong password.
  const valid =
    (await hasher.verify(staff.passwordHash, password)) && staff.disabledAt === undefined;
  const now = deps.now();
  if (!valid) {
    transaction(db, () => {
      audit.append(
        db,
        {
          actor: `staff:${username}`,
          action: 'staff.login-failed',
          payload: { username, ip, failures },
        },
        now,
      );
    });
    throw new CodedError('UNAUTHORIZED', BAD_STAFF_LOGIN);
  }
  guard.succeeded(who, now, true);
  clearStaffLoginFailures(db, staff.id);
  return staff;
}
