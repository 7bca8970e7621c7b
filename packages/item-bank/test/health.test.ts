import { describe, expect, it } from 'vitest';
import { computeHealthReport } from '../src/health/health-report';
import { createItem, pinItemVersion } from '../src/items/item-service';
import { reviewItem } from '../src/review/review-service';
import { memoryBank, trueFalse } from './support/fixtures';

describe('health report from a bank', () => {
  it('reads points and items from SQLite', () => {
    const bank = memoryBank();
    const ids = ['甲', '乙', '丙', '丁'].map((word, n) => {
      const { item } = createItem(
        bank,
        {
          content: trueFalse(`${word}${'电缆线路巡视与维护要求说明'.slice(n)}第${n}条规定是否正确`),
        },
        'writer',
      );
      reviewItem(bank, item.id, { action: 'submit', actor: 'writer' });
      reviewItem(bank, item.id, { action: 'approve', actor: 'reviewer' });
      return item.id;
    });
    pinItemVersion(bank, 'paper', { itemId: ids[0]!, version: 1 });
    bank.statistics.insertImport(
      {
        fileSha256: 'c'.repeat(64),
        fileName: 'r.csv',
        candidates: 40,
        scoring: {
          multipleChoiceScoring: 'all_or_nothing',
          groupFraction: 0.27,
          keysFromFile: 0,
          keysFromBank: 0,
        },
      },
      [{ itemId: ids[1]!, version: 1, n: 40, p: 0.1, candidatesSeen: 40, flags: [] }],
      'admin',
      't',
    );
    const report = computeHealthReport(bank.health.healthData());
    const cable = report.points.find((p) => p.path === 'B-A-001');
    expect(cable).toMatchObject({ approved: 4, thin: false });
    expect(report.thinPointCount).toBe(4);
    // 40 candidates saw ids[1] (its measured statistics say so): used, though never pinned.
    expect(report.neverUsed).toEqual(ids.slice(2));
    expect(report.statisticsFlags.map((f) => f.id)).toEqual([ids[1]]);
  });
});

describe('statistics fed back into the bank', () => {
  it('pools administrations weighted by responses and refuses unknown items atomically', async () => {
    const { importStatistics } = await import('../src/workflows/import-statistics');
    const { bankOperator } = await import('../src/workflows/actor');
    const { bankContentHash } = await import('../src/db/content-hash');
    const bank = memoryBank();
    const { item } = createItem(bank, { content: trueFalse('漏电保护器应定期试验。') }, 'w');
    const scoring = {
      multipleChoiceScoring: 'all_or_nothing' as const,
      groupFraction: 0.27,
      keysFromFile: 0,
      keysFromBank: 0,
    };
    const facts = (sha: string, candidates: number) => ({
      fileSha256: sha.repeat(64),
      fileName: `${sha}.csv`,
      candidates,
      scoring,
    });
    const row = { itemId: item.id, version: 1, flags: [] };
    bank.statistics.insertImport(
      facts('a', 100),
      [{ ...row, n: 100, p: 0.5, discrimination: 0.3, candidatesSeen: 100 }],
      'admin',
      't1',
    );
    bank.statistics.insertImport(
      facts('b', 300),
      [{ ...row, n: 300, p: 0.9, candidatesSeen: 300 }],
      'admin',
      't2',
    );
    expect(bank.items.getItem(item.id)?.stats).toEqual({
      p: 0.8,
      discrimination: 0.3,
      responseCount: 400,
      administrations: 2,
      papersPinned: 0,
      candidatesSeen: 400,
    });
    const before = bankContentHash(bank.db);
    const file = new TextEncoder().encode(`考生,${item.id},missing\nC1,1,0\nC2,0,1\n`);
    expect(() =>
      importStatistics(bank, bankOperator('admin'), { bytes: file, fileName: 'r.csv' }),
    ).toThrow(/missing：题库中没有这道试题/);
    expect(bankContentHash(bank.db)).toBe(before);
  });
});
