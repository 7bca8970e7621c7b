import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { benchItemsCsv, benchStandard } from '../bench/synthetic-bank';
import type { CliIo } from '../src/cli/process-io';
import { runCli } from '../src/cli/run-cli';
import { openBank } from '../src/db/open-bank';
import { tempDir } from './support/fixtures';

/*
 * `qbank` progress (docs/decisions/0940): a bar on a terminal, nothing in a pipe, JSON lines on
 * stderr with --json, the report on stdout unchanged; Ctrl-C cancels through the operation's
 * AbortSignal, exits 130 and leaves the bank as it was (docs/decisions/0943).
 */

const BIN = fileURLToPath(new URL('../bin/qbank.js', import.meta.url));
const { dir, cleanup } = tempDir();
afterAll(cleanup);

const STANDARD = benchStandard();
const bank = join(dir, 'progress.qbank');
const small = join(dir, 'small.csv');
const mid = join(dir, 'mid.csv');
const big = join(dir, 'big.csv');

interface Captured {
  code: number;
  stdout: string;
  stderr: string;
  progress: string;
}

/** The real CLI in process, with a progress stream that is a terminal or a pipe. */
async function qbank(
  args: string[],
  stream?: { isTTY: boolean; onWrite?: (text: string) => void },
): Promise<Captured> {
  const out: string[] = [];
  const err: string[] = [];
  let progress = '';
  const io: CliIo = {
    out: (text) => out.push(text),
    err: (text) => err.push(text),
    ...(stream === undefined
      ? {}
      : {
          progress: {
            isTTY: stream.isTTY,
            columns: 120,
            write: (text: string) => {
              progress += text;
              stream.onWrite?.(text);
              return true;
            },
          },
        }),
  };
  const code = await runCli(args, io);
  return { code, stdout: out.join('\n'), stderr: err.join('\n'), progress };
}

function itemCount(): number {
  const opened = openBank(bank);
  try {
    return (opened.db.prepare('SELECT count(*) AS n FROM items').get() as { n: number }).n;
  } finally {
    opened.close();
  }
}

interface ProgressLine {
  progress: { phase: string; label?: string; done: number; total?: number; finished?: boolean };
}

function progressLines(text: string): ProgressLine[] {
  return text
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as ProgressLine);
}

beforeAll(async () => {
  expect((await qbank(['init', bank])).code).toBe(0);
  writeFileSync(join(dir, 'std.json'), JSON.stringify(STANDARD.json));
  expect((await qbank(['standard', 'import', join(dir, 'std.json'), '--bank', bank])).code).toBe(0);
  writeFileSync(small, benchItemsCsv(1500, STANDARD.pointCodes, 3));
  writeFileSync(mid, benchItemsCsv(3000, STANDARD.pointCodes, 4));
  writeFileSync(big, benchItemsCsv(20_000, STANDARD.pointCodes, 6));
  expect((await qbank(['import', small, '--bank', bank])).code).toBe(0);
});

