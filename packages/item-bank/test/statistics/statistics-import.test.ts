import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { qbank, qbankJson } from '../support/qbank-cli';
import { createAssemblyRepository } from '../../src/db/assembly-repository';
import { bankContentHash } from '../../src/db/content-hash';
import { openBank } from '../../src/db/open-bank';
import { pinItemVersion, updateItem } from '../../src/items/item-service';
import { reviewItem } from '../../src/review/review-service';
import { electricianStandardJson, tempDir } from '../support/fixtures';

/*
 * Statistics that stay true, on a real bank file through the real `qbank` CLI: figures go to
 * the version the candidates saw, exposure is two counts, a file is imported once (--replace
 * swaps it), keys come from the bank and a contradicting key is refused, and the scoring
 * options are the server's and are reported.
 */

const { dir, cleanup } = tempDir();
afterAll(cleanup);
const bankFile = join(dir, 'bank.qbank');
const PAPER = 'P-2026-01';

const ITEMS = [
  '题型,题干,选项A,选项B,选项C,选项D,答案,鉴定点代码',
  '单选,我国工频交流电的频率为（　）。,50 Hz,60 Hz,100 Hz,220 Hz,A,B-A-001',
  '多选,下列材料中属于绝缘材料的有（　）。,橡胶,铜,云母,铝,AC,B-A-002',
  '判断,熔断器在低压电路中主要起短路保护作用。,,,,,√,B-A-001',
  '单选,测量绝缘电阻应使用（　）。,兆欧表,万用表,钳形电流表,直流电桥,A,B-A-002',
].join('\n');

/** 10 candidates: q1 p .7; q2 AC×4, A×4, C, B (p .4 all-or-nothing, .65 partial); q3 .5; q4 .9. */
function answers(c: number): string[] {
  const q2 = c < 4 ? 'AC' : c < 8 ? 'A' : c === 8 ? 'C' : 'B';
  return [c < 7 ? 'A' : 'B', q2, c % 2 === 0 ? 'A' : 'B', c === 9 ? 'B' : 'A'];
}

let ids: string[] = [];
const q = (n: number) => ids[n - 1] ?? '';

function responseFile(
  name: string,
  meta: string[][],
  candidates = 10,
  change?: (c: number, row: string[]) => string[],
): string {
  const pad = (cells: string[]) => [...cells, ...Array(5 - cells.length).fill('')].join(',');
  const rows = Array.from({ length: candidates }, (_, c) => {
    const row = answers(c % 10);
    return [`${name}-${String(c + 1).padStart(3, '0')}`, ...(change?.(c, row) ?? row)].join(',');
  });
  const path = join(dir, `${name}.csv`);
  writeFileSync(path, [`准考证号,${ids.join(',')}`, ...meta.map(pad), ...rows].join('\r\n'));
  return path;
}

const session = (id: string) => [
  ['#考试', PAPER],
  ['#场次', id],
  ['#日期', '2026-11-21'],
];

function contentHash(): string {
  const bank = openBank(bankFile);
  try {
    return bankContentHash(bank.db);
  } finally {
    bank.close();
  }
}

interface History {
  currentVersion: number;
  versions: {
    version: number;
    p?: number;
    n: number;
    administrations: number;
    papersPinned: number;
    candidatesSeen: number;
  }[];
  administrations: { version: number; sessionId?: string; n: number; p: number }[];
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
  // Approved, pinned by paper P-2026-01, then item 1 revised to version 2 (a new stem).
  const bank = openBank(bankFile);
  for (const id of ids) {
    reviewItem(bank, id, { action: 'submit', actor: 'writer' });
    reviewItem(bank, id, { action: 'approve', actor: 'reviewer' });
    pinItemVersion(bank, PAPER, { itemId: id, version: 1 });
  }
  const current = bank.items.getItem(q(1));
  if (current === undefined) throw new Error('item 1 missing');
  const { id: _id, version, reviewStatus, tags, stats, ...content } = current;
  void [_id, version, reviewStatus, tags, stats];
  updateItem(bank, q(1), { content }, 'writer');
  expect(bank.items.getMeta(q(1))?.version).toBe(2);
  bank.close();
});

