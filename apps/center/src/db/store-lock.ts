import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';

/*
 * An embedded store is one process's: PGlite has no server to arbitrate, so two processes on
 * one data folder would corrupt it. The folder holds `store.lock` with the owner's pid while it
 * is open; a lock whose process is gone is taken over.
 */

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function lockDataDir(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  const lockFile = join(dataDir, 'store.lock');
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      const fd = openSync(lockFile, 'wx', 0o600);
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(lockFile, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number.parseInt(readFileSync(lockFile, 'utf8'), 10);
      if (Number.isInteger(owner) && owner !== process.pid && processAlive(owner)) {
        throw new Error(
          `数据目录正被进程 ${String(owner)} 使用 (the store ${dataDir} is open in process ${String(owner)}); stop it first or use DATABASE_URL`,
        );
      }
      if (owner === process.pid) {
        throw new Error(
          `数据目录已在本进程中打开 (the store ${dataDir} is already open in this process)`,
        );
      }
      rmSync(lockFile, { force: true });
    }
  }
  throw new Error(`无法锁定数据目录 (cannot lock ${dataDir})`);
}
