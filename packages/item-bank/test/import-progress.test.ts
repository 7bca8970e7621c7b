import {
  CancelledError,
  createProgress,
  type ProgressEvent,
  type ProgressListener,
} from '@skillexam/shared';
import { describe, expect, it } from 'vitest';
import { benchItemsCsv, benchStandard } from '../bench/synthetic-bank';
import { openBank, type Bank } from '../src/db/open-bank';
import { exportItems } from '../src/imports/export-items';
import { importItems } from '../src/imports/import-items';
import { importStandardFile } from '../src/standards/import-standard';
import { fakeClock, sequentialIds } from './support/fixtures';

/*
 * Progress from the work (docs/decisions/0941): a large import reports its phases with counts
 * that only grow, end at their totals and match what was imported; a cancel from the listener
 * half-way leaves the bank exactly as it was (docs/decisions/0943).
 */

const STANDARD = benchStandard();
const ROWS = 20_000;
const csv = (rows: number, seed: number) =>
  new TextEncoder().encode(benchItemsCsv(rows, STANDARD.pointCodes, seed));
const bytes = csv(ROWS, 5);

/** An in-memory bank with the bench standard (300 鉴定点). */
async function memoryBank(): Promise<Bank> {
  const bank = openBank(':memory:', { clock: fakeClock(), newId: sequentialIds() });
  const json = new TextEncoder().encode(JSON.stringify(STANDARD.json));
  await importStandardFile(bank.standards, json, 'standard.json', bank.clock());
  return bank;
}

