import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { qbank, qbankJson } from '../support/qbank-cli';
import { bankContentHash } from '../../src/db/content-hash';
import { openBank, type Bank } from '../../src/db/open-bank';
import { pinItemVersion, updateItem } from '../../src/items/item-service';
import { reviewItem } from '../../src/review/review-service';
import { bankOperator } from '../../src/workflows/actor';
import { importStatistics, type StatisticsDeps } from '../../src/workflows/import-statistics';
import { electricianStandardJson, tempDir } from '../support/fixtures';

/*
 * `qbank stats import` keeps the bank consistent on a real bank file: the versions that receive
 * figures are sealed (a later edit makes a new version), a re-saved file is still the same
 * file, two columns of one item are refused clearly, the bank is read inside the writing
 * transaction, and `--date` is checked like the file's #日期.
 */

const { dir, cleanup } = tempDir();
afterAll(cleanup);
const bankFile = join(dir, 'bank.qbank');
const PAPER = 'P-2026-09';

const ITEMS = [
  '题型,题干,选项A,选项B,选项C,选项D,答案,鉴定点代码',
  '单选,我国工频交流电的频率为（　）。,50 Hz,60 Hz,100 Hz,220 Hz,A,B-A-001',
  '判断,熔断器在低压电路中主要起短路保护作用。,,,,,√,B-A-001',
  '单选,测量绝缘电阻应使用（　）。,兆欧表,万用表,钳形电流表,直流电桥,A,B-A-002',
].join('\n');

let ids: string[] = [];
/** Items 1 and 2: approved and pinned by PAPER at version 1. Item 3: a draft no paper pinned. */
const q = (n: number) => ids[n - 1] ?? '';

/** 8 candidates; each row: candidate id, then one answer per column. */
function rows(prefix: string, columns: number): string[][] {
  return Array.from({ length: 8 }, (_, c) => [
    `${prefix}-${c + 1}`,
    ...Array.from({ length: columns }, (_, j) => ((c + j) % 3 === 0 ? 'B' : 'A')),
  ]);
}

function writeCsv(name: string, lines: string[][], eol = '\n', bom = ''): string {
  const path = join(dir, name);
  writeFileSync(path, bom + lines.map((cells) => cells.join(',')).join(eol) + eol);
  return path;
}

function withBank<T>(fn: (bank: Bank) => T): T {
  const bank = openBank(bankFile);
  try {
    return fn(bank);
  } finally {
    bank.close();
  }
}

const contentHash = () => withBank((bank) => bankContentHash(bank.db));

interface History {
  currentVersion: number;
  versions: { version: number; p?: number; n: number; administrations: number }[];
}

beforeAll(async () => {
  expect((await qbank('init', bankFile)).code).toBe(0);
  writeFileSync(join(dir, 'std.json'), JSON.stringify(electricianStandardJson()));
  expect((await qbank('standard', 'import', join(dir, 'std.json'), '--bank', bankFile)).code).toBe(
    0,
  );
  writeFileSync(join(dir, 'items.csv'), ITEMS);
  ids = (
    await qbankJson<{ importedIds: string[] }>('import', join(dir, 'items.csv'), '--bank', bankFile)
  ).importedIds;
  withBank((bank) => {
    for (const id of ids.slice(0, 2)) {
      reviewItem(bank, id, { action: 'submit', actor: 'writer' });
      reviewItem(bank, id, { action: 'approve', actor: 'reviewer' });
      pinItemVersion(bank, PAPER, { itemId: id, version: 1 });
    }
    expect(bank.items.getMeta(q(3))).toMatchObject({ status: 'draft', versionSealed: false });
  });
});

