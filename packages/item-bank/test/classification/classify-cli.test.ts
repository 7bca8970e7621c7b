import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { qbank } from '../support/qbank-cli';
import { tempDir } from '../support/fixtures';

const { dir, cleanup } = tempDir();
afterAll(cleanup);

const fixture = (name: string) =>
  fileURLToPath(new URL(`../import-export/fixtures/${name}`, import.meta.url));

interface QueueJson {
  data: { total: number; entries: { itemId: string; suggestions: { path: string }[] }[] };
}

describe('qbank classify', () => {
  it('imports a GIFT bank without codes, lists the queue and files items by code or top suggestion', async () => {
    const bank = join(dir, 'diangong.qbank');
    expect((await qbank('init', bank)).code).toBe(0);
    const standard = fixture('diangong-standard-4.json');
    expect((await qbank('standard', 'import', standard, '--bank', bank)).code).toBe(0);
    const imported = await qbank('import', fixture('diangong-no-codes.gift'), '--bank', bank);
    expect(imported.code).toBe(0);
    const health = await qbank('stats', '--bank', bank);
    expect(health.stdout).toMatch(
      /未分类 12 题（没有鉴定点，不能审核通过或组卷；用 qbank classify queue 归类）/,
    );

    const queue = await qbank('classify', 'queue', '--bank', bank, '--limit', '3', '--json');
    expect(queue.code).toBe(0);
    const { data } = JSON.parse(queue.stdout) as QueueJson;
    expect(data.total).toBe(12);
    expect(data.entries.map((entry) => entry.suggestions[0]?.path)).toEqual([
      'B-A-001',
      'B-B-002',
      'A-B-005',
    ]);
    const human = await qbank('classify', 'queue', '--bank', bank, '--limit', '1');
    expect(human.stdout).toMatch(/未分类 12 题/);
    expect(human.stdout).toMatch(/建议：B-A-001 熔断器的选择与使用（0\.\d+）/);

    const [first, second, third] = data.entries.map((entry) => entry.itemId);
    const byCode = await qbank(
      'classify',
      'assign',
      first ?? '',
      '--bank',
      bank,
      '--point',
      'B-A-001',
      '--actor',
      'zhang',
    );
    expect(byCode.code).toBe(0);
    expect(byCode.stdout).toBe(`${first ?? ''} → B-A-001（第 2 版）`);
    const top = await qbank(
      'classify',
      'assign',
      second ?? '',
      third ?? '',
      '--bank',
      bank,
      '--top',
    );
    expect(top.stdout.split('\n')).toEqual([
      `${second ?? ''} → B-B-002（第 2 版）`,
      `${third ?? ''} → A-B-005（第 2 版）`,
    ]);
    const after = await qbank('classify', 'queue', '--bank', bank, '--json');
    expect((JSON.parse(after.stdout) as QueueJson).data.total).toBe(9);

    const again = await qbank('classify', 'assign', first ?? '', '--bank', bank, '--top');
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/已归入鉴定点 B-A-001，不在未分类池中/);
    const neither = await qbank('classify', 'assign', first ?? '', '--bank', bank);
    expect(neither.code).toBe(2);
    expect(neither.stderr).toMatch(/请指定 --point <鉴定点代码> 或 --top 其中之一/);
    const unknown = await qbank(
      'classify',
      'assign',
      first ?? '',
      '--bank',
      bank,
      '--point',
      'Z-Z-999',
    );
    expect(unknown.stderr).toMatch(/鉴定点 Z-Z-999 不在标准 6-31-01-03:2018 中/);
  });
});
