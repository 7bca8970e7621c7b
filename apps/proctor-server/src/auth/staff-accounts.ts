import {
  CodedError,
  StaffRoleSchema,
  type StaffLoginResult,
  type StaffRole,
} from '@skillexam/shared';
import type { AuditLog } from '../audit/audit-log';
import { queryOne, run, sql, transaction, type ReadableDb, type WritableDb } from '../db/sql';
import type { ServerSettings } from '../settings';
import type { PasswordHasher } from './password-hasher';
import type { RateLimiter } from './rate-limiter';
import { issueToken } from './tokens';

export interface StaffRecord {
  readonly id: number;
  readonly username: string;
  readonly role: StaffRole;
  readonly passwordHash: string;
  readonly failedAttempts: number;
  readonly lockedUntil: number | undefined;
}

export function findStaff(
  db: ReadableDb,
  by: { username: string } | { id: number },
): StaffRecord | undefined {
  const row = queryOne<{
    id: number;
    username: string;
    role: StaffRole;
    password_hash: string;
    failed_attempts: number;
    locked_until: number | null;
  }>(
    db,
    'username' in by
      ? sql`SELECT id, username, role, password_hash, failed_attempts, locked_until FROM staff WHERE username = ${by.username}`
      : sql`SELECT id, username, role, password_hash, failed_attempts, locked_until FROM staff WHERE id = ${by.id}`,
  );
  if (row === undefined) return undefined;
  return {
    id: row.id,
    username: row.username,
    role: row.role,
    passwordHash: row.password_hash,
    failedAttempts: row.failed_attempts,
    lockedUntil: row.locked_until ?? undefined,
  };
}

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
    run(
      db,
      sql`INSERT INTO staff (username, password_hash, role, created_at) VALUES (${input.username}, ${hash}, ${role.data}, ${now})`,
    );
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

export interface StaffLoginDeps {
  readonly db: WritableDb;
  readonly audit: AuditLog;
  readonly hasher: PasswordHasher;
  readonly settings: ServerSettings;
  readonly now: () => number;
  readonly ipLimiter: RateLimiter;
  readonly accountLimiter: RateLimiter;
}

const BAD_LOGIN = '用户名或密码错误 (wrong username or password)';
/** Verified against when the user does not exist, so timing does not reveal valid usernames. */
let dummyHash: Promise<string> | undefined;

export async function staffLogin(
  deps: StaffLoginDeps,
  username: string,
  password: string,
  ip: string,
): Promise<StaffLoginResult> {
  const { db, audit, hasher, settings } = deps;
  const started = deps.now();
  if (
    !deps.ipLimiter.take(`staff-ip:${ip}`, started) ||
    !deps.accountLimiter.take(`staff:${username}`, started)
  ) {
    throw new CodedError('RATE_LIMITED', '登录尝试过于频繁，请稍后再试 (too many login attempts)');
  }
  const staff = findStaff(db, { username });
  if (staff === undefined) {
    dummyHash ??= hasher.hash('not-a-real-password');
    await hasher.verify(await dummyHash, password);
    throw new CodedError('UNAUTHORIZED', BAD_LOGIN);
  }
  if (staff.lockedUntil !== undefined && staff.lockedUntil > started) {
    throw new CodedError(
      'UNAUTHORIZED',
      `账号已锁定，请于 ${Math.ceil((staff.lockedUntil - started) / 60_000)} 分钟后再试 (account locked)`,
    );
  }
  const valid = await hasher.verify(staff.passwordHash, password);
  const now = deps.now();
  if (!valid) {
    transaction(db, () => {
      const failures = staff.failedAttempts + 1;
      const lock = failures >= settings.lockoutAfterFailures;
      run(
        db,
        sql`UPDATE staff SET failed_attempts = ${lock ? 0 : failures}, locked_until = ${lock ? now + settings.lockoutMs : null} WHERE id = ${staff.id}`,
      );
      audit.append(
        db,
        {
          actor: `staff:${username}`,
          action: lock ? 'staff.locked' : 'staff.login-failed',
          payload: { username, ip },
        },
        now,
      );
    });
    throw new CodedError('UNAUTHORIZED', BAD_LOGIN);
  }
  return transaction(db, () => {
    run(db, sql`UPDATE staff SET failed_attempts = 0, locked_until = NULL WHERE id = ${staff.id}`);
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
