import { closeSync, openSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import { silentProgress, type PhaseProgress, type Progress } from '@skillexam/shared';
import type { Logger } from 'pino';
import { latestCheckpoint } from '../audit/audit-repository';
import { toChainHead, writeChainHead } from '../audit/head-witness';
import { openReadonlyDb } from '../db/connection';
import type { ReadableDb } from '@skillexam/shared/sql';
import { ensurePrivateDir, PRIVATE_FILE_MODE, restrictFile } from '../keys/key-file';
import { pageSize } from './backup-repository';

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

export interface BackupOptions {
  /** `backing_up`, in bytes: the database pages SQLite's backup API reports, times the page size. */
  readonly progress?: Progress;
}

/**
 * SQLite's online backup, step by step (better-sqlite3 copies 100 pages a step and gives the
 * event loop a turn between steps): each step reports the bytes copied; a cancel thrown from
 * the report aborts the backup.
 */
const PAGES_PER_STEP = 100;

async function copyPages(
  db: ReadableDb,
  partial: string,
  label: string,
  progress: Progress,
): Promise<void> {
  const bytesPerPage = pageSize(db);
  let phase: PhaseProgress | undefined;
  let copied = 0;
  const report = (totalPages: number, remainingPages: number) => {
    phase ??= progress.phase('backing_up', {
      total: totalPages * bytesPerPage,
      label,
      unit: 'bytes',
    });
    const now = totalPages - remainingPages;
    if (now > copied) phase.advance((now - copied) * bytesPerPage);
    copied = Math.max(copied, now);
  };
  const done = await db.backup(partial, {
    progress: ({ totalPages, remainingPages }) => {
      report(totalPages, remainingPages);
      return PAGES_PER_STEP;
    },
  });
  report(done.totalPages, 0);
  phase?.end();
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
  options: BackupOptions = {},
): Promise<string> {
  ensurePrivateDir(backupDir);
  const target = join(backupDir, backupFileName(at));
  const partial = `${target}.partial`;
  closeSync(openSync(partial, 'w', PRIVATE_FILE_MODE)); // 0600 before the first page lands
  try {
    await copyPages(db, partial, basename(target), options.progress ?? silentProgress);
    restrictFile(partial);
    const copy = openReadonlyDb(partial);
    try {
      const head = latestCheckpoint(copy);
      if (head !== undefined) writeChainHead(backupHeadPath(target), toChainHead(head));
    } finally {
      copy.close();
    }
    (options.progress ?? silentProgress).check(); // the last moment a cancel leaves nothing
  } catch (error) {
    rmSync(partial, { force: true });
    rmSync(backupHeadPath(target), { force: true });
    throw error;
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
