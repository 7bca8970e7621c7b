import { closeSync, openSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from 'pino';
import { latestCheckpoint } from '../audit/audit-repository';
import { toChainHead, writeChainHead } from '../audit/head-witness';
import { openReadonlyDb } from '../db/connection';
import type { ReadableDb } from '@skillexam/shared/sql';
import { ensurePrivateDir, PRIVATE_FILE_MODE, restrictFile } from '../keys/key-file';

const BACKUP_NAME = /^server-(\d{8}T\d{6}\d{3}Z)\.db$/;

export function backupFileName(at: number): string {
  const stamp = new Date(at).toISOString().replace(/[-:.]/g, '');
  return `server-${stamp}.db`;
}

/** Backups in a directory, oldest first. */
export function listBackups(backupDir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(backupDir);
  } catch {
    return [];
  }
  return names
    .filter((name) => BACKUP_NAME.test(name))
    .sort()
    .map((name) => join(backupDir, name));
}

/** The chain-head witness stored beside a backup: `server-<stamp>.db.head.json`. */
export function backupHeadPath(backupPath: string): string {
  return `${backupPath}.head.json`;
}

/**
 * An online backup with SQLite's backup API (better-sqlite3 `db.backup`): consistent even while
 * answers are being written, without stopping the server. Keeps the newest `keep` files.
 * The folder is 0700, the file 0600, and beside it goes the backup's newest signed checkpoint
 * (`.head.json`) so a backup whose tail was cut later is still caught (docs/decisions/0211).
 */
export async function backupNow(
  db: ReadableDb,
  backupDir: string,
  at: number,
  keep: number,
): Promise<string> {
  ensurePrivateDir(backupDir);
  const target = join(backupDir, backupFileName(at));
  const partial = `${target}.partial`;
  closeSync(openSync(partial, 'w', PRIVATE_FILE_MODE)); // 0600 before the first page lands
  await db.backup(partial);
  restrictFile(partial);
  const copy = openReadonlyDb(partial);
  try {
    const head = latestCheckpoint(copy);
    if (head !== undefined) writeChainHead(backupHeadPath(target), toChainHead(head));
  } finally {
    copy.close();
  }
  renameSync(partial, target);
  const all = listBackups(backupDir);
  for (const old of all.slice(0, Math.max(0, all.length - keep))) {
    rmSync(old, { force: true });
    rmSync(backupHeadPath(old), { force: true });
  }
  return target;
}

export interface BackupSchedule {
  stop(): void;
}

/** Backs up every `intervalMs`; a failed backup is logged and retried at the next tick. */
export function scheduleBackups(
  db: ReadableDb,
  backupDir: string,
  intervalMs: number,
  keep: number,
  now: () => number,
  logger: Logger,
): BackupSchedule {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    backupNow(db, backupDir, now(), keep)
      .then((path) => logger.info({ path }, 'backup written'))
      .catch((err: unknown) => logger.error({ err }, 'backup failed'))
      .finally(() => {
        running = false;
      });
  }, intervalMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