describe('qbank stats import: statistics that stay true', () => {
  it('records the figures on the version the paper pinned, with keys from the bank', async () => {
    const file = responseFile('s1', session('S1'));
    const result = await qbankJson<{
      updates: { itemId: string; version: number; p: number; n: number }[];
      scoring: { multipleChoiceScoring: string; keysFromBank: number; keysFromFile: number };
      identity: { examId: string; sessionId: string; administeredOn: string };
    }>('stats', 'import', file, '--bank', bankFile);
    expect(result.identity).toEqual({
      examId: PAPER,
      sessionId: 'S1',
      administeredOn: '2026-11-21',
    });
    expect(result.scoring).toMatchObject({
      multipleChoiceScoring: 'all_or_nothing',
      keysFromBank: 4,
      keysFromFile: 0,
    });
    expect(result.updates.map((u) => [u.itemId, u.version, u.p, u.n])).toEqual([
      [q(1), 1, 0.7, 10],
      [q(2), 1, 0.4, 10],
      [q(3), 1, 0.5, 10],
      [q(4), 1, 0.9, 10],
    ]);
    // Version 2 of item 1 was never administered: it has no measured p, and assembly (which
    // would pin version 2) falls back to the author's difficulty.
    const history = await qbankJson<History>('stats', 'history', q(1), '--bank', bankFile);
    expect(history.currentVersion).toBe(2);
    expect(history.versions).toEqual([
      expect.objectContaining({ version: 1, p: 0.7, n: 10, papersPinned: 1, candidatesSeen: 10 }),
    ]);
    const bank = openBank(bankFile);
    try {
      expect(bank.items.getItem(q(1))?.stats).toBeUndefined();
      const ref = { occupationCode: '6-31-01-03', version: '2018' };
      const pool = (min: number) =>
        new Map(
          createAssemblyRepository(bank.db, bank.standards)
            .loadSource(ref, 4, 0, min)
            .items.map((item) => [item.itemId, item]),
        );
      expect(pool(10).get(q(1))?.empiricalP).toBeUndefined();
      expect(pool(10).get(q(4))?.empiricalP).toBe(0.9);
      // Below the minimum n the author's difficulty stands.
      expect(pool(11).get(q(4))?.empiricalP).toBeUndefined();
    } finally {
      bank.close();
    }
  });

  it('refuses the same file, or the same exam and session, a second time, naming the first', async () => {
    const before = contentHash();
    const again = await qbank('stats', 'import', join(dir, 's1.csv'), '--bank', bankFile);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/已经导入过：s1\.csv（试卷 P-2026-01，场次 S1，.*由 .* 导入/);
    expect(again.stderr).toMatch(/--replace/);
    const corrected = responseFile('s1-corrected', session('S1'), 10, (c, row) =>
      c === 9 ? [row[0] ?? '', row[1] ?? '', row[2] ?? '', 'A'] : row,
    );
    const sameSession = await qbank('stats', 'import', corrected, '--bank', bankFile);
    expect(sameSession.code).toBe(2);
    expect(sameSession.stderr).toMatch(/s1\.csv/);
    expect(contentHash()).toBe(before);
  });

  it('--replace swaps the earlier import: no double counting', async () => {
    const corrected = join(dir, 's1-corrected.csv');
    const replaced = await qbank('stats', 'import', corrected, '--bank', bankFile, '--replace');
    expect(replaced.code).toBe(0);
    expect(replaced.stdout).toMatch(/已替换先前的导入：s1\.csv/);
    const history = await qbankJson<History>('stats', 'history', q(4), '--bank', bankFile);
    expect(history.administrations).toEqual([
      expect.objectContaining({ version: 1, sessionId: 'S1', n: 10, p: 1 }),
    ]);
    expect(history.versions[0]).toMatchObject({ n: 10, candidatesSeen: 10, administrations: 1 });
  });

  it('keeps papers and candidates as two counts; pools sessions n-weighted', async () => {
    const bank = openBank(bankFile);
    pinItemVersion(bank, 'P-2026-02', { itemId: q(4), version: 1 });
    bank.close();
    let history = await qbankJson<History>('stats', 'history', q(4), '--bank', bankFile);
    expect(history.versions[0]).toMatchObject({ papersPinned: 2, candidatesSeen: 10 });
    // 30 more candidates in session S2 (q4 p .9): pooled p = (10 × 1 + 30 × .9) / 40.
    const s2 = responseFile('s2', session('S2'), 30);
    expect((await qbank('stats', 'import', s2, '--bank', bankFile)).code).toBe(0);
    history = await qbankJson<History>('stats', 'history', q(4), '--bank', bankFile);
    expect(history.versions[0]).toMatchObject({
      n: 40,
      administrations: 2,
      papersPinned: 2,
      candidatesSeen: 40,
    });
    expect(history.versions[0]?.p).toBeCloseTo((10 * 1 + 30 * 0.9) / 40, 12);
  });

  it('refuses a #答案 that contradicts the bank, naming the item and both keys', async () => {
    const before = contentHash();
    const bad = responseFile('s3', [['#答案', 'A', 'AC', 'A', 'B'], ...session('S3')]);
    const result = await qbank('stats', 'import', bad, '--bank', bankFile);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      `试题 ${q(4)}（第 1 版）：文件 #答案 为 B，题库中该版本的答案为 A`,
    );
    expect(contentHash()).toBe(before);
  });

  it('takes the server scoring options and says which were used', async () => {
    const file = responseFile('s4', [['#答案', 'A', 'CA', 'A', 'A'], ...session('S4')]);
    const result = await qbank(
      'stats',
      'import',
      file,
      '--bank',
      bankFile,
      '--multiple-choice',
      'partial',
      '--group-fraction',
      '0.5',
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/partial/);
    expect(result.stdout).toMatch(/高低分组各 50%/);
    expect(result.stdout).toMatch(/答案来自文件 4 题、题库 0 题/);
    const history = await qbankJson<History>('stats', 'history', q(2), '--bank', bankFile);
    expect(history.administrations.find((a) => a.sessionId === 'S4')?.p).toBe(0.65);

    const analysis = await qbankJson<{
      scoring: { multipleChoiceScoring: string; groupFraction: number };
      items: { facility: number }[];
      test: { groupSize: number };
    }>('analyze', file, '--multiple-choice', 'partial', '--group-fraction', '0.5');
    expect(analysis.scoring).toMatchObject({
      multipleChoiceScoring: 'partial',
      groupFraction: 0.5,
    });
    expect(analysis.items[1]?.facility).toBe(0.65);
    expect(analysis.test.groupSize).toBe(5);
    const wrong = await qbank('analyze', file, '--group-fraction', '0.8');
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toMatch(/高低分组比例应在 0 与 0.5 之间/);
  });
});
