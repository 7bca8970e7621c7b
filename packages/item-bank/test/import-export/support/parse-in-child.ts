import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FileIssue } from '../../../src/import-export/item-file-types';

/*
 * Parses a hostile file in a child process with a small heap and a time bound, so a parse that
 * would exhaust memory or never end fails the test instead of taking the test runner down.
 */

const CHILD = fileURLToPath(new URL('./parse-file-child.ts', import.meta.url));
const PACKAGE_DIR = fileURLToPath(new URL('../../..', import.meta.url));

export interface ChildParse {
  /** Exit status (null when killed by the time bound or a signal). */
  status: number | null;
  result?: { items: number; issues: FileIssue[] };
  stderr: string;
}

export function parseInChild(
  bytes: Uint8Array,
  fileName: string,
  format?: 'xlsx' | 'qti' | 'moodle',
): ChildParse {
  const dir = mkdtempSync(join(tmpdir(), 'hostile-'));
  try {
    const path = join(dir, fileName);
    writeFileSync(path, bytes);
    const run = spawnSync(
      process.execPath,
      [
        '--max-old-space-size=256',
        '--import',
        'tsx',
        CHILD,
        path,
        fileName,
        ...(format ? [format] : []),
      ],
      { cwd: PACKAGE_DIR, encoding: 'utf8', timeout: 60_000, maxBuffer: 16 * 1024 * 1024 },
    );
    const parsed = run.status === 0 ? (JSON.parse(run.stdout) as ChildParse['result']) : undefined;
    return {
      status: run.status,
      ...(parsed ? { result: parsed } : {}),
      stderr: run.stderr.slice(-2000),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
