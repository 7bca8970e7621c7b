import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseResponsesCsv } from '@skillexam/item-bank/statistics';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildProgram } from '../src/cli/program';
import { exitCodeOf } from '../src/cli/cli-io';
import { insertExam } from '../src/exams/insert-exam';
import { openStore } from '../src/db/store';
import { fixturePaper, idNumber } from './support/exam-fixture';

const BIN = join(import.meta.dirname, '..', 'bin', 'proctor-server.js');

/** Runs the command tree in-process and returns what it printed (JSON parsed when --json). */
async function run(...args: string[]): Promise<unknown> {
  const lines: string[] = [];
  const spy = vi.spyOn(console, 'log').mockImplementation((...parts: unknown[]) => {
    lines.push(parts.map(String).join(' '));
  });
  try {
    await (await buildProgram()).parseAsync(['node', 'proctor-server', ...args]);
  } finally {
    spy.mockRestore();
  }
  const text = lines.join('\n');
  return args.includes('--json') ? (JSON.parse(text) as unknown) : text;
}

afterEach(() => {
  process.exitCode = undefined;
});

describe('proctor-server CLI', () => {
  it('sets up a session from the command line and exports its results', async () => {
    const root = mkdtempSync(join(tmpdir(), 'proctor-cli-'));
    const data = join(root, 'data');
    const store = openStore(data);
    const { paper, keys } = fixturePaper('exam-cli');
    insertExam(
      store.db,
      store.audit,
      { id: 'exam-cli', title: paper.title, manifest: {}, candidatePaper: paper, answerKey: keys },
      'test',
      Date.now(),
    );
    store.close();

    await run(
      'session',
      'create',
      's1',
      '--data',
      data,
      '--exam',
      'exam-cli',
      '--name',
      '电工四级理论',
      '--start',
      '2026-12-01T09:00:00+08:00',
      '--duration',
      '90',
      '--room',
      'r1:第一考场:40',
      '--check-in-at',
      '2026-12-01T08:30:00+08:00',
      '--occupation-name',
      '电工',
    );
    const csv = join(root, '考生名单.csv');
    writeFileSync(
      csv,
      `准考证号,姓名,身份证号,考场,座位号\nT0001,张三,${idNumber(1)},第一考场,1\nT0002,李四,${idNumber(2)},r1,2\n`,
    );
    const slips = join(root, 'slips.pdf');
    const imported = (await run(
      'roster',
      'import',
      csv,
      '--data',
      data,
      '--session',
      's1',
      '--slips',
      slips,
      '--json',
    )) as { imported: number; candidates: { examCode: string }[] };
    expect(imported.imported).toBe(2);
    expect(imported.candidates[0]!.examCode).toMatch(/^[2-9A-HJKMNP-Z]{8}$/);
    expect(existsSync(slips)).toBe(true);

    // a bad roster is rejected whole, with the row and the field
    const bad = join(root, 'bad.csv');
    writeFileSync(
      bad,
      `准考证号,姓名,身份证号,考场,座位号\nT0003,王五,110105199001010011,第一考场,3\nT0004,赵六,${idNumber(4)},第九考场,4\n`,
    );
    await expect(run('roster', 'import', bad, '--data', data, '--session', 's1')).rejects.toThrow(
      /第 2 行 身份证号/,
    );
    // …and the room it names (第九考场, created automatically by a good roster) is not created
    const check = openStore(data);
    const rooms = check.db.prepare('SELECT name FROM rooms ORDER BY name').all();
    const settings = check.db
      .prepare('SELECT auto_check_in_at, occupation_name FROM sessions')
      .get();
    check.close();
    expect(rooms).toEqual([{ name: '第一考场' }]);
    expect(settings).toEqual({
      auto_check_in_at: Date.parse('2026-12-01T08:30:00+08:00'),
      occupation_name: '电工',
    });

    const out = join(root, 'out');
    const files = (await run(
      'results',
      'export',
      '--data',
      data,
      '--session',
      's1',
      '--out',
      out,
      '--json',
    )) as Record<string, unknown>;
    expect(files['candidates']).toBe(2);
    expect(readdirSync(out).sort()).toEqual([
      'item-analysis-s1.json',
      'responses-s1.csv',
      'results-s1.json',
      '成绩汇总表-s1.xlsx',
      '考场情况记录-s1.pdf',
      '考生答卷-s1.pdf',
    ]);
    // The statistics export is the response file the bank reads (qbank analyze / stats import);
    // nobody sat this session, so it has the paper's items and no candidate rows.
    const responses = readFileSync(String(files['responses']), 'utf8').split('\r\n');
    expect(responses[0]).toMatch(/^\ufeff考生,/);
    expect(responses.slice(1, 4).map((line) => line.split(',')[0])).toEqual([
      '#答案',
      '#满分',
      '#选项',
    ]);
    // …naming its administration, so the bank imports it once (qbank stats import)
    expect(responses.slice(4, 7).map((line) => line.split(',').slice(0, 2).join(','))).toEqual([
      expect.stringMatching(/^#考试,.+/),
      '#场次,s1',
      expect.stringMatching(/^#日期,\d{4}-\d{2}-\d{2}$/),
    ]);
    const analysis = JSON.parse(readFileSync(String(files['itemStatistics']), 'utf8')) as {
      scoring: unknown;
    };
    expect(analysis.scoring).toEqual({
      multipleChoiceScoring: 'all_or_nothing',
      groupFraction: 0.27,
    });
    expect(parseResponsesCsv(Buffer.from(responses.join('\r\n')), { fileName: 'r.csv' })).toEqual({
      ok: false,
      issues: [{ file: 'r.csv', row: 2, reason: '文件中没有考生作答行' }],
    });

    const verified = (await run('audit', 'verify', '--data', data, '--json')) as {
      ok: boolean;
      records: number;
    };
    expect(verified).toMatchObject({ ok: true });
    expect(verified.records).toBeGreaterThanOrEqual(3);
  });

  it('exits 2 on invalid input and 1 when the audit chain is broken', async () => {
    const root = mkdtempSync(join(tmpdir(), 'proctor-cli-'));
    const data = join(root, 'data');
    const bad = spawnSync(
      process.execPath,
      [BIN, 'user', 'add', 'x', '--role', 'root', '--data', data],
      { input: '', encoding: 'utf8' },
    );
    expect(bad.status).toBe(2);
    expect(exitCodeOf(new Error('disk'))).toBe(1);

    openStore(data).close();
    const store = openStore(data);
    store.db
      .prepare("INSERT INTO audit_log VALUES (1, 1, 'x', 'y', '{}', 'nope', 'nope', 'nope')")
      .run();
    store.close();
    const verified = (await run('audit', 'verify', '--data', data, '--json')) as { ok: boolean };
    expect(verified.ok).toBe(false);
    expect(process.exitCode).toBe(1);
  }, 30_000);
});
