import {
  chmodSync,
  closeSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  statSync,
  writeSync,
} from 'node:fs';
import { dirname } from 'node:path';

/** Owner read/write only: key files, the database, backups. */
export const PRIVATE_FILE_MODE = 0o600;
/** Owner only: the data directory and its keys folder. */
export const PRIVATE_DIR_MODE = 0o700;

/** Mode bits are not meaningful on Windows; there the folder's ACL protects the files. */
const MODES_APPLY = process.platform !== 'win32';

export class KeyFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'KeyFileError';
  }
}

/** Creates a directory readable by its owner only (and tightens an existing one). */
export function ensurePrivateDir(path: string): void {
  mkdirSync(path, { recursive: true, mode: PRIVATE_DIR_MODE });
  if (MODES_APPLY) chmodSync(path, PRIVATE_DIR_MODE);
}

/**
 * Writes a file atomically with mode 0600 from its first byte: a temporary file created 0600,
 * fsynced, then renamed over the target.
 */
export function writePrivateFileAtomic(path: string, content: string | Uint8Array): void {
  ensurePrivateDir(dirname(path));
  const temporary = `${path}.${process.pid}.tmp`;
  const fd = openSync(temporary, 'w', PRIVATE_FILE_MODE);
  try {
    writeSync(fd, typeof content === 'string' ? Buffer.from(content, 'utf8') : content);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  if (MODES_APPLY) chmodSync(temporary, PRIVATE_FILE_MODE);
  renameSync(temporary, path);
}

/** Sets 0600 on a file that exists (database, WAL, backups); missing files are ignored. */
export function restrictFile(path: string): void {
  if (!MODES_APPLY) return;
  try {
    chmodSync(path, PRIVATE_FILE_MODE);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}

/**
 * Reads a key file, refusing one that the group or others may read or write: a key that other
 * accounts can read no longer proves anything.
 */
export function readKeyFile(path: string): string {
  if (MODES_APPLY) {
    const mode = statSync(path).mode & 0o777;
    if ((mode & 0o077) !== 0) {
      throw new KeyFileError(
        `密钥文件权限过宽 (key file readable by group/others, mode ${mode.toString(8)}): ${path}\n` +
          `请执行 (fix with): chmod 600 ${path}`,
      );
    }
  }
  return readFileSync(path, 'utf8');
}
