import { afterEach, describe, expect, it } from 'vitest';
import { createAssemblyRepository } from '../../src/db/assembly-repository';
import { openBank } from '../../src/db/open-bank';
import { computeHealthReport } from '../../src/health/health-report';
import { exportItems } from '../../src/imports/export-items';
import { importItems } from '../../src/imports/import-items';
import { reviewItem } from '../../src/review/review-service';
import { saveStandard } from '../../src/standards/import-standard';
import { electricianStandard, memoryBank } from '../support/fixtures';
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

async function bankWithGift() {
  const made = await diangongBankFile();
  cleanups.push(made.cleanup);
  const report = await importItems(made.bank, fixtureBytes('diangong-no-codes.gift'), {
    fileName: 'diangong-no-codes.gift',
    actor: 'importer',
  });
  return { ...made, report };
}

describe('items without a 鉴定点 code go to the 未分类 pool of the standard', () => {
  it('a GIFT bank without codes imports into the pool of the only standard, in a real bank file', async () => {
    const { bank, path, report } = await bankWithGift();
    expect(report).toMatchObject({ committed: true, imported: 12, skipped: 0 });
    expect(report.issues.filter((issue) => issue.severity === 'error')).toEqual([]);
    bank.close();
    const reopened = openBank(path);
    cleanups.push(() => reopened.close());
    for (const id of report.importedIds) {
      expect(reopened.items.getMeta(id)).toMatchObject({ pointId: DIANGONG_POOL, status: 'draft' });
    }
    expect(reopened.standards.getPoint(DIANGONG_POOL)).toMatchObject({
      unclassified: true,
      standardId: DIANGONG,
    });
  });

  it('the pool is not part of the standard: no point, range, export or search by code', async () => {
    const { bank } = await bankWithGift();
    const summary = bank.standards.listStandards()[0];
    expect(summary).toMatchObject({ pointCount: 18, rangeCount: 8 });
    expect(bank.standards.listPoints(DIANGONG).map((p) => p.id)).not.toContain(DIANGONG_POOL);
    expect(bank.standards.findPointsByPath('未分类')).toEqual([]);
    const doc = bank.standards.getStandardDocument(DIANGONG);
    expect(JSON.stringify(doc)).not.toContain('未分类');
  });

  it('an export writes 未分类 as the code of pooled items, and importing it pools them again', async () => {
    const { bank } = await bankWithGift();
    const exported = await exportItems(bank, { format: 'csv', query: '', filter: {} });
    expect(exported.count).toBe(12);
    expect(new TextDecoder().decode(exported.bytes)).toContain(',未分类,');
    const target = await diangongBankFile();
    cleanups.push(target.cleanup);
    const report = await importItems(target.bank, exported.bytes, {
      fileName: 'export.csv',
      actor: 'importer',
    });
    expect(report).toMatchObject({ committed: true, imported: 12 });
    expect(new Set(report.importedIds.map((id) => target.bank.items.getMeta(id)?.pointId))).toEqual(
      new Set([DIANGONG_POOL]),
    );
  });

  it('a CSV mixing rows with and without codes: coded rows keep their point, the rest are pooled', async () => {
    const made = await diangongBankFile();
    cleanups.push(made.cleanup);
    const report = await importItems(made.bank, fixtureBytes('diangong-no-codes.csv'), {
      fileName: 'diangong-no-codes.csv',
      actor: 'importer',
    });
    expect(report).toMatchObject({ committed: true, imported: 5 });
    const points = report.importedIds.map((id) => made.bank.items.getMeta(id)?.pointId);
    expect(points).toEqual([
      DIANGONG_POOL,
      DIANGONG_POOL,
      DIANGONG_POOL,
      DIANGONG_POOL,
      diangongPoint('B-A-002'),
    ]);
    // One file-level note says how many were pooled and where to classify them.
    expect(report.issues).toContainEqual(
      expect.objectContaining({
        severity: 'warning',
        field: '鉴定点代码',
        reason: expect.stringMatching(/^4 题没有鉴定点代码，归入“未分类”/),
      }),
    );
  });

  it('--point still forces a code on items without one', async () => {
    const made = await diangongBankFile();
    cleanups.push(made.cleanup);
    const report = await importItems(made.bank, fixtureBytes('diangong-no-codes.gift'), {
      fileName: 'diangong-no-codes.gift',
      actor: 'importer',
      defaultPointCode: 'A-B-005',
    });
    expect(report.imported).toBe(12);
    expect(made.bank.items.getMeta(report.importedIds[0] ?? '')?.pointId).toBe(
      diangongPoint('A-B-005'),
    );
  });

  it('with several standards the pool must be chosen with --standard; each row says so', async () => {
    const bank = memoryBank();
    saveStandard(
      bank.standards,
      {
        ...electricianStandard(),
        standard: { ...electricianStandard().standard, version: '2009', theoryWeights: [] },
      },
      '2026-01-01T00:00:00.000Z',
    );
    const gift = fixtureBytes('diangong-no-codes.gift');
    const refused = await importItems(bank, gift, { fileName: 'q.gift', actor: 'importer' });
    expect(refused.committed).toBe(false);
    const errors = refused.issues.filter((issue) => issue.severity === 'error');
    expect(errors).toHaveLength(12);
    expect(errors[0]).toMatchObject({
      file: 'q.gift',
      field: '鉴定点代码',
      reason: expect.stringMatching(/题库有 2 个标准.*--standard/),
    });
    const chosen = await importItems(bank, gift, {
      fileName: 'q.gift',
      actor: 'importer',
      standardId: '6-31-01-03:2009',
    });
    expect(chosen.imported).toBe(12);
    expect(bank.items.getMeta(chosen.importedIds[0] ?? '')?.pointId).toBe(
      '6-31-01-03:2009:_unclassified',
    );
  });

  it('unclassified items cannot be submitted or approved, with a clear error', async () => {
    const { bank, report } = await bankWithGift();
    const id = report.importedIds[0] ?? '';
    expect(() => reviewItem(bank, id, { action: 'submit', actor: 'importer' })).toThrow(
      /试题尚未分类（在「未分类」池中），不能提交审核/,
    );
    bank.db.prepare("UPDATE items SET status = 'in_review' WHERE id = ?").run(id);
    expect(() => reviewItem(bank, id, { action: 'approve', actor: 'reviewer' })).toThrow(
      /试题尚未分类.*不能审核通过.*分类队列/,
    );
    expect(bank.items.getMeta(id)?.status).toBe('in_review');
  });

  it('an unclassified row cannot come in already approved (bank packages carry a status)', async () => {
    const made = await diangongBankFile();
    cleanups.push(made.cleanup);
    const { resolveParsedItem } = await import('../../src/imports/resolve-parsed-item');
    const resolved = resolveParsedItem(
      made.bank.standards,
      {
        ref: 'bank.bankpkg item-1',
        tags: [],
        status: 'approved',
        content: {
          type: 'true_false',
          stem: { type: 'doc', content: [] },
          key: true,
        },
      } as never,
      'bank.bankpkg',
      {},
      () => [4],
    );
    expect(resolved).toMatchObject({
      ok: false,
      issue: {
        field: '鉴定点代码',
        reason: expect.stringMatching(/未分类的试题不能以「已通过」状态导入/),
      },
    });
  });

  it('assembly never sees pooled items, even approved ones left by hand-edited files', async () => {
    const { bank, report } = await bankWithGift();
    bank.db.prepare("UPDATE items SET status = 'approved', level = 4").run();
    const source = createAssemblyRepository(bank.db, bank.standards).loadSource(
      { occupationCode: '6-31-01-03', version: '2018' },
      4,
      0,
    );
    expect(report.importedIds.length).toBe(12);
    expect(source.items).toEqual([]);
  });

  it('the health report counts them apart and never as coverage of a 鉴定点', async () => {
    const { bank } = await bankWithGift();
    const health = computeHealthReport(bank.health.healthData(DIANGONG));
    expect(health.unclassified).toBe(12);
    expect(health.totalItems).toBe(12);
    expect(health.points.map((point) => point.pointId)).not.toContain(DIANGONG_POOL);
    expect(health.points.every((point) => point.approved === 0)).toBe(true);
  });
});
