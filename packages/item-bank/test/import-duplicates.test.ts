import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bankContentHash } from '../src/db/content-hash';
import { createItem } from '../src/items/item-service';
import { importItems } from '../src/imports/import-items';
import { memoryBank, trueFalse } from './support/fixtures';

/*
 * Duplicate semantics of the importer (docs/decisions/0631, 0632) on a realistic 电工 bank
 * (fixtures/diangong-duplicates.csv): exact copies are skipped with a warning, same question with
 * another key is a conflict, and variants (signs, numbers, units, Greek letters, other options)
 * are all imported and flagged.
 */

const FILE = 'diangong-duplicates.csv';
const bytes = new Uint8Array(
  readFileSync(new URL(`./import-export/fixtures/${FILE}`, import.meta.url)),
);

function at(report: {
  issues: readonly { row?: number | undefined; severity: string; reason: string }[];
}) {
  return (row: number, severity: 'error' | 'warning') =>
    report.issues.filter((issue) => issue.row === row && issue.severity === severity);
}

describe('duplicates on import', () => {
  it('skips exact copies with a warning naming both rows, and refuses key conflicts', async () => {
    const bank = memoryBank();
    const before = bankContentHash(bank.db);
    const report = await importItems(bank, bytes, { fileName: FILE, actor: 'admin' });
    const issuesAt = at(report);
    expect(issuesAt(6, 'warning').map((i) => i.reason)).toEqual([
      '与第2行完全相同（题型、题干、选项和答案），已跳过',
    ]);
    expect(issuesAt(21, 'warning').map((i) => i.reason)).toEqual([
      '与第20行完全相同（题型、题干、选项和答案），已跳过',
    ]);
    expect(issuesAt(7, 'error').map((i) => i.reason)).toEqual([
      expect.stringContaining('第3行与第7行题干和选项相同但答案不同（C / D）'),
    ]);
    expect(issuesAt(19, 'error').map((i) => i.reason)).toEqual([
      expect.stringContaining('第18行与第19行题干和选项相同但答案不同（√ / ×）'),
    ]);
    expect(report).toMatchObject({
      refused: true,
      committed: false,
      total: 24,
      duplicates: 2,
      // rows 3, 7, 18, 19 (conflicts), 23 (key E), 24 (unknown 鉴定点)
      skipped: 6,
      valid: 16,
      imported: 0,
    });
    expect(bankContentHash(bank.db)).toBe(before);
  });

  it('with validOnly skips both rows of a conflict and imports every variant', async () => {
    const bank = memoryBank();
    const report = await importItems(bank, bytes, {
      fileName: FILE,
      actor: 'admin',
      validOnly: true,
    });
    expect(report).toMatchObject({ committed: true, imported: 16, skipped: 6, duplicates: 2 });
    const stems = report.importedIds.map((id) => {
      const item = bank.items.getItem(id);
      return item === undefined ? '' : JSON.stringify(item.stem);
    });
    const has = (text: string) => stems.filter((stem) => stem.includes(text)).length;
    expect(has('万用表测量电阻时')).toBe(0);
    expect(has('停电检修时')).toBe(0);
    expect(has('红表笔应接被测电路')).toBe(2);
    expect(has('线电压为')).toBe(2);
    expect(has('希腊字母')).toBe(2);
    expect(has('0.5')).toBe(2);
    expect(has('熔断器在电路中的主要作用')).toBe(2);
    expect(has('安全电压额定值')).toBe(1);
  });

  it('flags variants in signs, numbers, units, Greek letters and options as near duplicates', async () => {
    const bank = memoryBank();
    const report = await importItems(bank, bytes, {
      fileName: FILE,
      actor: 'admin',
      validOnly: true,
    });
    const flagged = report.nearDuplicates.map((d) => [d.ref, d.kind]);
    expect(flagged).toEqual(
      expect.arrayContaining([
        [`${FILE} 第9行`, 'variant'],
        [`${FILE} 第11行`, 'variant'],
        [`${FILE} 第13行`, 'variant'],
        [`${FILE} 第15行`, 'same-stem'],
        [`${FILE} 第17行`, 'variant'],
      ]),
    );
    expect(bank.items.listDuplicateFlags()).toHaveLength(report.nearDuplicates.length);
  });

  it('a bank item with the same question: copy is skipped, another key is a conflict', async () => {
    const bank = memoryBank();
    const { item: same } = createItem(
      bank,
      { content: trueFalse('电流互感器二次侧不允许开路。', true, 'A-B-001') },
      'writer',
    );
    const { item: other } = createItem(
      bank,
      { content: trueFalse('电阻率通常用希腊字母ρ表示。', false, 'A-B-001') },
      'writer',
    );
    const report = await importItems(bank, bytes, {
      fileName: FILE,
      actor: 'admin',
      validOnly: true,
    });
    const issuesAt = at(report);
    expect(issuesAt(4, 'warning').map((i) => i.reason)).toEqual([
      `与题库中的试题 ${same.id} 完全相同（题型、题干、选项和答案），已跳过`,
    ]);
    expect(issuesAt(12, 'error').map((i) => i.reason)).toEqual([
      `第12行与题库中的试题 ${other.id} 题干和选项相同但答案不同（题库 × / 本文件 √），本题不导入；请核对答案`,
    ]);
    expect(report).toMatchObject({ duplicates: 3, skipped: 7, imported: 14 });
    expect(bank.items.getItem(other.id)).toMatchObject({ key: false });
  });
});
