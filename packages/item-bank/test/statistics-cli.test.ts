import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { qbank } from './support/qbank-cli';
import { electricianStandardJson, tempDir } from './support/fixtures';

const { dir, cleanup } = tempDir();
afterAll(cleanup);

const ITEMS = [
  '题型,题干,选项A,选项B,选项C,选项D,答案,鉴定点代码',
  '单选,我国工频交流电的频率为（　）。,50 Hz,60 Hz,100 Hz,220 Hz,A,B-A-001',
  '单选,测量绝缘电阻应使用（　）。,兆欧表,万用表,钳形电流表,直流电桥,A,B-A-002',
  '判断,熔断器在低压电路中主要起短路保护作用。,,,,,√,B-A-001',
  '判断,万用表可以在电路带电时测量电阻。,,,,,×,B-A-002',
].join('\n');

describe('qbank analyze and stats import (item statistics back into the bank)', () => {
  const bank = join(dir, 'stats.qbank');
  let ids: string[] = [];

  it('analyses a response file and writes the statistics back; flags show in the health report', async () => {
    expect((await qbank('init', bank)).code).toBe(0);
    writeFileSync(join(dir, 'std.json'), JSON.stringify(electricianStandardJson()));
    expect((await qbank('standard', 'import', join(dir, 'std.json'), '--bank', bank)).code).toBe(0);
    writeFileSync(join(dir, 'items.csv'), ITEMS);
    const imported = await qbank('import', join(dir, 'items.csv'), '--bank', bank, '--json');
    expect(imported.code).toBe(0);
    ids = (JSON.parse(imported.stdout) as { data: { importedIds: string[] } }).data.importedIds;
    expect(ids).toHaveLength(4);

    // 10 candidates. Item 1: everyone right (too easy). Item 2: one right (too hard).
    // Items 3–4 follow the total, so they discriminate.
    const rows = Array.from({ length: 10 }, (_, c) => {
      const strong = c >= 5;
      return [
        `2026${String(c + 1).padStart(6, '0')}`,
        1,
        c === 9 ? 1 : 0,
        strong ? 1 : 0,
        strong || c === 4 ? 1 : 0,
      ].join(',');
    });
    const responses = join(dir, 'responses.csv');
    writeFileSync(responses, [`准考证号,${ids.join(',')}`, ...rows].join('\n'));

    const analysis = await qbank(
      'analyze',
      responses,
      '--out',
      join(dir, 'analysis.xlsx'),
      '--json',
    );
    expect(analysis.code).toBe(0);
    const data = (
      JSON.parse(analysis.stdout) as {
        data: { items: { itemId: string; facility: number; flags: { code: string }[] }[] };
      }
    ).data;
    expect(data.items.map((i) => i.facility)).toEqual([1, 0.1, 0.5, 0.6]);
    expect(data.items[0]?.flags.map((f) => f.code)).toContain('facility_high');
    expect(data.items[1]?.flags.map((f) => f.code)).toContain('facility_low');

    const human = await qbank('analyze', responses);
    expect(human.stdout).toMatch(/考生 10 人，试题 4 道/);
    expect(human.stdout).toMatch(/过于容易/);

    const imports = await qbank('stats', 'import', responses, '--bank', bank, '--json');
    expect(imports.code).toBe(0);
    expect((JSON.parse(imports.stdout) as { data: { updated: number } }).data.updated).toBe(4);

    const health = await qbank('stats', '--bank', bank, '--json');
    const report = (JSON.parse(health.stdout) as { data: { statisticsFlags: { id: string }[] } })
      .data;
    expect(report.statisticsFlags.map((f) => f.id).sort()).toEqual([ids[0], ids[1]].sort());
  });

  it('refuses a response file with columns that are not items of the bank, writing nothing', async () => {
    const responses = join(dir, 'foreign.csv');
    writeFileSync(responses, ['准考证号,NOT-AN-ITEM', '2026000001,1', '2026000002,0'].join('\n'));
    const result = await qbank('stats', 'import', responses, '--bank', bank);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/NOT-AN-ITEM/);
  });

  it('names the row and column of a bad cell and exits 2', async () => {
    const responses = join(dir, 'bad.csv');
    writeFileSync(responses, ['准考证号,Q1', '2026000001,1', '2026000002,很好'].join('\n'));
    const result = await qbank('analyze', responses);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/第 3 行/);
  });
});
