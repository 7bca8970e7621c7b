import { randomUUID } from 'node:crypto';
import { CodedError, InvalidInputError } from '@skillexam/shared';
import type { AuditLog } from '../audit/audit-log';
import type { CenterDb } from '../db/center-db';
import type { CenterRole } from './center-roles';
import { findOrganisation } from './organisation-repository';
import { hashPassword, verifyPassword } from './password-hasher';
import { checkNewPassword, generateOneTimePassword } from './passwords';
import { staffView, type StaffView } from './principal';
import type { NewStaff } from './staff-schemas';
import {
  countActiveAdmins,
  findStaffById,
  findStaffByUsername,
  insertStaff,
  listStaff as listStaffRows,
  setStaffDisabled,
  setStaffPassword,
} from './staff-repository';
import { clearLoginFailures, revokeStaffTokens } from './token-repository';
import { BAD_CREDENTIALS, TOO_MANY_PASSWORD_ATTEMPTS } from './login-backoff';
import { assertNotThrottled, recordFailedCheck } from './login-throttle';
import { hashToken } from './tokens';

/*
 * Managing staff accounts: add (with a one-time password shown once), list, disable, enable,
 * reset a password, change one's own. Every change is audited in its transaction.
 */

export interface AdminDeps {
  readonly db: CenterDb;
  readonly audit: AuditLog;
  readonly now: () => Date;
}

/** Who acts: a signed-in staff member's username, or `cli` for the command line. */
export interface Actor {
  readonly username: string;
}

export interface NewStaffResult {
  readonly staff: StaffView;
  /** Shown once; the holder must change it at the first login. */
  readonly oneTimePassword: string;
}

async function checkOrganisationBinding(
  deps: AdminDeps,
  role: CenterRole,
  organisationId: string | undefined,
): Promise<void> {
  if (role === 'org_staff') {
    if (organisationId === undefined) {
      throw new InvalidInputError(
        'organisationId: 评价机构人员须指定所属机构 (org_staff needs an organisation)',
      );
    }
    if ((await findOrganisation(deps.db, organisationId)) === undefined) {
      throw new InvalidInputError(
        `organisationId: 机构 ${organisationId} 不存在 (no such organisation)`,
      );
    }
  } else if (organisationId !== undefined) {
    throw new InvalidInputError(
      `organisationId: 只有评价机构人员属于机构 (only org_staff belongs to an organisation, not ${role})`,
    );
  }
}

export async function addStaff(
  deps: AdminDeps,
  actor: Actor,
  input: NewStaff,
  options: { readonly password?: string } = {},
): Promise<NewStaffResult> {
  await checkOrganisationBinding(deps, input.role, input.organisationId);
  if ((await findStaffByUsername(deps.db, input.username)) !== undefined) {
    throw new CodedError('CONFLICT', `用户名 ${input.username} 已存在 (username taken)`);
  }
  if (options.password !== undefined) checkNewPassword(options.password, input.username);
  const password = options.password ?? generateOneTimePassword();
  const passwordHash = await hashPassword(password);
  const row = await deps.db.transaction(async (tx) => {
    const inserted = await insertStaff(tx, {
      id: randomUUID(),
      username: input.username,
      displayName: input.displayName,
      role: input.role,
      organisationId: input.organisationId ?? null,
      passwordHash,
      mustChangePassword: options.password === undefined,
      createdBy: actor.username,
    });
    await deps.audit.append(tx, {
      actor: actor.username,
      action: 'staff.add',
      subject: inserted.id,
      details: {
        username: inserted.username,
        role: inserted.role,
        organisationId: inserted.organisation_id,
      },
    });
    return inserted;
  });
  return { staff: staffView(row), oneTimePassword: password };
}

export async function listStaff(db: CenterDb): Promise<StaffView[]> {
  return (await listStaffRows(db)).map(staffView);
}

async function existing(deps: AdminDeps, staffId: string) {
  const row = await findStaffById(deps.db, staffId);
  if (row === undefined) throw new CodedError('NOT_FOUND', `没有该人员 (no staff ${staffId})`);
  return row;
}

export async function setDisabled(
  deps: AdminDeps,
  actor: Actor & { readonly staffId?: string },
  staffId: string,
  disabled: boolean,
): Promise<StaffView> {
  const row = await existing(deps, staffId);
  if (disabled && actor.staffId === staffId) {
    throw new CodedError('CONFLICT', '不能停用自己的账号 (you cannot disable your own account)');
  }
  if (
    disabled &&
    row.role === 'centre_admin' &&
    !row.disabled &&
    (await countActiveAdmins(deps.db)) <= 1
  ) {
    throw new CodedError('CONFLICT', '不能停用最后一个中心管理员 (the last centre admin stays)');
  }
  await deps.db.transaction(async (tx) => {
    await setStaffDisabled(tx, staffId, disabled);
    const revoked = disabled ? await revokeStaffTokens(tx, staffId, deps.now()) : 0;
    await deps.audit.append(tx, {
      actor: actor.username,
      action: disabled ? 'staff.disable' : 'staff.enable',
      subject: staffId,
      details: { username: row.username, tokensRevoked: revoked },
    });
  });
  return staffView({ ...row, disabled });
}

/** A new one-time password for someone else; their sessions end. */
export async function resetPassword(
  deps: AdminDeps,
  actor: Actor,
  staffId: string,
): Promise<NewStaffResult> {
  const row = await existing(deps, staffId);
  const password = generateOneTimePassword();
  const passwordHash = await hashPassword(password);
  await deps.db.transaction(async (tx) => {
    await setStaffPassword(tx, staffId, passwordHash, true);
    await revokeStaffTokens(tx, staffId, deps.now());
    await deps.audit.append(tx, {
      actor: actor.username,
      action: 'staff.reset_password',
      subject: staffId,
      details: { username: row.username },
    });
  });
  return { staff: staffView({ ...row, must_change_password: true }), oneTimePassword: password };
}

/**
 * One's own password; the other sessions of the account end, the current one stays. Wrong
 * current passwords are counted and waited for exactly like failed logins, per (account,
 * address) and per address (docs/decisions/1066-center-password-change-backoff.md), so a
 * stolen token is no faster way to guess the password than the login.
 */
export async function changeOwnPassword(
  deps: AdminDeps,
  staffId: string,
  currentToken: string,
  input: { readonly currentPassword: string; readonly newPassword: string },
  remoteAddress: string,
): Promise<void> {
  const row = await existing(deps, staffId);
  const key = { username: row.username, remoteAddress };
  const now = deps.now();
  await assertNotThrottled(deps.db, key, now, TOO_MANY_PASSWORD_ATTEMPTS);
  if (!(await verifyPassword(row.password_hash, input.currentPassword))) {
    await recordFailedCheck(deps.db, key, now);
    throw new CodedError('FORBIDDEN', BAD_CREDENTIALS);
  }
  checkNewPassword(input.newPassword, row.username);
  if (input.newPassword === input.currentPassword) {
    throw new InvalidInputError(
      'newPassword: 新密码不能与原密码相同 (must differ from the current one)',
    );
  }
  const passwordHash = await hashPassword(input.newPassword);
  await deps.db.transaction(async (tx) => {
    await setStaffPassword(tx, staffId, passwordHash, false);
    await clearLoginFailures(tx, row.username, remoteAddress);
    await revokeStaffTokens(tx, staffId, deps.now(), hashToken(currentToken));
    await deps.audit.append(tx, {
      actor: row.username,
      action: 'staff.change_password',
      subject: staffId,
    });
  });
}