describe('qbank progress', { timeout: 600_000 }, () => {
  const dryRun = ['import', mid, '--bank', bank, '--dry-run'];

  it('prints nothing into a pipe and the same report as without a progress stream', async () => {
    const plain = await qbank(dryRun);
    const piped = await qbank(dryRun, { isTTY: false });
    expect(piped.code).toBe(0);
    expect(piped.progress).toBe('');
    expect(piped.stdout).toBe(plain.stdout);
    expect(piped.stdout).toMatch(/^试运行（未写入）：将导入 3000 题/);
  });

  it('--json: JSON progress lines on stderr, the JSON report on stdout unchanged', async () => {
    const plain = await qbank([...dryRun, '--json']);
    const json = await qbank([...dryRun, '--json'], { isTTY: false });
    expect(json.code).toBe(0);
    // The same report; a dry run's item ids are fresh each time.
    const report = (text: string) => {
      const { data } = JSON.parse(text) as { data: { importedIds: string[] } };
      return { ...data, importedIds: data.importedIds.length };
    };
    expect(report(json.stdout)).toEqual(report(plain.stdout));
    const lines = progressLines(json.progress);
    const checking = lines.filter((line) => line.progress.phase === 'checking');
    expect(checking.length).toBeGreaterThan(1);
    const last = checking.at(-1)?.progress;
    expect(last).toMatchObject({ finished: true, label: mid });
    expect(last?.done).toBe(last?.total);
    const dones = checking.map((line) => line.progress.done);
    expect(dones).toEqual([...dones].sort((a, b) => a - b));
    const indexing = lines.filter((line) => line.progress.phase === 'indexing').at(-1)?.progress;
    expect(indexing).toMatchObject({ done: 3000, total: 3000, finished: true });
  });

  it('draws a bar on a terminal, the human report on stdout unchanged', async () => {
    const plain = await qbank(dryRun);
    const tty = await qbank(dryRun, { isTTY: true });
    expect(tty.code).toBe(0);
    expect(tty.stdout).toBe(plain.stdout);
    expect(tty.progress).toContain(`检查 ${mid}`);
    expect(tty.progress).toContain('100%');
    expect(tty.progress).toContain('建立索引');
    expect(tty.progress).toContain('3,000 / 3,000 题');
  });

  it('Ctrl-C cancels the import: exit 130, 已取消, nothing written', async () => {
    const before = itemCount();
    let sent = false;
    const interrupt = (text: string) => {
      // SIGINT to this process, once the import is a quarter through: the CLI's handler turns
      // it into the operation's abort (no other SIGINT listener exists in a test worker).
      for (const line of text.split('\n').filter((l) => l.startsWith('{'))) {
        const { progress } = JSON.parse(line) as ProgressLine;
        if (!sent && progress.phase === 'writing' && progress.done >= (progress.total ?? 0) / 4) {
          sent = true;
          process.kill(process.pid, 'SIGINT');
        }
      }
    };
    const cancelled = await qbank(['import', big, '--bank', bank, '--json'], {
      isTTY: false,
      onWrite: interrupt,
    });
    expect(sent).toBe(true);
    expect(cancelled.code).toBe(130);
    expect(JSON.parse(cancelled.stdout)).toEqual({
      ok: false,
      error: {
        code: 'CANCELLED',
        message: '已取消，未写入任何内容 (cancelled; nothing was written)',
      },
    });
    expect(itemCount()).toBe(before);
    expect(process.listenerCount('SIGINT')).toBe(0);

    // Without --json the message goes to stderr; the same file then imports in full.
    let sentPlain = false;
    const plain = await qbank(['import', big, '--bank', bank], {
      isTTY: true,
      onWrite: (text) => {
        // Once the bar shows the writing phase; the import sees the abort at its next pause.
        if (sentPlain || !text.includes(`写入 ${big}`)) return;
        sentPlain = true;
        process.kill(process.pid, 'SIGINT');
      },
    });
    expect(sentPlain).toBe(true);
    expect(plain.code).toBe(130);
    expect(plain.stderr).toContain('已取消，未写入任何内容');
    expect(plain.stdout).toBe('');
    expect(itemCount()).toBe(before);
    expect((await qbank(['import', big, '--bank', bank])).code).toBe(0);
    expect(itemCount()).toBe(before + 20_000);
  });
});

describe('qbank progress of the other long commands', { timeout: 120_000 }, () => {
  it('standard import and analyze report their phases as JSON lines', async () => {
    const fresh = join(dir, 'fresh.qbank');
    expect((await qbank(['init', fresh])).code).toBe(0);
    const standard = await qbank(
      ['standard', 'import', join(dir, 'std.json'), '--bank', fresh, '--json'],
      { isTTY: false },
    );
    expect(standard.code).toBe(0);
    const finished = progressLines(standard.progress)
      .map((line) => line.progress)
      .filter((event) => event.finished === true);
    expect(finished.map((event) => event.phase)).toEqual(['reading', 'writing']);
    expect(finished[0]?.done).toBe(finished[0]?.total);

    const responses = join(dir, 'responses.csv');
    const rows = Array.from({ length: 30 }, (_, c) => `C${c},${c % 3 === 0 ? 'B' : 'A'},A`);
    writeFileSync(responses, ['准考证号,Q1,Q2', '#答案,A,A', ...rows].join('\n'));
    const analyze = await qbank(['analyze', responses, '--json'], { isTTY: false });
    expect(analyze.code).toBe(0);
    expect(JSON.parse(analyze.stdout)).toMatchObject({ ok: true });
    expect(
      progressLines(analyze.progress)
        .map((line) => line.progress)
        .filter((event) => event.finished === true),
    ).toEqual([
      { phase: 'reading', label: responses, unit: 'rows', done: 30, finished: true },
      { phase: 'analysing', label: responses, done: 2, total: 2, finished: true },
    ]);
  });
});

describe('the qbank binary on Ctrl-C', { timeout: 600_000 }, () => {
  it('exits 130 with a CANCELLED report and writes nothing', async () => {
    const file = join(dir, 'bin.csv');
    writeFileSync(file, benchItemsCsv(20_000, STANDARD.pointCodes, 21));
    const before = itemCount();
    const child = spawn(process.execPath, [BIN, 'import', file, '--bank', bank, '--json'], {
      cwd: dir,
    });
    let stdout = '';
    let buffered = '';
    let sent = false;
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => {
      buffered += chunk.toString('utf8');
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) {
        const { progress } = JSON.parse(line) as ProgressLine;
        if (!sent && progress.phase === 'writing' && progress.done >= (progress.total ?? 0) / 4) {
          sent = true;
          child.kill('SIGINT');
        }
      }
    });
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(sent).toBe(true);
    expect(code).toBe(130);
    expect(JSON.parse(stdout)).toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
    expect(itemCount()).toBe(before);
  });
});
