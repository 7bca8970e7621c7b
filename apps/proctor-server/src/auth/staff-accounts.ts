import { CodedError, StaffRoleSchema, type StaffLoginResult } from '@skillexam/shared';
import type { AuditLog } from '../audit/audit-log';
import { transaction, type WritableDb } from '@skillexam/shared/sql';
import type { ServerSettings } from '../settings';
import type { PasswordHasher } from './password-hasher';
import { verifyStaffCredentials, type StaffCredentialDeps } from './staff-credentials';
import { findStaff, insertStaff, type StaffRecord } from './staff-repository';
import { issueToken } from './tokens';

const USERNAME = /^[A-Za-z0-9_.-]{2,64}$/;

export async function addStaff(
  db: WritableDb,
  audit: AuditLog,
  hasher: PasswordHasher,
  input: { username: string; role: string; password: string },
  actor: string,
  now: number,
): Promise<StaffRecord> {
  if (!USERNAME.test(input.username)) {
    throw new CodedError(
      'BAD_REQUEST',
      `用户名 "${input.username}" 无效：2–64 位字母、数字、_ . - (invalid username)`,
    );
  }
  const role = StaffRoleSchema.safeParse(input.role);
  if (!role.success)
    throw new CodedError(
      'BAD_REQUEST',
      `角色 "${input.role}" 无效，应为 admin、proctor 或 supervisor`,
    );
  if (input.password.length < 10)
    throw new CodedError('BAD_REQUEST', '密码至少 10 个字符 (password too short)');
  const hash = await hasher.hash(input.password);
  transaction(db, () => {
    if (findStaff(db, { username: input.username }) !== undefined) {
      throw new CodedError('CONFLICT', `用户 ${input.username} 已存在 (user exists)`);
    }
    insertStaff(db, { username: input.username, passwordHash: hash, role: role.data }, now);
    audit.append(
      db,
      { actor, action: 'staff.add', payload: { username: input.username, role: role.data } },
      now,
    );
  });
  const created = findStaff(db, { username: input.username });
  if (created === undefined) throw new Error('staff row missing after insert');
  return created;
}

export type StaffLoginDeps = StaffCredentialDeps & { readonly settings: ServerSettings };

/** `POST /api/auth/staff-login`: checked credentials (staff-credentials.ts) → a staff token. */
export async function staffLogin(
  deps: StaffLoginDeps,
  username: string,
  password: string,
  ip: string,
): Promise<StaffLoginResult> {
  const { db, audit, settings } = deps;
  const staff = await verifyStaffCredentials(deps, username, password, ip);
  const now = deps.now();
  return transaction(db, () => {
    const issued = issueToken(db, 'staff', String(staff.id), now, settings.staffTokenTtlMs);
    audit.append(
      db,
      { actor: `staff:${username}`, action: 'staff.login', payload: { username, ip } },
      now,
    );
    return {
      token: issued.token,
      expiresAt: issued.expiresAt,
      role: staff.role,
      username: staff.username,
    };
  });
}
