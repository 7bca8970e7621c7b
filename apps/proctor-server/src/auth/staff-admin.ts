import { CodedError } from '@skillexam/shared';
import type { AuditLog } from '../audit/audit-log';
import { transaction, type WritableDb } from '@skillexam/shared/sql';
import type { PasswordHasher } from './password-hasher';
import {
  findStaff,
  clearStaffLoginFailures,
  markStaffDisabled,
  markStaffEnabled,
  updateStaffPasswordHash,
  type StaffRecord,
} from './staff-repository';
import { revokeSubjectTokens } from './token-repository';

/*
 * An exam admin's account actions (docs/decisions/0219): disable, enable, set a password, clear
 * a login wait. Disabling and a new password revoke every token of the account, so its open
 * console connections close within a second (TokenWatch, 0217), also when done from the CLI.
 */

export const MIN_PASSWORD_LENGTH = 10;

function existing(db: WritableDb, username: string): StaffRecord {
  const staff = findStaff(db, { username });
  if (staff === undefined) {
    throw new CodedError('NOT_FOUND', `考务人员 ${username} 不存在 (unknown staff user)`);
  }
  return staff;
}

export function disableStaff(
  db: WritableDb,
  audit: AuditLog,
  username: string,
  actor: string,
  now: number,
  reason?: string,
): { username: string; revokedTokens: number } {
  if (actor === `staff:${username}`) {
    throw new CodedError('CONFLICT', '不能停用自己的账号 (you cannot disable your own account)');
  }
  return transaction(db, () => {
    const staff = existing(db, username);
    markStaffDisabled(db, staff.id, now);
    const revokedTokens = revokeSubjectTokens(db, 'staff', String(staff.id), now);
    const payload = { username, revokedTokens, ...(reason === undefined ? {} : { reason }) };
    audit.append(db, { actor, action: 'staff.disable', payload }, now);
    return { username, revokedTokens };
  });
}

export function enableStaff(
  db: WritableDb,
  audit: AuditLog,
  username: string,
  actor: string,
  now: number,
  reason?: string,
): { username: string } {
  return transaction(db, () => {
    const staff = existing(db, username);
    markStaffEnabled(db, staff.id);
    const payload = { username, ...(reason === undefined ? {} : { reason }) };
    audit.append(db, { actor, action: 'staff.enable', payload }, now);
    return { username };
  });
}

/** A new password; the account's existing logins end. */
export async function setStaffPassword(
  db: WritableDb,
  audit: AuditLog,
  hasher: PasswordHasher,
  input: { readonly username: string; readonly password: string; readonly reason?: string },
  actor: string,
  now: number,
): Promise<{ username: string; revokedTokens: number }> {
  if (input.password.length < MIN_PASSWORD_LENGTH) {
    throw new CodedError('BAD_REQUEST', '密码至少 10 个字符 (password too short)');
  }
  existing(db, input.username);
  const hash = await hasher.hash(input.password);
  return transaction(db, () => {
    const staff = existing(db, input.username);
    updateStaffPasswordHash(db, staff.id, hash);
    const revokedTokens = revokeSubjectTokens(db, 'staff', String(staff.id), now);
    audit.append(
      db,
      {
        actor,
        action: 'staff.password',
        payload: {
          username: input.username,
          revokedTokens,
          ...(input.reason === undefined ? {} : { reason: input.reason }),
        },
      },
      now,
    );
    return { username: input.username, revokedTokens };
  });
}

/** Clears an account's login wait (0215). */
export function unlockStaff(
  db: WritableDb,
  audit: AuditLog,
  username: string,
  actor: string,
  now: number,
): { username: string } {
  return transaction(db, () => {
    const staff = existing(db, username);
    clearStaffLoginFailures(db, staff.id);
    audit.append(db, { actor, action: 'staff.unlock', payload: { username } }, now);
    return { username };
  });
}
