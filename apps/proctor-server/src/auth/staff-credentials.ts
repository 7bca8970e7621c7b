import { CodedError } from '@skillexam/shared';
import type { AuditLog } from '../audit/audit-log';
import { queryOne, run, sql, transaction, type WritableDb } from '../db/sql';
import { backoffUntil } from './login-backoff';
import { tooManyAttempts, type LoginGuard } from './login-guard';
import type { PasswordHasher } from './password-hasher';
import { findStaff, type StaffRecord } from './staff-accounts';

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
 * ones; each attempt is counted BEFORE the async verify in one synchronous statement, so
 * parallel guesses cannot all read the same count; a right password clears the count.
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
  if (staff === undefined) {
    guard.failUnknownName('staff', username, started);
    guard.failAddress('staff', ip, started);
    dummyHash ??= hasher.hash('not-a-real-password');
    await hasher.verify(await dummyHash, password);
    throw new CodedError('UNAUTHORIZED', BAD_STAFF_LOGIN);
  }
  // A short wait after repeated failures, never a lockout; the same reply as for unknown names.
  if (staff.lockedUntil !== undefined && staff.lockedUntil > started) throw tooManyAttempts();
  guard.failAddress('staff', ip, started);
  const failures = transaction(db, () => {
    const counted =
      queryOne<{ failed_attempts: number }>(
        db,
        sql`UPDATE staff SET failed_attempts = failed_attempts + 1 WHERE id = ${staff.id}
            RETURNING failed_attempts`,
      )?.failed_attempts ?? 1;
    const until = backoffUntil(counted, started, guard.policy);
    run(db, sql`UPDATE staff SET locked_until = ${until} WHERE id = ${staff.id}`);
    return counted;
  });
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
  guard.refundAddress('staff', ip, now);
  run(db, sql`UPDATE staff SET failed_attempts = 0, locked_until = NULL WHERE id = ${staff.id}`);
  return staff;
}