describe('qbank stats import keeps the bank consistent', () => {
  it('seals a measured draft version: editing it makes a new version, the figures stay', async () => {
    const file = writeCsv('draft.csv', [['考生', q(3)], ...rows('D', 1)]);
    expect((await qbank('stats', 'import', file, '--bank', bankFile)).code).toBe(0);
    const edit = withBank((bank) => {
      const current = bank.items.getItem(q(3));
      if (current === undefined || current.type !== 'single_choice') throw new Error('no item 3');
      const { id: _id, version, reviewStatus, tags, stats, ...content } = current;
      void [_id, version, reviewStatus, tags, stats];
      return updateItem(bank, q(3), { content: { ...content, key: 'B' } }, 'writer');
    });
    expect(edit.newVersion).toBe(true);
    expect(edit.item.version).toBe(2);
    const history = await qbankJson<History>('stats', 'history', q(3), '--bank', bankFile);
    expect(history.currentVersion).toBe(2);
    expect(history.versions).toEqual([expect.objectContaining({ version: 1, n: 8 })]);
    withBank((bank) => {
      expect(bank.items.getVersion(q(3), 1)?.content).toMatchObject({ key: 'A' });
      expect(bank.items.getVersion(q(3), 2)?.content).toMatchObject({ key: 'B' });
      expect(bank.items.getItem(q(3))?.stats).toBeUndefined();
    });
  });

  it('refuses the same data saved again with CRLF, a BOM and quotes, naming the first import', async () => {
    const lines = [['考生', q(1), q(2)], ...rows('R', 2)];
    const first = writeCsv('hand-made.csv', lines);
    expect((await qbank('stats', 'import', first, '--bank', bankFile)).code).toBe(0);
    const before = contentHash();
    const quoted = lines.map((cells) => cells.map((cell) => `"${cell}"`));
    const resaved = writeCsv('hand-made-resaved.csv', quoted, '\r\n', '\uFEFF');
    const again = await qbank('stats', 'import', resaved, '--bank', bankFile);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(
      /已经导入过：hand-made\.csv（.*由 .* 导入，SHA-256 [0-9a-f]{12}…）/,
    );
    expect(contentHash()).toBe(before);
  });

  it('refuses two columns of the same item version, naming the file and both headers', async () => {
    const before = contentHash();
    const file = writeCsv('twice.csv', [['考生', q(1), `${q(1)}@1`], ...rows('T', 2)]);
    const result = await qbank('stats', 'import', file, '--bank', bankFile, '--session', 'T1');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`twice.csv：一道试题只能有一列，未写入任何统计`);
    expect(result.stderr).toContain(
      `列 ${q(1)} 与列 ${q(1)}@1 都是试题 ${q(1)} 的同一版本（第 1 版）`,
    );
    expect(result.stderr).not.toMatch(/SQLITE|constraint/i);
    expect(contentHash()).toBe(before);
  });

  it('reads the versions and keys inside the transaction that writes the figures', () => {
    const bytes = new TextEncoder().encode(
      [['考生', q(1), q(2)], ...rows('X', 2)].map((cells) => cells.join(',')).join('\n'),
    );
    const bank = openBank(bankFile);
    try {
      const outside: string[] = [];
      let calls = 0;
      function watched<T extends object>(store: T): T {
        return new Proxy(store, {
          get(target, name, receiver) {
            const value = Reflect.get(target, name, receiver) as unknown;
            if (typeof value !== 'function' || name === 'transaction') return value;
            return (...args: unknown[]) => {
              calls += 1;
              if (!bank.db.inTransaction) outside.push(String(name));
              return (value as (...a: unknown[]) => unknown).apply(target, args);
            };
          },
        });
      }
      const deps: StatisticsDeps = {
        items: watched(bank.items),
        statistics: watched(bank.statistics),
        clock: bank.clock,
      };
      const result = importStatistics(deps, bankOperator('admin'), {
        bytes,
        fileName: 'x.csv',
        sessionId: 'X1',
      });
      expect(result.updates).toHaveLength(2);
      expect(calls).toBeGreaterThan(4);
      expect(outside).toEqual([]);
    } finally {
      bank.close();
    }
  });

  it('checks --date like the file #日期: YYYY-MM-DD, nothing written otherwise', async () => {
    const before = contentHash();
    const file = writeCsv('dated.csv', [['考生', q(2)], ...rows('W', 1)]);
    const result = await qbank(
      'stats',
      'import',
      file,
      '--bank',
      bankFile,
      '--session',
      'W1',
      '--date',
      '2026/11/21',
    );
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      '考试日期应写作 YYYY-MM-DD（如 2026-12-06），--date 给出的是“2026/11/21”',
    );
    expect(contentHash()).toBe(before);
    const ok = await qbank('stats', 'import', file, '--bank', bankFile, '--date', '2026-11-21');
    expect(ok.code).toBe(0);
  });
});
