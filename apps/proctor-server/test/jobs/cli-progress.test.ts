import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ProgressEvent } from '@skillexam/shared';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../src/db/store';
import { seedSession } from '../support/exam-fixture';
import { assertMonotonic, lastOf } from './progress-checks';

/*
 * The long commands on a real process: progress as JSON lines on stderr with --json, nothing
 * on a pipe without it, the final report unchanged on stdout; Ctrl-C cancels an export and
 * leaves no file (exit 130).
 */

const BIN = join(import.meta.dirname, '..', '..', 'bin', 'proctor-server.js');

function dataDir(candidates: number): { root: string; data: string } {
  const root = mkdtempSync(join(tmpdir(), 'cli-progress-'));
  const data = join(root, 'data');
  const store = openStore(data);
  seedSession(store, {
    count: candidates,
    scheduledStart: Date.parse('2026-11-21T09:00:00+08:00'),
  });
  store.close();
  return { root, data };
}

const jsonLines = (text: string): ProgressEvent[] =>
  text
    .split('\n')
    .filter((line) => line.startsWith('{"progress":'))
    .map((line) => (JSON.parse(line) as { progress: ProgressEvent }).progress);

describe('CLI progress', () => {
  it('results export, backup and restore: JSON lines on stderr with --json, silent in a pipe', () => {
    const { root, data } = dataDir(30);
    const exported = spawnSync(
      process.execPath,
      [
        BIN,
        'results',
        'export',
        '--data',
        data,
        '--session',
        'session-1',
        '--out',
        join(root, 'a'),
        '--json',
      ],
      { encoding: 'utf8' },
    );
    expect(exported.status, exported.stderr).toBe(0);
    const report = JSON.parse(exported.stdout) as { candidates: number };
    expect(report.candidates).toBe(30);
    const events = jsonLines(exported.stderr);
    assertMonotonic(events);
    expect(lastOf(events, 'rendering', '考生答卷-session-1.pdf')).toMatchObject({
      done: 30,
      total: 30,
      finished: true,
    });
    const quiet = spawnSync(
      process.execPath,
      [
        BIN,
        'results',
        'export',
        '--data',
        data,
        '--session',
        'session-1',
        '--out',
        join(root, 'b'),
      ],
      { encoding: 'utf8' },
    );
    expect(quiet.status).toBe(0);
    expect(quiet.stderr).toBe('');
    expect(quiet.stdout).toContain('candidates: 30');

    const backups = join(root, 'backups');
    const backup = spawnSync(
      process.execPath,
      [BIN, 'backup', '--data', data, '--to', backups, '--json'],
      {
        encoding: 'utf8',
      },
    );
    expect(backup.status, backup.stderr).toBe(0);
    const { path } = JSON.parse(backup.stdout) as { path: string };
    const pages = lastOf(jsonLines(backup.stderr), 'backing_up');
    expect(pages).toMatchObject({ finished: true });
    expect(pages?.done).toBe(pages?.total);

    const restore = spawnSync(
      process.execPath,
      [BIN, 'restore', path, '--data', data, '--reason', '演练', '--json'],
      {
        encoding: 'utf8',
      },
    );
    expect(restore.status, restore.stderr).toBe(0);
    expect(JSON.parse(restore.stdout)).toMatchObject({ restoredFrom: path });
    expect(jsonLines(restore.stderr).map((e) => e.phase)).toContain('restoring');
  }, 60_000);

  it('Ctrl-C during an export cancels it: exit 130, no files', async () => {
    const { root, data } = dataDir(200);
    const out = join(root, 'out');
    const child = spawn(
      process.execPath,
      [BIN, 'results', 'export', '--data', data, '--session', 'session-1', '--out', out, '--json'],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stderr = '';
    let stdout = '';
    let interrupted = false;
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
      if (interrupted) return; // once: a second Ctrl-C stops the process at once
      if (jsonLines(stderr).some((e) => e.phase === 'rendering' && e.done > 0)) {
        interrupted = true;
        child.kill('SIGINT');
      }
    });
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code, stderr).toBe(130);
    expect(stderr).toContain('已取消');
    expect(stdout).toBe('');
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(root)).toEqual(['data']);
  }, 60_000);
});
