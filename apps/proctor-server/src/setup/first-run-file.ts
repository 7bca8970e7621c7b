import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { writePrivateFileAtomic } from '../keys/key-file';

/*
 * `<data>/first-run-code.txt` (docs/decisions/0971): the set-up code for a site that runs the
 * server headless, readable by the server's user alone (0600 from its first byte, like the key
 * files), deleted once the code dies.
 */

export const FIRST_RUN_FILE_NAME = 'first-run-code.txt';

export function firstRunFilePath(dataDir: string): string {
  return join(dataDir, FIRST_RUN_FILE_NAME);
}

export function writeFirstRunFile(dataDir: string, code: string): void {
  writePrivateFileAtomic(
    firstRunFilePath(dataDir),
    [
      `首次使用：在控制台输入设置码 ${code} 创建考务管理员`,
      `(first run: enter the set-up code ${code} in the console to create the exam admin)`,
      '',
    ].join('\n'),
  );
}

export function removeFirstRunFile(dataDir: string): void {
  rmSync(firstRunFilePath(dataDir), { force: true });
}
