import { randomInt } from 'node:crypto';
import type { OneTimePassword, StaffAccount } from '@skillexam/shared';
import type { ReadableDb, WritableDb } from '@skillexam/shared/sql';
import type { AuditLog } from '../audit/audit-log';
import type { PasswordHasher } from './password-hasher';
import { addStaff } from './staff-accounts';
import { setStaffPassword } from './staff-admin';
import { listStaffRows } from './staff-list-repository';

/*
 * Staff accounts from the console (docs/decisions/0962): the server makes a one-time password,
 * stores only its hash through the same functions as `user add` / `user passwd` (same rules,
 * same audit entries) and returns it once; the console shows it once and never again.
 */

// no 0/O, 1/l/I: read aloud or copied from a screen without mistakes
const ALPHABET = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
export const ONE_TIME_PASSWORD_LENGTH = 14;

export function oneTimePassword(): string {
  let text = '';
  for (let i = 0; i < ONE_TIME_PASSWORD_LENGTH; i += 1)
    text += ALPHABET[randomInt(ALPHABET.length)];
  return text;
}

export function listStaffAccounts(db: ReadableDb, now: number): StaffAccount[] {
  return listStaffRows(db).map((row) => ({
    username: row.username,
    role: row.role,
    createdAt: row.createdAt,
    disabled: row.disabledAt !== undefined,
    locked: row.lockedUntil !== undefined && row.lockedUntil > now,
    failedAttempts: row.failedAttempts,
  }));
}

export async function addStaffWithOneTimePassword(
  deps: { db: WritableDb; audit: AuditLog; hasher: PasswordHasher },
  input: { username: string; role: string },
  actor: string,
  now: number,
): Promise<OneTimePassword> {
  const password = oneTimePassword();
  const staff = await addStaff(
    deps.db,
    deps.audit,
    deps.hasher,
    { ...input, password },
    actor,
    now,
  );
  return { username: staff.username, role: staff.role, oneTimePassword: password };
}

export async function resetStaffPassword(
  deps: { db: WritableDb; audit: AuditLog; hasher: PasswordHasher },
  username: string,
  actor: string,
  now: number,
  reason?: string,
): Promise<OneTimePassword> {
  const password = oneTimePassword();
  const input = { username, password, ...(reason === undefined ? {} : { reason }) };
  await setStaffPassword(deps.db, deps.audit, deps.hasher, input, actor, now);
  return { username, oneTimePassword: password };
}
