import { CodedError } from '@skillexam/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bankContentHash } from '../../src/db/content-hash';
import type { Bank } from '../../src/db/open-bank';
import { searchItems } from '../../src/search/search-items';
import { bankOperator, type Actor } from '../../src/workflows/actor';
import { importItemFile, type ImportItemFileRequest } from '../../src/workflows/import-item-file';
import { memoryBank } from '../support/fixtures';

/*
 * 导入试题文件 as a workflow: the role check, the dry run and the real import that `qbank import`
 * and the workbench's `bank:import-items` share. A real (in-memory) bank with the electrician
 * standard; the engine's own rules are tested in test/import-*.test.ts.
 */

const HEADER = '题型,题干,选项A,选项B,选项C,选项D,答案,鉴定点代码';
const ROWS = [
  '单选,电缆敷设时最小弯曲半径由什么决定？,电缆外径,电缆长度,环境温度,敷设人数,A,B-A-001',
  '判断,接地装置的接地电阻应定期测量。,,,,,√,B-A-002',
];
const NO_CODE = '判断,停电检修时应先验电再装设接地线。,,,,,√,';
const csv = (...rows: string[]) => new TextEncoder().encode([HEADER, ...rows].join('\r\n'));

const writer: Actor = { id: 'zhangsan', name: '张三', roles: ['writer'] };
const reviewer: Actor = { id: 'lisi', name: '李四', roles: ['reviewer'] };
const admin: Actor = { id: 'wangwu', name: '王五', roles: ['admin'] };

const request = (extra: Partial<ImportItemFileRequest> = {}): ImportItemFileRequest => ({
  fileName: 'items.csv',
  dryRun: false,
  validOnly: false,
  ...extra,
});

let bank: Bank;

beforeEach(() => {
  bank = memoryBank();
});

afterEach(() => {
  bank.close();
});

describe('importItemFile', () => {
  it('needs a 命题人员 or a 题库管理员, for the dry run too; a refusal changes nothing', async () => {
    const before = bankContentHash(bank.db);
    for (const dryRun of [true, false]) {
      const refusal = importItemFile(bank, reviewer, csv(...ROWS), request({ dryRun }));
      await expect(refusal).rejects.toBeInstanceOf(CodedError);
      await expect(refusal).rejects.toMatchObject({
        code: 'FORBIDDEN',
        message: '李四（lisi）没有此操作的权限，需要：命题人员 或 题库管理员',
      });
    }
    expect(bankContentHash(bank.db)).toBe(before);
  });

  it('imports as the actor: the items are theirs', async () => {
    const report = await importItemFile(bank, writer, csv(...ROWS), request());
    expect(report).toMatchObject({ committed: true, refused: false, imported: 2, format: 'csv' });
    for (const id of report.importedIds) expect(bank.items.getMeta(id)?.author).toBe('zhangsan');
    const byAdmin = await importItemFile(bank, admin, csv(NO_CODE), request());
    expect(byAdmin.committed).toBe(true);
    expect(bank.items.getMeta(byAdmin.importedIds[0] ?? '')?.author).toBe('wangwu');
  });

  it('a dry run reports what the import would do and writes nothing', async () => {
    const before = bankContentHash(bank.db);
    const dry = await importItemFile(bank, writer, csv(...ROWS), request({ dryRun: true }));
    expect(dry).toMatchObject({ dryRun: true, committed: false, refused: false, imported: 2 });
    expect(bankContentHash(bank.db)).toBe(before);
    const real = await importItemFile(bank, writer, csv(...ROWS), request());
    const counts = ({ total, imported, skipped, valid, refused }: typeof real) => ({
      total,
      imported,
      skipped,
      valid,
      refused,
    });
    expect(counts(real)).toEqual(counts(dry));
    expect(searchItems(bank.search, '接地电阻').total).toBe(1);
  });

  it('a blank default 鉴定点 (an empty form field) is no default: the item goes to 未分类', async () => {
    const blank = await importItemFile(
      bank,
      writer,
      csv(NO_CODE),
      request({ defaultPointCode: '  ' }),
    );
    expect(blank).toMatchObject({ committed: true, imported: 1 });
    const forced = await importItemFile(
      bank,
      writer,
      csv(NO_CODE.replace('停电检修', '倒闸操作')),
      request({ defaultPointCode: 'B-A-002' }),
    );
    expect(forced).toMatchObject({ committed: true, imported: 1 });
    const pooled = bank.items.getItem(blank.importedIds[0] ?? '');
    const filed = bank.items.getItem(forced.importedIds[0] ?? '');
    expect(pooled?.assessmentPointId).not.toBe(filed?.assessmentPointId);
    expect(filed?.assessmentPointId).toMatch(/:B-A-002$/);
  });

  it('the command line operator holds every role', async () => {
    const report = await importItemFile(bank, bankOperator('命题组'), csv(...ROWS), request());
    expect(report.committed).toBe(true);
    expect(bank.items.getMeta(report.importedIds[0] ?? '')?.author).toBe('命题组');
  });
});
