import { statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { shellWord } from '@skillexam/shared';
import { readChainHead } from '../audit/head-witness';
import { backupHeadPath, listBackups } from './backup';

/*
 * The backups in the server's backup folder as the console's 备份与恢复 page lists them, each
 * with the exact commands to check and restore it on this server (docs/decisions/0981, 0982).
 */

export interface BackupEntry {
  readonly name: string;
  /** When the backup was taken (from its name, UTC). */
  readonly at: number;
  readonly bytes: number;
  /** The backup's newest signed checkpoint (`<name>.head.json`), if it has one. */
  readonly head?: { readonly seq: number; readonly hash: string; readonly at: number };
  /** The witness beside it exists but cannot be read: restore will refuse this backup. */
  readonly headError?: string;
  /** `<name>.head.json`, when present: downloaded with the backup to restore elsewhere. */
  readonly headFile?: string;
  readonly restoreCommand: string;
  readonly verifyCommand: string;
}

/** `server-20261121T013000000Z.db` → its time. */
export function backupTimeOf(name: string): number {
  const m = /^server-(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(\d{3})Z\.db$/.exec(name);
  if (m === null) return Number.NaN;
  const [, y, mo, d, h, mi, s, ms] = m;
  return Date.parse(`${y}-${mo}-${d}T${h}:${mi}:${s}.${ms}Z`);
}

/** The restore command without its `--reason`, which the admin types in the console. */
export function restoreCommandOf(backupPath: string, dataDir: string): string {
  return `proctor-server restore ${shellWord(backupPath)} --data ${shellWord(dataDir)}`;
}

export function verifyCommandOf(backupPath: string, dataDir: string): string {
  return `proctor-server audit verify --data ${shellWord(dataDir)} --file ${shellWord(backupPath)}`;
}

/** The folder's backups, newest first. */
export function backupEntries(backupDir: string, dataDir: string): BackupEntry[] {
  const entries: BackupEntry[] = [];
  for (const path of listBackups(backupDir).reverse()) {
    let bytes: number;
    try {
      bytes = statSync(path).size;
    } catch {
      continue; // removed by the rotation since it was listed
    }
    const name = basename(path);
    const head = readChainHead(backupHeadPath(path));
    entries.push({
      name,
      at: backupTimeOf(name),
      bytes,
      ...(head === undefined
        ? {}
        : head instanceof Error
          ? { headError: head.message, headFile: basename(backupHeadPath(path)) }
          : {
              head: { seq: head.seq, hash: head.hash, at: head.at },
              headFile: basename(backupHeadPath(path)),
            }),
      restoreCommand: restoreCommandOf(path, dataDir),
      verifyCommand: verifyCommandOf(path, dataDir),
    });
  }
  return entries;
}

/**
 * The file a download may serve for `name`: a listed backup or the witness beside one — by
 * its listed name, never a path (`../`, `/etc/…` are not names of the list).
 */
export function backupFileFor(backupDir: string, name: string): string | undefined {
  for (const path of listBackups(backupDir)) {
    const listed = basename(path);
    if (name === listed) return path;
    if (name === basename(backupHeadPath(path))) {
      const head = backupHeadPath(path);
      try {
        statSync(head);
        return join(backupDir, name);
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}
