import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { bankContentHash } from '../src/db/content-hash';
import { openBank } from '../src/db/open-bank';
import { runCli } from '../src/cli/run-cli';
import { electricianStandardJson, tempDir } from './support/fixtures';

const { dir, cleanup } = tempDir();
afterAll(cleanup);

/** Runs the real command tree in-process (the spawned binary is covered by cli-process.test.ts). */
async function qbank(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const resolved = args.map((arg) =>
    /\.(csv|json|xlsx)$/.test(arg) && !arg.includes('/') ? join(dir, arg) : arg,
  );
  const code = await runCli(resolved, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

function json<T>(stdout: string): T {
  return JSON.parse(stdout) as T;
}

function contentHash(path: string): string {
  const bank = openBank(path);
  try {
    return bankContentHash(bank.db);
  } finally {
    bank.close();
  }
}

const HEADERLESS = [
  '1,电缆敷设时最小弯曲半径由什么决定？,电缆外径,电缆长度,环境温度,敷设人数,A,B-A-001',
  '2,接地线应采用多股软铜线吗？,应该,不应该,无所谓,视情况,A,B-A-002',
].join('\n');

describe('qbank commands', () => {
  const bank = join(dir, 'test.qbank');

  it('init, standard import and import with a column mapping; every command speaks JSON', async () => {
    expect((await qbank('init', bank, '--json')).code).toBe(0);
    expect((await qbank('init', bank)).code).toBe(2);
    writeFileSync(join(dir, 'std.json'), JSON.stringify(electricianStandardJson()));
    const standard = await qbank('standard', 'import', 'std.json', '--bank', bank, '--json');
    expect(standard.code).toBe(0);
    expect(
      json<{ data: { standard: { pointCount: number } } }>(standard.stdout).data.standard
        .pointCount,
    ).toBe(5);

    writeFileSync(join(dir, 'headerless.csv'), HEADERLESS);
    const map = '题干=B,选项A=C,选项B=D,选项C=E,选项D=F,答案=G,鉴定点代码=H';
    const dry = await qbank(
      'import',
      'headerless.csv',
      '--bank',
      bank,
      '--map',
      map,
      '--format',
      'csv',
      '--dry-run',
      '--json',
    );
    expect(dry.code).toBe(0);
    expect(json<{ data: { imported: number; committed: boolean } }>(dry.stdout).data).toMatchObject(
      { imported: 2, committed: false },
    );
    const real = await qbank(
      'import',
      'headerless.csv',
      '--bank',
      bank,
      '--map',
      map,
      '--format',
      'csv',
      '--actor',
      'tester',
      '--json',
    );
    expect(real.code).toBe(0);
    expect(json<{ data: { importedIds: string[] } }>(real.stdout).data.importedIds).toHaveLength(2);
  });

  it('a refused import exits 2, prints every rejected row and leaves the bank unchanged', async () => {
    const before = contentHash(bank);
    writeFileSync(
      join(dir, 'bad.csv'),
      '题型,题干,选项A,选项B,答案,鉴定点代码\n单选,题一的题干内容,甲,乙,C,B-A-001\n判断,题二的题干内容。,,,√,Q-Q-001\n',
    );
    const result = await qbank('import', 'bad.csv', '--bank', bank);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/导入被拒绝，题库未做任何修改/);
    expect(result.stderr).toMatch(/第2行/);
    expect(result.stderr).toMatch(/第3行.*Q-Q-001/);
    expect(contentHash(bank)).toBe(before);
  });

  it('search finds two-character queries; review enforces the four-eyes rule; item show has a history', async () => {
    const search = await qbank('search', '电缆', '--bank', bank, '--json');
    expect(search.code).toBe(0);
    const page = json<{ data: { total: number; hits: { id: string }[] } }>(search.stdout).data;
    expect(page.total).toBe(1);
    const id = page.hits[0]!.id;
    expect((await qbank('review', 'submit', id, '--bank', bank, '--actor', 'tester')).code).toBe(0);
    const own = await qbank('review', 'approve', id, '--bank', bank, '--actor', 'tester', '--json');
    expect(own.code).toBe(2);
    expect(json<{ error: { code: string; message: string } }>(own.stdout).error).toMatchObject({
      code: 'FORBIDDEN',
    });
    expect((await qbank('review', 'approve', id, '--bank', bank, '--actor', 'reviewer')).code).toBe(
      0,
    );
    const show = await qbank('item', 'show', id, '--bank', bank);
    expect(show.code).toBe(0);
    expect(show.stdout).toMatch(/in_review → approved {2}reviewer/);
  });

  it('stats, duplicates and export work on the bank; bad input and missing banks exit 2', async () => {
    const stats = await qbank('stats', '--bank', bank, '--json');
    expect(stats.code).toBe(0);
    expect(json<{ data: { totalItems: number } }>(stats.stdout).data.totalItems).toBe(2);
    expect((await qbank('duplicates', '--bank', bank, '--json')).code).toBe(0);
    const out = join(dir, 'out.bankpkg');
    expect((await qbank('export', '--bank', bank, '--format', 'bankpkg', '--out', out)).code).toBe(
      0,
    );
    expect(readFileSync(out).subarray(0, 2).toString()).toBe('PK');
    expect((await qbank('search', '电缆', '--bank', join(dir, 'missing.qbank'))).code).toBe(2);
    expect((await qbank('search', '电缆', '--bank', bank, '--level', '9')).code).toBe(2);
    expect((await qbank('review', 'bless', 'x', '--bank', bank)).code).toBe(2);
    expect((await qbank('--help')).code).toBe(0);
  });
});
