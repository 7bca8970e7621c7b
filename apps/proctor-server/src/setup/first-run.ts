import { CodedError, type FirstAdminRequest, type FirstAdminResult } from '@skillexam/shared';
import { transaction, type WritableDb } from '@skillexam/shared/sql';
import type { AuditLog } from '../audit/audit-log';
import { FailureCounter } from '../auth/login-backoff';
import type { PasswordHasher } from '../auth/password-hasher';
import { addStaff } from '../auth/staff-accounts';
import { removeFirstRunFile, writeFirstRunFile } from './first-run-file';
import { hasEnabledAdmin } from './first-run-repository';
import { hashSetupCode, newSetupCode, setupCodeMatches } from './setup-code';

/*
 * The first run of a site (docs/decisions/0970–0972). While no enabled exam admin exists,
 * `serve` asks for a set-up code (`issue`), prints it and keeps only its hash here, in memory:
 * a restart makes a new one. `POST /api/setup/first-admin` creates the admin with it through
 * `addStaff` (the rules and messages of `proctor-server user add`), audited as `setup-code`;
 * the code then dies. Wrong codes cost the address: after FAILURES_PER_ADDRESS in a window it
 * is refused everything until the window is over.
 */

export const SETUP_ACTOR = 'setup-code';
export const FAILURES_PER_ADDRESS = 5;
export const FAILURE_WINDOW_MS = 15 * 60_000;

export const SETUP_DONE = '考务管理员已存在，请直接登录 (an exam admin exists: log in instead)';
export const WRONG_SETUP_CODE =
  '设置码不正确：请查看服务器窗口或数据目录中的 first-run-code.txt (wrong set-up code)';
export const TOO_MANY_SETUP_TRIES =
  '设置码错误次数过多，请 15 分钟后再试 (too many wrong set-up codes: try again in 15 minutes)';
export const NO_SETUP_CODE =
  '没有有效的设置码：请重新启动服务器，它会显示新的设置码 (no set-up code: restart the server for a new one)';
export const SETUP_BUSY = '正在创建考务管理员，请稍候 (the exam admin is being created)';

export interface FirstRunDeps {
  readonly db: WritableDb;
  readonly audit: AuditLog;
  readonly hasher: PasswordHasher;
  readonly now: () => number;
  /** Where first-run-code.txt goes; undefined for an in-memory store (tests). */
  readonly dataDir: string | undefined;
}

export class FirstRunSetup {
  private codeHash: Buffer | undefined;
  private creating = false;
  private readonly failures = new FailureCounter(FAILURE_WINDOW_MS);

  constructor(private readonly deps: FirstRunDeps) {}

  /**
   * A new set-up code when the site has no enabled exam admin (written to first-run-code.txt
   * too), else undefined (and a stale code file is removed). The code is returned once, never kept.
   */
  issue(): string | undefined {
    if (hasEnabledAdmin(this.deps.db)) {
      this.consume();
      return undefined;
    }
    const code = newSetupCode();
    this.codeHash = hashSetupCode(code);
    if (this.deps.dataDir !== undefined) writeFirstRunFile(this.deps.dataDir, code);
    return code;
  }

  /** Whether the console should offer the first-run form. */
  status(): { firstRun: boolean } {
    if (this.codeHash === undefined) return { firstRun: false };
    if (hasEnabledAdmin(this.deps.db)) {
      this.consume(); // an admin was added another way (the CLI): the code is no longer needed
      return { firstRun: false };
    }
    return { firstRun: true };
  }

  async createFirstAdmin(input: FirstAdminRequest, ip: string): Promise<FirstAdminResult> {
    const { db, audit, hasher, now } = this.deps;
    const key = `setup:${ip}`;
    if (this.failures.blocked(key, now()))
      throw new CodedError('RATE_LIMITED', TOO_MANY_SETUP_TRIES);
    if (!this.status().firstRun || this.codeHash === undefined) {
      const done = hasEnabledAdmin(db);
      throw new CodedError('CONFLICT', done ? SETUP_DONE : NO_SETUP_CODE);
    }
    if (!setupCodeMatches(input.setupCode, this.codeHash)) {
      const at = now();
      this.failures.fail(key, at, (n) =>
        n >= FAILURES_PER_ADDRESS ? at + FAILURE_WINDOW_MS : null,
      );
      transaction(db, () =>
        audit.append(db, { actor: SETUP_ACTOR, action: 'setup.code-refused', payload: { ip } }, at),
      );
      throw new CodedError('UNAUTHORIZED', WRONG_SETUP_CODE);
    }
    if (this.creating) throw new CodedError('CONFLICT', SETUP_BUSY);
    this.creating = true;
    try {
      const account = { username: input.username, role: 'admin', password: input.password };
      const staff = await addStaff(db, audit, hasher, account, SETUP_ACTOR, now());
      const at = now();
      transaction(db, () =>
        audit.append(
          db,
          {
            actor: SETUP_ACTOR,
            action: 'setup.first-admin',
            payload: { username: staff.username, ip },
          },
          at,
        ),
      );
      this.consume();
      this.failures.clear(key);
      return { username: staff.username, role: 'admin' };
    } finally {
      this.creating = false;
    }
  }

  /** The code dies: hash forgotten, code file deleted. */
  private consume(): void {
    this.codeHash = undefined;
    if (this.deps.dataDir !== undefined) removeFirstRunFile(this.deps.dataDir);
  }
}