function count(bank: Bank, table: string): number {
  return (bank.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
}

function tables(bank: Bank) {
  return {
    items: count(bank, 'items'),
    versions: count(bank, 'item_versions'),
    events: count(bank, 'review_events'),
  };
}

/** Every event (no throttle), grouped per phase and label. */
function recorder(onEvent?: (event: ProgressEvent) => void) {
  const events: ProgressEvent[] = [];
  const listener: ProgressListener = (event) => {
    events.push(event);
    onEvent?.(event);
  };
  const phases = () => {
    const byPhase = new Map<string, ProgressEvent[]>();
    for (const event of events) {
      const key = `${event.phase}|${event.label ?? ''}`;
      byPhase.set(key, [...(byPhase.get(key) ?? []), event]);
    }
    return byPhase;
  };
  return { events, listener, phases };
}

function expectMonotonic(events: readonly ProgressEvent[]) {
  for (let i = 1; i < events.length; i += 1) {
    expect(events[i]!.done).toBeGreaterThanOrEqual(events[i - 1]!.done);
  }
  expect(events.filter((event) => event.finished === true)).toHaveLength(1);
  expect(events.at(-1)?.finished).toBe(true);
}

describe('import progress', { timeout: 600_000 }, () => {
  it('reports reading, writing (bytes of the file) and indexing, ending at their totals', async () => {
    const bank = await memoryBank();
    const { events, listener, phases } = recorder();
    const progress = createProgress(listener, { minIntervalMs: 0 });
    const report = await importItems(bank, bytes, {
      fileName: 'big.csv',
      actor: 'admin',
      progress,
    });
    expect(report.committed).toBe(true);
    expect(report.imported).toBe(ROWS);
    expect(tables(bank).items).toBe(ROWS);

    expect([...phases().keys()]).toEqual(['reading|big.csv', 'writing|big.csv', 'indexing|']);
    for (const list of phases().values()) expectMonotonic(list);
    const writing = phases().get('writing|big.csv') ?? [];
    expect(writing[0]).toMatchObject({ done: 0, total: bytes.length, unit: 'bytes' });
    expect(writing.at(-1)).toMatchObject({ done: bytes.length, total: bytes.length });
    // Read in 64 KiB chunks: one step per chunk, far more than a handful.
    expect(new Set(writing.map((event) => event.done)).size).toBeGreaterThan(10);
    const indexing = phases().get('indexing|') ?? [];
    expect(indexing.at(-1)).toMatchObject({ done: ROWS, total: ROWS, finished: true });
    expect(events.every((event) => event.total === undefined || event.done <= event.total)).toBe(
      true,
    );
  });

  it('calls the dry run `checking` and writes nothing', async () => {
    const bank = await memoryBank();
    const { phases, listener } = recorder();
    const progress = createProgress(listener, { minIntervalMs: 0 });
    const small = csv(3000, 7);
    const report = await importItems(bank, small, {
      fileName: 'dry.csv',
      actor: 'admin',
      dryRun: true,
      validOnly: true,
      progress,
    });
    expect(report.valid).toBe(3000);
    expect([...phases().keys()]).toEqual(['reading|dry.csv', 'checking|dry.csv', 'indexing|']);
    const checking = phases().get('checking|dry.csv') ?? [];
    expectMonotonic(checking);
    expect(checking.at(-1)).toMatchObject({ done: small.length, total: small.length });
    expect(phases().get('indexing|')?.at(-1)).toMatchObject({ done: report.valid });
    expect(tables(bank).items).toBe(0);
  });

  it('counts items for a format read whole', async () => {
    const bank = await memoryBank();
    const moodle = `<?xml version="1.0" encoding="UTF-8"?><quiz>${Array.from(
      { length: 30 },
      (_, n) =>
        `<question type="truefalse"><name><text>Q${n}</text></name><questiontext format="html"><text>判断题第 ${n} 号：电流的单位是安培 ${n}。</text></questiontext><answer fraction="100"><text>true</text></answer><answer fraction="0"><text>false</text></answer></question>`,
    ).join('')}</quiz>`;
    const { phases, listener } = recorder();
    const report = await importItems(bank, new TextEncoder().encode(moodle), {
      fileName: 'quiz.xml',
      actor: 'admin',
      defaultPointCode: 'B-A-001',
      progress: createProgress(listener, { minIntervalMs: 0 }),
    });
    expect(report.imported).toBe(30);
    const writing = phases().get('writing|quiz.xml') ?? [];
    expectMonotonic(writing);
    expect(writing[0]).toMatchObject({ unit: 'items', total: 30, done: 0 });
    expect(writing.map((event) => event.done)).toEqual([
      0,
      ...Array.from({ length: 30 }, (_, n) => n + 1),
      30,
    ]);
  });

  it('counts the bytes of the worksheet for an xlsx file', async () => {
    const source = await memoryBank();
    await importItems(source, csv(1500, 23), { fileName: 'seed.csv', actor: 'admin' });
    const xlsx = await exportItems(source, { format: 'xlsx' });
    expect(xlsx.count).toBe(1500);
    const bank = await memoryBank();
    const { phases, listener } = recorder();
    const report = await importItems(bank, xlsx.bytes, {
      fileName: 'bank.xlsx',
      actor: 'admin',
      progress: createProgress(listener, { minIntervalMs: 0 }),
    });
    expect(report.imported).toBe(1500);
    const writing = phases().get('writing|bank.xlsx') ?? [];
    expectMonotonic(writing);
    const total = writing[0]?.total ?? 0;
    // The sheet's XML, inflated: larger than the zipped file, read as rows are mapped.
    expect(total).toBeGreaterThan(xlsx.bytes.length);
    expect(writing[0]).toMatchObject({ unit: 'bytes', done: 0 });
    expect(writing.at(-1)).toMatchObject({ done: total, total, finished: true });
    expect(new Set(writing.map((event) => event.done)).size).toBeGreaterThan(3);
  });

  it('a cancel at 50 % rolls the whole import back: the bank is as before', async () => {
    const bank = await memoryBank();
    const first = await importItems(bank, csv(500, 11), {
      fileName: 'first.csv',
      actor: 'admin',
      validOnly: true,
    });
    expect(first.imported).toBe(500);
    const before = tables(bank);

    const controller = new AbortController();
    let lastDone = 0;
    const { listener } = recorder((event) => {
      if (event.phase !== 'writing' || event.total === undefined) return;
      lastDone = event.done;
      if (event.done >= event.total / 2) controller.abort();
    });
    const progress = createProgress(listener, { signal: controller.signal, minIntervalMs: 0 });
    const run = importItems(bank, bytes, { fileName: 'big.csv', actor: 'admin', progress });
    await expect(run).rejects.toBeInstanceOf(CancelledError);
    await expect(run).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(lastDone).toBeGreaterThanOrEqual(bytes.length / 2);
    expect(lastDone).toBeLessThan(bytes.length);
    expect(tables(bank)).toEqual(before);
    expect(bank.db.inTransaction).toBe(false);

    // The bank is usable afterwards: another file imports in full.
    const again = await importItems(bank, csv(2000, 13), {
      fileName: 'again.csv',
      actor: 'admin',
      validOnly: true,
    });
    expect(tables(bank).items).toBe(before.items + again.imported);
  });

  it('refuses another item transaction while the import is paused between slices', async () => {
    const bank = await memoryBank();
    let finished = false;
    const running = importItems(bank, csv(4000, 17), {
      fileName: 'slices.csv',
      actor: 'admin',
      validOnly: true,
    }).finally(() => {
      finished = true;
    });
    // The import only awaits at its pauses once its transaction is open: an outside write
    // that runs then is refused, never joined to the import's transaction.
    let refused: unknown;
    while (!finished && refused === undefined) {
      await new Promise((resolve) => setImmediate(resolve));
      try {
        if (bank.db.inTransaction) bank.items.transaction(() => undefined);
      } catch (error) {
        refused = error;
      }
    }
    const report = await running;
    expect(refused).toMatchObject({ code: 'CONFLICT' });
    expect(tables(bank).items).toBe(report.imported);
    expect(() => bank.items.transaction(() => undefined)).not.toThrow();
  });
});
