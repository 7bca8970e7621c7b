import { copyFileSync, existsSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { verifyAuditChain, type AuditVerification } from '../audit/verify';
import { openReadonlyDb } from '../db/connection';
import { DB_FILE_NAME } from '../db/store';
import { queryOne, sql } from '../db/sql';

export const PID_FILE_NAME = 'server.pid';

export class RestoreError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RestoreError';
  }
}

/** The pid of a live server holding the data directory, if any (stale pid files are ignored). */
export function runningServerPid(dataDir: string): number | undefined {
  const file = join(dataDir, PID_FILE_NAME);
  if (!existsSync(file)) return undefined;
  const pid = Number(readFileSync(file, 'utf8').trim());
  if (!Number.isInteger(pid) || pid <= 0) return undefined;
  try {
    process.kill(pid, 0);
    return pid;
  } catch {
    return undefined;
  }
}

export interface BackupCheck {
  readonly integrity: string;
  readonly audit: AuditVerification;
}

/** integrity_check and the audit chain of a backup file, read-only. */
export function checkBackup(path: string): BackupCheck {
  const db = openReadonlyDb(path);
  try {
    const integrity =
      queryOne<{ integrity_check: string }>(db, sql`PRAGMA integrity_check`)?.integrity_check ??
      'unknown';
    return { integrity, audit: verifyAuditChain(db) };
  } finally {
    db.close();
  }
}

export interface RestoreResult {
  readonly restoredFrom: string;
  /** Where the replaced database was moved (kept, never deleted). */
  readonly previousDb: string | undefined;
  readonly auditRecords: number;
}

/**
 * Restores `server.db` from a backup: refuses while a server runs on the directory, verifies the
 * backup first (integrity_check = ok, audit chain intact), keeps the replaced file aside.
 */
export function restoreBackup(backupPath: string, dataDir: string, now: number): RestoreResult {
  if (!existsSync(backupPath)) throw new RestoreError(`备份文件不存在: ${backupPath}`);
  const pid = runningServerPid(dataDir);
  if (pid !== undefined) {
    throw new RestoreError(
      `服务器正在运行 (pid ${pid})，请先停止服务器再恢复 (refusing to restore under a running server)`,
    );
  }
  const check = checkBackup(backupPath);
  if (check.integrity !== 'ok')
    throw new RestoreError(`备份文件损坏: integrity_check = ${check.integrity}`);
  if (!check.audit.ok) {
    const first = check.audit.problems[0];
    throw new RestoreError(
      `备份的审计链校验失败 (audit chain broken) at #${first?.seq ?? '?'}: ${first?.problem ?? ''}`,
    );
  }
  const target = join(dataDir, DB_FILE_NAME);
  let previousDb: string | undefined;
  if (existsSync(target)) {
    previousDb = `${target}.replaced-${new Date(now).toISOString().replace(/[-:.]/g, '')}`;
    renameSync(target, previousDb);
    for (const suffix of ['-wal', '-shm']) {
      if (existsSync(target + suffix)) renameSync(target + suffix, previousDb + suffix);
    }
  }
  copyFileSync(backupPath, `${target}.restoring`);
  renameSync(`${target}.restoring`, target);
  rmSync(`${target}-wal`, { force: true });
  rmSync(`${target}-shm`, { force: true });
  return { restoredFrom: backupPath, previousDb, auditRecords: check.audit.records };
}
