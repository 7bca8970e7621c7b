import { afterEach, describe, expect, it } from 'vitest';
import { classificationQueue } from '../../src/classification/classification-queue';
import { classifyItems } from '../../src/classification/classify-items';
import { createClassificationRepository } from '../../src/db/classification-repository';
import type { Bank } from '../../src/db/open-bank';
import { computeHealthReport } from '../../src/health/health-report';
import { itemHistory } from '../../src/items/item-history';
import { importItems } from '../../src/imports/import-items';
import { reviewItem } from '../../src/review/review-service';
import {
  DIANGONG,
  DIANGONG_POOL,
  diangongBankFile,
  diangongPoint,
  fixtureBytes,
} from './classification-bank';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

async function pooledBank(): Promise<{ bank: Bank; ids: string[] }> {
  const made = await diangongBankFile();
  cleanups.push(made.cleanup);
  const report = await importItems(made.bank, fixtureBytes('diangong-no-codes.gift'), {
    fileName: 'diangong-no-codes.gift',
    actor: 'importer',
  });
  expect(report.importedIds).toHaveLength(12);
  return { bank: made.bank, ids: report.importedIds };
}

const queueDeps = (bank: Bank) => ({
  ...bank,
  classification: createClassificationRepository(bank.db),
});

describe('the classification queue', () => {
  it('lists the pooled items of a standard with their top three 鉴定点 suggestions', async () => {
    const { bank, ids } = await pooledBank();
    const queue = classificationQueue(queueDeps(bank), DIANGONG, { limit: 5 });
    expect(queue).toMatchObject({ standardId: DIANGONG, poolPointId: DIANGONG_POOL, total: 12 });
    expect(queue.entries.map((entry) => entry.itemId)).toEqual(ids.slice(0, 5));
    const [fuse, starting, firstAid] = queue.entries;
    expect(fuse?.stem).toBe('熔断器在低压配电线路中主要起（ ）保护作用。');
    expect(fuse?.suggestions[0]).toMatchObject({ path: 'B-A-001', name: '熔断器的选择与使用' });
    expect(starting?.suggestions.map((s) => s.path)).toEqual(['B-B-002', 'B-B-003', 'B-B-001']);
    expect(firstAid?.suggestions[0]?.path).toBe('A-B-005');
    expect(classificationQueue(queueDeps(bank), DIANGONG, { offset: 10 }).entries).toHaveLength(2);
    expect(() => classificationQueue(queueDeps(bank), 'x:1')).toThrow(/题库中没有标准 x:1/);
  });
});

describe('classifying items', () => {
  it('bulk assignment to one 鉴定点 moves them, as a new version and an event naming who did it', async () => {
    const { bank, ids } = await pooledBank();
    const chosen = [ids[0] ?? '', ids[6] ?? ''];
    const results = classifyItems(bank, chosen, { pointId: diangongPoint('B-A-001') }, 'zhang');
    expect(results).toEqual([
      { id: chosen[0], ok: true, pointId: diangongPoint('B-A-001'), path: 'B-A-001', version: 2 },
      { id: chosen[1], ok: true, pointId: diangongPoint('B-A-001'), path: 'B-A-001', version: 2 },
    ]);
    const meta = bank.items.getMeta(chosen[0] ?? '');
    expect(meta).toMatchObject({
      pointId: diangongPoint('B-A-001'),
      version: 2,
      status: 'draft',
      versionCreatedBy: 'zhang',
    });
    const history = itemHistory(bank.items, chosen[0] ?? '');
    expect(
      history.versions.map((v) => [v.version, v.content.assessmentPointId, v.createdBy]),
    ).toEqual([
      [1, DIANGONG_POOL, 'importer'],
      [2, diangongPoint('B-A-001'), 'zhang'],
    ]);
    expect(history.versions[1]?.note).toBe('分类：未分类 → B-A-001 熔断器的选择与使用');
    expect(history.events.at(-1)).toMatchObject({
      from: 'draft',
      to: 'draft',
      actor: 'zhang',
      comment: '分类到鉴定点 B-A-001（熔断器的选择与使用）',
    });
    const health = computeHealthReport(bank.health.healthData(DIANGONG));
    expect(health.unclassified).toBe(10);
    expect(health.points.find((p) => p.path === 'B-A-001')?.byType.single_choice).toBe(2);
    expect(classificationQueue(queueDeps(bank), DIANGONG).total).toBe(10);
  });

  it('"accept the top suggestion" files every selected item under its best 鉴定点', async () => {
    const { bank, ids } = await pooledBank();
    const results = classifyItems(bank, ids, { acceptTopSuggestion: true }, 'li');
    expect(results.map((result) => result.path)).toEqual([
      'B-A-001',
      'B-B-002',
      'A-B-005',
      'A-B-004',
      'A-B-003',
      'A-B-001',
      'B-A-002',
      'B-D-001',
      'B-B-004',
      'B-C-001',
      'B-B-003',
      'A-A-001',
    ]);
    expect(itemHistory(bank.items, ids[1] ?? '').events.at(-1)?.comment).toMatch(
      /^分类到鉴定点 B-B-002（三相异步电动机的启动），采纳分类建议（匹配度 0\.\d+）$/,
    );
    expect(classificationQueue(queueDeps(bank), DIANGONG).total).toBe(0);
  });

  it('a classified item can then be reviewed, but not approved by the person who classified it', async () => {
    const { bank, ids } = await pooledBank();
    const id = ids[0] ?? '';
    classifyItems(bank, [id], { pointId: diangongPoint('B-A-001') }, 'zhang');
    reviewItem(bank, id, { action: 'submit', actor: 'zhang' });
    expect(() => reviewItem(bank, id, { action: 'approve', actor: 'zhang' })).toThrow(
      /不能审核通过自己编写或修改的试题/,
    );
    expect(reviewItem(bank, id, { action: 'approve', actor: 'wang' }).reviewStatus).toBe(
      'approved',
    );
  });

  it('each item fails on its own with the reason: already classified, other standard, unknown point', async () => {
    const { bank, ids } = await pooledBank();
    const [a = '', b = ''] = ids;
    classifyItems(bank, [a], { pointId: diangongPoint('B-A-001') }, 'zhang');
    const results = classifyItems(
      bank,
      [a, b, 'nope'],
      { pointId: diangongPoint('B-A-001') },
      'li',
    );
    expect(results.map((r) => [r.ok, r.error])).toEqual([
      [false, `试题 ${a} 已归入鉴定点 B-A-001，不在未分类池中；要改鉴定点请编辑试题`],
      [true, undefined],
      [false, '试题 nope 不存在'],
    ]);
    expect(classifyItems(bank, [ids[2] ?? ''], { pointId: DIANGONG_POOL }, 'li')[0]?.error).toBe(
      `鉴定点 ${DIANGONG_POOL} 不在题库的标准中`,
    );
    expect(() => classifyItems(bank, [b], { pointId: diangongPoint('B-A-001') }, ' ')).toThrow(
      /必须指明操作人/,
    );
  });
});
