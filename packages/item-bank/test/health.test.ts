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
    bank.db.prepare('UPDATE items SET stat_p = 0.1 WHERE id = ?').run(ids[1]);
    const report = computeHealthReport(bank.health.healthData());
    const cable = report.points.find((p) => p.path === 'B-A-001');
    expect(cable).toMatchObject({ approved: 4, thin: false });
    expect(report.thinPointCount).toBe(4);
    expect(report.neverUsed).toEqual(ids.slice(1));
    expect(report.statisticsFlags.map((f) => f.id)).toEqual([ids[1]]);
  });
});

describe('statistics fed back into the bank', () => {
  it('merges samples weighted by responses and refuses unknown items atomically', async () => {
    const { recordItemStatistics } = await import('../src/items/item-statistics');
    const { bankContentHash } = await import('../src/db/content-hash');
    const bank = memoryBank();
    const { item } = createItem(bank, { content: trueFalse('漏电保护器应定期试验。') }, 'w');
    recordItemStatistics(bank.items, [
      { itemId: item.id, p: 0.5, discrimination: 0.3, responses: 100, exposureIncrement: 100 },
    ]);
    recordItemStatistics(bank.items, [
      { itemId: item.id, p: 0.9, responses: 300, exposureIncrement: 300 },
    ]);
    expect(bank.items.getItem(item.id)?.stats).toEqual({
      p: 0.8,
      discrimination: 0.3,
      responseCount: 400,
      exposureCount: 400,
    });
    const before = bankContentHash(bank.db);
    expect(() =>
      recordItemStatistics(bank.items, [
        { itemId: item.id, p: 0.1, responses: 10, exposureIncrement: 10 },
        { itemId: 'missing', p: 0.1, responses: 10, exposureIncrement: 10 },
      ]),
    ).toThrow(/missing 不在题库中/);
    expect(bankContentHash(bank.db)).toBe(before);
  });
});
