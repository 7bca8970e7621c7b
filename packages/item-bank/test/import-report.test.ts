import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { qbank } from './support/qbank-cli';
import { importItems } from '../src/imports/import-items';
import { formatIssue, type ImportReport } from '../src/imports/import-report';
import { electricianStandardJson, memoryBank, tempDir } from './support/fixtures';

/*
 * What an import reports (docs/decisions/0633, 0634): each place once, the dry run's counts equal
 * the real import's, and `--valid-only` is only suggested when it would import something.
 */

const FILE = 'diangong-duplicates.csv';
const fixture = readFileSync(new URL(`./import-export/fixtures/${FILE}`, import.meta.url));
const { dir, cleanup } = tempDir();
afterAll(cleanup);

function counts(report: ImportReport) {
  const { committed, dryRun, importedIds, nearDuplicates, issues, ...rest } = report;
  expect(typeof committed === 'boolean' && typeof dryRun === 'boolean').toBe(true);
  return {
    ...rest,
    importedIds: importedIds.length,
    nearDuplicates: nearDuplicates.map((d) => [d.ref, d.kind, d.similarity]),
    issues: issues.map(formatIssue),
  };
}

describe('import reports', () => {
  it('name the file and row once per issue', async () => {
    const report = await importItems(memoryBank(), new Uint8Array(fixture), {
      fileName: FILE,
      actor: 'admin',
    });
    const lines = report.issues.map(formatIssue);
    expect(lines).toContain(
      `错误: ${FILE} 第24行「鉴定点代码」: 鉴定点代码 Z-Z-999 不在题库的标准中`,
    );
    for (const line of lines) {
      expect(line.split(FILE)).toHaveLength(2);
      expect(line.match(/第\d+行/g)?.length ?? 0).toBeLessThanOrEqual(3);
      expect(line).not.toMatch(/(第\d+行) \1/);
    }
    expect(
      formatIssue({
        file: 'q.gift',
        item: 'q.gift 第7行（Q3）',
        field: '答案',
        reason: '部分得分无法表示',
        severity: 'error',
      }),
    ).toBe('错误: q.gift 第7行（Q3）「答案」: 部分得分无法表示');
  });

  it('a dry run reports exactly the counts of the real import, with and without validOnly', async () => {
    for (const validOnly of [false, true]) {
      const dryBank = memoryBank();
      const realBank = memoryBank();
      const options = { fileName: FILE, actor: 'admin', validOnly };
      const dry = await importItems(dryBank, new Uint8Array(fixture), { ...options, dryRun: true });
      const real = await importItems(realBank, new Uint8Array(fixture), options);
      expect(counts(dry)).toEqual(counts(real));
      expect(dry).toMatchObject({ dryRun: true, committed: false });
      expect(real.committed).toBe(validOnly);
      expect(dry.valid).toBe(16);
      expect(dry.imported).toBe(validOnly ? 16 : 0);
    }
  });

  it('the CLI dry run exits and counts like the real import; --valid-only only when it helps', async () => {
    const bank = join(dir, 'report.qbank');
    expect((await qbank('init', bank)).code).toBe(0);
    writeFileSync(join(dir, 'std.json'), JSON.stringify(electricianStandardJson()));
    expect((await qbank('standard', 'import', join(dir, 'std.json'), '--bank', bank)).code).toBe(0);
    const file = join(dir, FILE);
    writeFileSync(file, fixture);

    const dry = await qbank('import', file, '--bank', bank, '--dry-run');
    expect(dry.code).toBe(2);
    expect(dry.stderr.split('\n')[0]).toBe(
      '试运行（未写入）：导入将被拒绝，6 题有错误（共 24）；其余 16 题合格：可修正后重试，或用 --valid-only 只导入这 16 题',
    );
    const refused = await qbank('import', file, '--bank', bank);
    expect(refused.code).toBe(2);
    expect(refused.stderr.split('\n')[0]).toBe(
      '导入被拒绝，题库未做任何修改：6 题有错误（共 24）；其余 16 题合格：可修正后重试，或用 --valid-only 只导入这 16 题',
    );
    expect(refused.stderr.split('\n').slice(1)).toEqual(dry.stderr.split('\n').slice(1));

    const dryValid = await qbank('import', file, '--bank', bank, '--dry-run', '--valid-only');
    expect(dryValid.code).toBe(0);
    expect(dryValid.stdout.split('\n')[0]).toBe(
      '试运行（未写入）：将导入 16 题，新版本 0，已存在 0，重复已跳过 2，有问题 6（共 24）',
    );
    const real = await qbank('import', file, '--bank', bank, '--valid-only');
    expect(real.code).toBe(0);
    expect(real.stdout.split('\n')[0]).toBe(
      '已导入 16 题，新版本 0，已存在 0，重复已跳过 2，有问题 6（共 24）',
    );

    const nothingValid = join(dir, 'nothing-valid.csv');
    writeFileSync(
      nothingValid,
      '题型,题干,选项A,选项B,答案,鉴定点代码\r\n单选,电缆的颜色标志中，黄绿双色线表示（ ）。,保护接地线,中性线,C,B-A-001\r\n',
    );
    const none = await qbank('import', nothingValid, '--bank', bank);
    expect(none.code).toBe(2);
    expect(none.stderr).not.toMatch(/--valid-only/);
    expect(none.stderr.split('\n')[0]).toBe(
      '导入被拒绝，题库未做任何修改：1 题有错误（共 1），没有可导入的试题；请修正后重试',
    );
  });
});
