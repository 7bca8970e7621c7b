import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { jsonChunks } from '../src/cli/json-stream';
import { qbank } from './support/qbank-cli';
import { openBank } from '../src/db/open-bank';
import { bigramSet } from '../src/items/similarity';
import type { ImportedNearDuplicate, ImportReport } from '../src/imports/import-report';
import { LISTED_CLUSTERS, PAIRS_PER_CLUSTER } from '../src/imports/near-duplicate-clusters';
import { MAX_NEIGHBOURS, NearDuplicates, SCAN_LIMIT } from '../src/imports/near-duplicates';
import { electricianStandardJson, singleChoice, tempDir } from './support/fixtures';

/*
 * Templated banks (docs/decisions/0920–0922): near duplicates come as bounded clusters with the
 * rest counted, the full list is a JSON-lines file, `--json` stays valid; detection uses an index
 * past a small 鉴定点, against the bank's items as well as the file's rows.
 */

const { dir, cleanup } = tempDir();
afterAll(cleanup);

/** A seeded run of CJK characters: templates that share no wording. */
function words(seed: number, length: number): string {
  let x = seed * 2654435761;
  let text = '';
  for (let n = 0; n < length; n += 1) {
    x = (Math.imul(x ^ (x >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0;
    text += String.fromCodePoint(0x4e00 + (x % 0x5000));
  }
  return text;
}

/** `templates` × `variants` single-choice rows; the rows of a template differ only in numbers. */
function templatedCsv(templates: number, variants: number, offset = 0): string {
  const lines = ['题型,题干,选项A,选项B,选项C,选项D,答案,鉴定点代码'];
  for (let v = 0; v < variants; v += 1) {
    for (let t = 0; t < templates; t += 1) {
      const a = 3 + v + offset;
      lines.push(
        `单选,${words(t + 1, 14)}两端电压为 ${a} V，电流为 ${t + 2} A，其阻值为,${a} Ω,${a + 1} Ω,${a + 2} Ω,${a + 3} Ω,A,B-A-001`,
      );
    }
  }
  return lines.join('\n');
}

async function newBank(name: string): Promise<string> {
  const bank = join(dir, name);
  expect((await qbank('init', bank)).code).toBe(0);
  writeFileSync(join(dir, 'std.json'), JSON.stringify(electricianStandardJson()));
  expect((await qbank('standard', 'import', join(dir, 'std.json'), '--bank', bank)).code).toBe(0);
  return bank;
}

function readPairs(path: string): ImportedNearDuplicate[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as ImportedNearDuplicate);
}

const rowOf = (ref: string) => Number(/第(\d+)行/.exec(ref)?.[1]);

describe('near duplicates of a templated file', () => {
  it('are bounded clusters with the rest counted; the full list file holds every pair', async () => {
    const bank = await newBank('templated.qbank');
    const file = join(dir, 'templated.csv');
    writeFileSync(file, templatedCsv(60, 50));
    const full = join(dir, 'pairs.jsonl');
    const run = await qbank(
      'import',
      file,
      '--bank',
      bank,
      '--json',
      '--near-duplicates-file',
      full,
    );
    expect(run.code).toBe(0);
    const report = (JSON.parse(run.stdout) as { ok: boolean; data: ImportReport }).data;
    expect(report.imported).toBe(3000);
    expect(report.nearDuplicateClusters).toBe(60);
    expect(report.unlistedNearDuplicateClusters).toBe(60 - LISTED_CLUSTERS);
    expect(report.nearDuplicates.length).toBeLessThanOrEqual(LISTED_CLUSTERS * PAIRS_PER_CLUSTER);
    expect(new Set(report.nearDuplicates.map((pair) => pair.cluster)).size).toBe(LISTED_CLUSTERS);
    expect(report.unlistedNearDuplicatePairs).toBe(
      report.nearDuplicatePairs - report.nearDuplicates.length,
    );
    expect(report.issues.map((issue) => issue.reason)).toContainEqual(
      expect.stringContaining(`另有 ${60 - LISTED_CLUSTERS} 组相似试题未列出`),
    );
    expect(run.stdout.length).toBeLessThan(1_000_000);

    const pairs = readPairs(full);
    expect(pairs).toHaveLength(report.nearDuplicatePairs);
    const key = (pair: ImportedNearDuplicate) => `${pair.itemId}|${pair.otherItemId}`;
    const all = new Set(pairs.map(key));
    for (const listed of report.nearDuplicates) expect(all.has(key(listed))).toBe(true);
    // Each item in one cluster; a cluster is one template (rows 2.. cycle through the 60).
    const clusterOf = new Map<string, number>();
    const templateOf = new Map<number, number>();
    const perItem = new Map<string, number>();
    for (const pair of pairs) {
      for (const id of [pair.itemId, pair.otherItemId]) {
        expect(clusterOf.get(id) ?? pair.cluster).toBe(pair.cluster);
        clusterOf.set(id, pair.cluster);
      }
      perItem.set(pair.itemId, (perItem.get(pair.itemId) ?? 0) + 1);
      const template = (rowOf(pair.ref) - 2) % 60;
      expect(templateOf.get(pair.cluster) ?? template).toBe(template);
      templateOf.set(pair.cluster, template);
      if (pair.otherRef !== undefined) expect((rowOf(pair.otherRef) - 2) % 60).toBe(template);
    }
    expect(clusterOf.size).toBe(3000);
    expect(new Set(clusterOf.values()).size).toBe(60);
    expect(Math.max(...perItem.values())).toBeLessThanOrEqual(MAX_NEIGHBOURS);

    const db = openBank(bank);
    try {
      expect(db.items.listDuplicateFlags()).toHaveLength(report.nearDuplicatePairs);
    } finally {
      db.close();
    }
  });

  it('finds the bank items of a large 鉴定点 as neighbours of the new rows', async () => {
    const bank = await newBank('bank-side.qbank');
    const first = join(dir, 'first.csv');
    writeFileSync(first, templatedCsv(10, 60));
    expect((await qbank('import', first, '--bank', bank)).code).toBe(0);
    const second = join(dir, 'second.csv');
    writeFileSync(second, templatedCsv(10, 1, 500));
    const full = join(dir, 'second.jsonl');
    const run = await qbank(
      'import',
      second,
      '--bank',
      bank,
      '--dry-run',
      '--json',
      '--near-duplicates-file',
      full,
    );
    expect(run.code).toBe(0);
    const report = (JSON.parse(run.stdout) as { data: ImportReport }).data;
    expect(report.nearDuplicateClusters).toBe(10);
    const pairs = readPairs(full);
    expect(pairs.length).toBeGreaterThanOrEqual(10);
    for (const pair of pairs) expect(pair.otherRef).toBeUndefined();
  });

  it('past SCAN_LIMIT the index still finds a text at the threshold', () => {
    const near = new NearDuplicates({ pointTexts: () => [], content: () => undefined });
    const texts = Array.from({ length: SCAN_LIMIT + 50 }, (_, n) => words(n + 1000, 30));
    texts.forEach((text, n) => {
      near.flag({ scope: 'p', id: `i${n}`, content: singleChoice(`x${n}`), text });
    });
    const base = texts[7] ?? '';
    const edited = `${base.slice(0, 27)}测量值`;
    const grams = bigramSet(edited);
    expect(grams.length).toBeGreaterThan(0);
    const found = near.flag({ scope: 'p', id: 'new', content: singleChoice('y'), text: edited });
    expect(found.map((match) => match.id)).toEqual(['i7']);
    expect(found[0]?.similarity).toBeGreaterThanOrEqual(0.85);
  });

  it('streams JSON in chunks that make the same document', () => {
    const value = {
      a: [1, 'x"y', null, { b: true }],
      big: Array.from({ length: 20_000 }, (_, n) => ({ n })),
    };
    const chunks = [...jsonChunks(value)];
    expect(chunks.length).toBeGreaterThan(1);
    expect(JSON.parse(chunks.join('\n'))).toEqual(value);
    expect(chunks.join('')).toBe(JSON.stringify(value));
  });
});
