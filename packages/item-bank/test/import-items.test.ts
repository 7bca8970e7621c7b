import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { bankContentHash } from '../src/db/content-hash';
import { createItem } from '../src/items/item-service';
import { exportItems } from '../src/imports/export-items';
import { importItems } from '../src/imports/import-items';
import { reviewItem } from '../src/review/review-service';
import { searchItems } from '../src/search/search-items';
import { memoryBank, pointId, STANDARD_ID, trueFalse } from './support/fixtures';

const HEADER = '题型,题干,选项A,选项B,选项C,选项D,答案,解析,鉴定点代码,难度';
const ROWS = [
  '单选,电缆敷设时最小弯曲半径由什么决定？,电缆外径,电缆长度,环境温度,敷设人数,A,与外径成倍数,B-A-001,3',
  '判断,接地装置的接地电阻应定期测量。,,,,,√,,B-A-002,2',
  '单选,电工作业人员必须持证上岗吗？,必须,不必,视情况,无规定,A,,A-B-002,1',
];
const text = (value: string) => new TextEncoder().encode(value);
const csv = (...rows: string[]) => new TextEncoder().encode([HEADER, ...rows].join('\r\n'));

describe('importing items', () => {
  it('imports a clean CSV in one transaction and makes the items searchable', async () => {
    const bank = memoryBank();
    const report = await importItems(bank, csv(...ROWS), { fileName: 'items.csv', actor: 'admin' });
    expect(report).toMatchObject({
      committed: true,
      total: 3,
      imported: 3,
      skipped: 0,
      format: 'csv',
    });
    expect(report.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(searchItems(bank.search, '接地').total).toBe(1);
    expect(searchItems(bank.search, '弯曲半径').hits[0]?.pointPath).toBe('B-A-001');
    const item = bank.items.getItem(report.importedIds[0]!);
    expect(item).toMatchObject({ type: 'single_choice', key: 'A', level: 5, difficulty: 3 });
  });

  it('reads GBK-encoded CSV saved by Chinese Excel', async () => {
    const bank = memoryBank();
    const gbk = new Uint8Array(iconv.encode([HEADER, ...ROWS].join('\r\n'), 'gbk'));
    const report = await importItems(bank, gbk, { fileName: 'gbk.csv', actor: 'admin' });
    expect(report.imported).toBe(3);
    expect(searchItems(bank.search, '电缆').total).toBe(1);
  });

  it('refuses the whole file when one row is bad, listing the row, and changes nothing', async () => {
    const bank = memoryBank();
    const before = bankContentHash(bank.db);
    const bad = [
      ...ROWS,
      '单选,钥匙不在选项中的题,甲,乙,丙,丁,F,,B-A-001,3',
      '判断,鉴定点不存在的题。,,,,,√,,Z-Z-999,3',
      '判断,没有鉴定点的题（进未分类池，不是错误）。,,,,,×,,,3',
    ];
    const report = await importItems(bank, csv(...bad), { fileName: 'bad.csv', actor: 'admin' });
    expect(report.committed).toBe(false);
    expect(report.imported).toBe(0);
    expect(report.skipped).toBe(2);
    const errors = report.issues.filter((i) => i.severity === 'error');
    expect(errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ file: 'bad.csv', row: 5 }),
        expect.objectContaining({
          row: 6,
          field: '鉴定点代码',
          reason: '鉴定点代码 Z-Z-999 不在题库的标准中',
        }),
      ]),
    );
    expect(errors.some((issue) => issue.row === 7)).toBe(false);
    expect(bankContentHash(bank.db)).toBe(before);
  });

  it('with validOnly imports the valid rows and lists every skipped one', async () => {
    const bank = memoryBank();
    const rows = [...ROWS, '判断,鉴定点不存在的题。,,,,,√,,Z-Z-999,3'];
    const report = await importItems(bank, csv(...rows), {
      fileName: 'mixed.csv',
      actor: 'admin',
      validOnly: true,
    });
    expect(report).toMatchObject({ committed: true, imported: 3, skipped: 1 });
    expect(report.issues.filter((i) => i.severity === 'error').map((i) => i.row)).toEqual([5]);
  });

  it('files without 鉴定点 codes (GIFT) go to the 未分类 pool, or to --point', async () => {
    const gift = text(
      [
        '$CATEGORY: 电工/安全用电',
        '',
        '::Q1:: 停电检修时应先验电后挂接地线。 {TRUE}',
        '',
        '::Q2:: 测量绝缘电阻使用的仪表是 {=兆欧表 ~万用表 ~钳形电流表}',
      ].join('\n'),
    );
    const bank = memoryBank();
    const pooled = await importItems(bank, gift, { fileName: 'q.gift', actor: 'admin' });
    expect(pooled).toMatchObject({ committed: true, imported: 2 });
    expect(
      searchItems(bank.search, '验电', { pointId: `${STANDARD_ID}:_unclassified` }).total,
    ).toBe(1);
    const report = await importItems(bank, gift, {
      fileName: 'q.gift',
      actor: 'admin',
      defaultPointCode: 'A-B-002',
    });
    expect(report).toMatchObject({ committed: true, imported: 2 });
    expect(searchItems(bank.search, '验电', { pointId: pointId('A-B-002') }).total).toBe(1);
  });

  it('a dry run reports everything and changes nothing', async () => {
    const bank = memoryBank();
    const before = bankContentHash(bank.db);
    const report = await importItems(bank, csv(...ROWS), {
      fileName: 'items.csv',
      actor: 'admin',
      dryRun: true,
    });
    expect(report).toMatchObject({ committed: false, dryRun: true, imported: 3 });
    expect(bankContentHash(bank.db)).toBe(before);
  });

  it('skips exact copies within the file and of the bank with a warning; flags near duplicates', async () => {
    const bank = memoryBank();
    createItem(
      bank,
      { content: trueFalse('接地装置的接地电阻应定期测量。', true, 'B-A-002') },
      'w',
    );
    const rows = [
      ROWS[0]!,
      ROWS[0]!.replace('电缆敷设时', '电缆敷设时，'),
      ROWS[1]!,
      '单选,电缆敷设时最小的弯曲半径由什么决定？,电缆外径,电缆长度,环境温度,敷设人数,A,,B-A-001,3',
    ];
    const report = await importItems(bank, csv(...rows), { fileName: 'dups.csv', actor: 'admin' });
    expect(report.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(
      report.issues.filter((i) => i.field === '题干' && i.row !== 5).map((i) => [i.row, i.reason]),
    ).toEqual([
      [3, '与第2行完全相同（题型、题干、选项和答案），已跳过'],
      [4, '与题库中的试题 item-0001 完全相同（题型、题干、选项和答案），已跳过'],
    ]);
    expect(report).toMatchObject({ committed: true, imported: 2, duplicates: 2, skipped: 0 });
    expect(report.nearDuplicates).toHaveLength(1);
    expect(report.nearDuplicates[0]?.similarity).toBeGreaterThanOrEqual(0.85);
    expect(bank.items.listDuplicateFlags()).toHaveLength(1);
  });

  it('a file that cannot be read is refused with a file-level reason', async () => {
    const bank = memoryBank();
    const before = bankContentHash(bank.db);
    const report = await importItems(bank, new Uint8Array([0x50, 0x4b, 3, 4, 9, 9]), {
      fileName: 'broken.xlsx',
      actor: 'admin',
      validOnly: true,
    });
    expect(report.committed).toBe(false);
    expect(report.issues[0]?.severity).toBe('error');
    expect(bankContentHash(bank.db)).toBe(before);
  });

  it('moves items between banks with a bank package, merging by id and version', async () => {
    const source = memoryBank();
    const { item } = createItem(source, { content: trueFalse('高压验电应戴绝缘手套。') }, 'writer');
    reviewItem(source, item.id, { action: 'submit', actor: 'writer' });
    reviewItem(source, item.id, { action: 'approve', actor: 'reviewer' });
    const pkg = await exportItems(source, { format: 'bankpkg' });
    expect(pkg.count).toBe(1);

    const target = memoryBank();
    const first = await importItems(target, pkg.bytes, {
      fileName: 'bank.bankpkg',
      actor: 'admin',
    });
    expect(first).toMatchObject({ committed: true, imported: 1 });
    expect(target.items.getItem(item.id)).toMatchObject({ reviewStatus: 'approved', version: 1 });
    const again = await importItems(target, pkg.bytes, {
      fileName: 'bank.bankpkg',
      actor: 'admin',
    });
    expect(again).toMatchObject({ imported: 0, unchanged: 1, skipped: 0 });
  });

  it('exports CSV, xlsx and QTI that import back into another bank', async () => {
    const source = memoryBank();
    await importItems(source, csv(...ROWS), { fileName: 'items.csv', actor: 'admin' });
    for (const format of ['csv', 'xlsx', 'qti'] as const) {
      const exported = await exportItems(source, { format });
      const target = memoryBank();
      const report = await importItems(target, exported.bytes, {
        fileName: `export.${format}`,
        actor: 'admin',
      });
      expect(report.issues.filter((i) => i.severity === 'error')).toEqual([]);
      expect(report.imported + report.unchanged).toBe(3);
    }
  });
});
