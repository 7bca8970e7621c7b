import {
  CancelledError,
  createProgress,
  type ProgressEvent,
  type ProgressListener,
} from '@skillexam/shared';
import { beforeAll, describe, expect, it } from 'vitest';
import { assemblePapers } from '../src/assembly/assemble-papers';
import { createHighsSolver } from '../src/assembly/highs-solver';
import type { MipSolver } from '../src/assembly/mip-solver';
import { importItems } from '../src/imports/import-items';
import { importStandardFile } from '../src/standards/import-standard';
import { analyzeResponseFile } from '../src/statistics/analyze-response-file';
import { bankOperator } from '../src/workflows/actor';
import { importStatistics } from '../src/workflows/import-statistics';
import { level3Blueprint, syntheticSource } from './assembly/synthetic-pool';
import { electricianStandardJson, memoryBank } from './support/fixtures';
import { openBank } from '../src/db/open-bank';

/*
 * Progress from the other engines (docs/decisions/0942): assembly per form, the standard
 * import, statistics; each cancel leaves nothing written (docs/decisions/0943).
 */

function recorder(onEvent?: (event: ProgressEvent) => void) {
  const events: ProgressEvent[] = [];
  const listener: ProgressListener = (event) => {
    events.push(event);
    onEvent?.(event);
  };
  return { events, listener };
}

const keyOf = (event: ProgressEvent) => `${event.phase}|${event.label ?? ''}`;

let solver: MipSolver;
beforeAll(async () => {
  solver = await createHighsSolver();
});

describe('assembly progress', { timeout: 120_000 }, () => {
  const blueprint = level3Blueprint({
    sections: [
      { itemType: 'true_false', count: 10, pointsEach: 1 },
      { itemType: 'single_choice', count: 30, pointsEach: 2 },
    ],
    fullMarks: 70,
    passMark: 42,
  });
  const source = syntheticSource({ items: 900, points: 90, seed: 3 });

  it('reports each form (第 k 套) counting forms, then the verification', () => {
    const { events, listener } = recorder();
    const result = assemblePapers(blueprint, source, solver, {
      seed: 5,
      forms: 3,
      progress: createProgress(listener, { minIntervalMs: 0 }),
    });
    expect(result.ok).toBe(true);
    const finished = events.filter((event) => event.finished === true);
    expect(finished.map((event) => [keyOf(event), event.done, event.total])).toEqual([
      ['assembling|第 1 套', 1, 3],
      ['assembling|第 2 套', 2, 3],
      ['assembling|第 3 套', 3, 3],
      ['verifying|', 3, 3],
    ]);
    expect(events.every((event) => event.unit === 'forms')).toBe(true);
  });

  it('a cancel stops before the next form', () => {
    const controller = new AbortController();
    const { events, listener } = recorder((event) => {
      if (event.label === '第 2 套' && event.finished === true) controller.abort();
    });
    const progress = createProgress(listener, { signal: controller.signal, minIntervalMs: 0 });
    expect(() =>
      assemblePapers(blueprint, source, solver, { seed: 5, forms: 3, progress }),
    ).toThrow(CancelledError);
    expect(events.some((event) => event.label === '第 3 套')).toBe(false);
  });
});

describe('standard import progress', () => {
  const bytes = new TextEncoder().encode(JSON.stringify(electricianStandardJson()));

  it('reads the file (bytes), then writes the standard', async () => {
    const bank = openBank(':memory:');
    const { events, listener } = recorder();
    const report = await importStandardFile(bank.standards, bytes, 'std.json', bank.clock(), {
      progress: createProgress(listener, { minIntervalMs: 0 }),
    });
    expect(report.standard?.id).toBe('6-31-01-03:2018');
    const finished = events.filter((event) => event.finished === true);
    expect(finished).toEqual([
      {
        phase: 'reading',
        label: 'std.json',
        unit: 'bytes',
        done: bytes.length,
        total: bytes.length,
        finished: true,
      },
      { phase: 'writing', label: 'std.json', done: 0, finished: true },
    ]);
  });

  it('a cancel while writing leaves no standard', async () => {
    const bank = openBank(':memory:');
    const controller = new AbortController();
    const { listener } = recorder((event) => {
      if (event.phase === 'writing') controller.abort();
    });
    const progress = createProgress(listener, { signal: controller.signal });
    await expect(
      importStandardFile(bank.standards, bytes, 'std.json', bank.clock(), { progress }),
    ).rejects.toBeInstanceOf(CancelledError);
    expect(bank.standards.listStandards()).toEqual([]);
  });
});

describe('statistics progress', () => {
  const items = [
    '题型,题干,选项A,选项B,选项C,选项D,答案,鉴定点代码',
    '单选,我国工频交流电的频率为（　）。,50 Hz,60 Hz,100 Hz,220 Hz,A,B-A-001',
    '单选,测量绝缘电阻应使用（　）。,兆欧表,万用表,钳形电流表,直流电桥,A,B-A-002',
    '判断,熔断器在低压电路中主要起短路保护作用。,,,,,√,B-A-001',
  ].join('\n');

  async function bankWithItems() {
    const bank = memoryBank();
    const report = await importItems(bank, new TextEncoder().encode(items), {
      fileName: 'items.csv',
      actor: 'admin',
    });
    const rows = Array.from({ length: 40 }, (_, c) =>
      [`C${c}`, c % 3 === 0 ? 'B' : 'A', c % 4 === 0 ? 'C' : 'A', c % 2 === 0 ? 'A' : 'B'].join(
        ',',
      ),
    );
    const csv = [`准考证号,${report.importedIds.join(',')}`, ...rows].join('\n');
    return { bank, bytes: new TextEncoder().encode(csv), ids: report.importedIds };
  }

  it('reads the candidates (rows) and analyses the items', () => {
    const { events, listener } = recorder();
    const keys = { keys: { Q1: 'A' } };
    const csv = new TextEncoder().encode(
      [
        '准考证号,Q1',
        ...Array.from({ length: 40 }, (_, c) => `C${c},${c % 3 === 0 ? 'B' : 'A'}`),
      ].join('\n'),
    );
    analyzeResponseFile(csv, 'r.csv', {}, keys, {
      progress: createProgress(listener, { minIntervalMs: 0 }),
    });
    expect(events.filter((event) => event.finished === true)).toEqual([
      { phase: 'reading', label: 'r.csv', unit: 'rows', done: 40, finished: true },
      { phase: 'analysing', label: 'r.csv', done: 1, total: 1, finished: true },
    ]);
  });

  it('a cancel while writing the figures writes nothing', async () => {
    const { bank, bytes } = await bankWithItems();
    const controller = new AbortController();
    const { events, listener } = recorder((event) => {
      if (event.phase === 'writing' && event.finished === true) controller.abort();
    });
    const progress = createProgress(listener, { signal: controller.signal, minIntervalMs: 0 });
    expect(() =>
      importStatistics(bank, bankOperator('admin'), { bytes, fileName: 'r.csv', progress }),
    ).toThrow(CancelledError);
    expect(events.find((event) => event.phase === 'writing' && event.finished)).toMatchObject({
      done: 3,
      total: 3,
    });
    expect(bank.db.prepare('SELECT count(*) AS n FROM statistics_imports').get()).toEqual({ n: 0 });
    expect(bank.db.prepare('SELECT count(*) AS n FROM item_version_statistics').get()).toEqual({
      n: 0,
    });
    // Without a cancel the same file is recorded.
    const done = importStatistics(bank, bankOperator('admin'), { bytes, fileName: 'r.csv' });
    expect(done.updates).toHaveLength(3);
  });
});
