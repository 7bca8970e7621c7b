import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../src/cli/run-cli';
import { electricianStandardJson, tempDir } from './support/fixtures';

/*
 * `qbank import … | head -1`: the real binary in a child process whose stdout reader goes away
 * after the first chunk. The report is far larger than a pipe buffer (64 KiB), so the write
 * fails with EPIPE; qbank must end quietly with its own exit code and no stack trace.
 */

const BIN = fileURLToPath(new URL('../bin/qbank.js', import.meta.url));
const FIXTURE = new URL('./import-export/fixtures/diangong-duplicates.csv', import.meta.url);
const { dir, cleanup } = tempDir();
afterAll(cleanup);

const quiet = { out: () => undefined, err: () => undefined };

function runUntilFirstChunk(args: string[]) {
  return new Promise<{ code: number | null; stderr: string; firstChunk: string }>((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: dir });
    let stderr = '';
    let firstChunk = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.stdout.once('data', (chunk: Buffer) => {
      firstChunk = chunk.toString('utf8');
      child.stdout.destroy();
    });
    child.on('close', (code) => resolve({ code, stderr, firstChunk }));
  });
}

describe('qbank writing into a pipe that closes early', () => {
  it('ends quietly, without an EPIPE stack trace', { timeout: 90_000 }, async () => {
    const bank = join(dir, 'pipe.qbank');
    expect(await runCli(['init', bank], quiet)).toBe(0);
    writeFileSync(join(dir, 'std.json'), JSON.stringify(electricianStandardJson()));
    expect(await runCli(['standard', 'import', join(dir, 'std.json'), '--bank', bank], quiet)).toBe(
      0,
    );
    // 40 copies of a 24-question 电工 bank: ~900 warning lines of copies, errors and conflicts.
    const [header, ...rows] = readFileSync(FIXTURE, 'utf8').trimEnd().split('\r\n');
    const big = [header, ...Array.from({ length: 40 }, () => rows).flat()].join('\r\n');
    writeFileSync(join(dir, 'big.csv'), big);

    for (const json of [true, false]) {
      const result = await runUntilFirstChunk([
        'import',
        'big.csv',
        '--bank',
        bank,
        '--dry-run',
        '--valid-only',
        ...(json ? ['--json'] : []),
      ]);
      expect(result.stderr).not.toMatch(/EPIPE|内部错误|\n\s+at /);
      expect(result.firstChunk).toMatch(json ? /^\{/ : /^试运行（未写入）：将导入 16 题/);
      // With --json, stderr carries progress as JSON lines (docs/decisions/0940), nothing else.
      const other = result.stderr
        .split('\n')
        .filter((line) => line !== '' && !(json && line.startsWith('{"progress":')));
      expect(other).toEqual([]);
      if (json) expect(result.stderr).toContain('{"progress":{"phase":"checking"');
      expect(result.code).toBe(0);
    }
  });
});
