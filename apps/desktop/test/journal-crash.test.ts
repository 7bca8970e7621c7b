import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { AnswerJournal } from '../src/host/exam-agent/answer-journal';

const desktopDir = fileURLToPath(new URL('..', import.meta.url));

/** Runs the writer until it has reported `atLeast` commits, then SIGKILLs it. */
function writeThenKill(path: string, atLeast: number): Promise<number[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'test/fixtures/journal-writer.ts', path, 'att-crash'],
      { cwd: desktopDir, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    const reported: number[] = [];
    let buffer = '';
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      for (const line of lines) reported.push(Number(line));
      if (reported.length >= atLeast && child.exitCode === null) child.kill('SIGKILL');
    });
    child.once('exit', (_code, signal) =>
      signal === 'SIGKILL' ? resolve(reported) : reject(new Error(`writer exited: ${signal}`)),
    );
  });
}

describe('journal.db survives a killed kiosk process', () => {
  it('keeps every event whose commit was reported, across repeated SIGKILLs', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'journal-crash-')), 'journal.db');
    let committed = 0;
    for (const atLeast of [50, 120, 80]) {
      const reported = await writeThenKill(path, atLeast);
      // Each run continues right after what the previous run committed: no gaps, no repeats.
      expect(reported).toEqual(reported.map((_, i) => committed + 1 + i));
      const journal = AnswerJournal.open(path, 'att-crash');
      // Every seq the writer printed was committed before printing, so it must be on disk
      // (one more may be committed but unprinted when the kill landed in between).
      committed = journal.lastSeq();
      expect(committed).toBeGreaterThanOrEqual(Math.max(...reported));
      expect(committed).toBeLessThanOrEqual(Math.max(...reported) + 1);
      expect(journal.pending()).toHaveLength(committed);
      journal.close();
    }
  }, 60_000);
});
