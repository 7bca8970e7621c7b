import { existsSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { KeyObject } from 'node:crypto';
import { silentProgress, type Progress } from '@skillexam/shared';
import { headWitnessPath, readChainHead, writeChainHead } from '../audit/head-witness';
import { verifyAuditChain, type AuditVerification } from '../audit/verify';
import { openReadonlyDb } from '../db/connection';
import { DB_FILE_NAME } from '../db/store';
import { restrictFile } from '../keys/key-file';
import { keysDirOf, readAuditPublicKey } from '../keys/site-keys';
import { backupHeadPath } from './backup';
import { integrityCheck } from './backup-repository';
import { copyWithProgress } from './copy-with-progress';

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

/**
 * integrity_check and the audit chain of a backup file, read-only: checked with the site's
 * audit public key (`keys/audit-signing.pub`) when given and against the backup's own
 * chain-head witness (`<backup>.head.json`) when it has one.
 */
export function checkBackup(path: string, publicKey?: KeyObject): BackupCheck {
  const db = openReadonlyDb(path);
  try {
    const integrity = integrityCheck(db);
    const head = readChainHead(backupHeadPath(path));
    return {
      integrity,
      audit: verifyAuditChain(db, {
        ...(publicKey === undefined ? {} : { publicKey }),
        ...(head === undefined ? {} : { head }),
      }),
    };
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

export interface RestoreOptions {
  /** `verifying` the backup, then `restoring` (bytes copied); a cancel leaves the old data. */
  readonly progress?: Progress;
}

/**
 * Restores `server.db` from a backup: refuses while a server runs on the directory, verifies the
 * backup first (integrity_check = ok, audit chain intact), copies it beside the database, and
 * only then swaps the files, keeping the replaced one aside: until the swap, a cancel or a
 * failure leaves the old data as it was.
 */
export async function restoreBackup(
  backupPath: string,
  dataDir: string,
  now: number,
  options: RestoreOptions = {},
): Promise<RestoreResult> {
  const progress = options.progress ?? silentProgress;
  if (!existsSync(backupPath)) throw new RestoreError(`备份文件不存在: ${backupPath}`);
  const pid = runningServerPid(dataDir);
  if (pid !== undefined) {
    throw new RestoreError(
      `服务器正在运行 (pid ${pid})，请先停止服务器再恢复 (refusing to restore under a running server)`,
    );
  }
  // The keys stay with the site, not in backups (docs/decisions/0210): a new data directory
  // gets the old one's keys/ first, or the restored chain, exam codes and packages are useless.
  const publicKey = readAuditPublicKey(keysDirOf(dataDir));
  if (publicKey === undefined) {
    throw new RestoreError(
      `目标数据目录缺少密钥文件 (no key files in ${keysDirOf(dataDir)}): ` +
        "请先把原服务器的 keys/ 目录复制过来 (copy the site's keys/ folder there first, mode 700/600)",
    );
  }
  const verifying = progress.phase('verifying', { total: 1, unit: 'entries' });
  const check = checkBackup(backupPath, publicKey);
  verifying.advance();
  verifying.end();
  if (check.integrity !== 'ok')
    throw new RestoreError(`备份文件损坏: integrity_check = ${check.integrity}`);
  if (!check.audit.ok) {
    const first = check.audit.problems[0];
    throw new RestoreError(
      `备份的审计链校验失败 (audit chain broken) at #${first?.seq ?? '?'}: ${first?.problem ?? ''}`,
    );
  }
  const target = join(dataDir, DB_FILE_NAME);
  const staging = `${target}.restoring`;
  try {
    await copyWithProgress(backupPath, staging, progress);
    restrictFile(staging);
    progress.check(); // the last moment a cancel leaves the old data
  } catch (error) {
    rmSync(staging, { force: true });
    throw error;
  }
  let previousDb: string | undefined;
  if (existsSync(target)) {
    previousDb = `${target}.replaced-${new Date(now).toISOString().replace(/[-:.]/g, '')}`;
    renameSync(target, previousDb);
    for (const suffix of ['-wal', '-shm']) {
      if (existsSync(target + suffix)) renameSync(target + suffix, previousDb + suffix);
    }
  }
  renameSync(staging, target);
  rmSync(`${target}-wal`, { force: true });
  rmSync(`${target}-shm`, { force: true });
  // The chain legitimately moves back to the backup's head: so does its witness.
  const witness = headWitnessPath(dataDir);
  const backupHead = readChainHead(backupHeadPath(backupPath));
  if (existsSync(witness)) renameSync(witness, `${previousDb ?? target}.audit-head.json`);
  if (backupHead !== undefined && !(backupHead instanceof Error))
    writeChainHead(witness, backupHead);
  return { restoredFrom: backupPath, previousDb, auditRecords: check.audit.records };
}
