/* eslint-disable no-console */
/*
 * npm run bench:bank [-- --items 100000 --queries 1000 --json]
 * Builds a synthetic bank (300-point standard, N items imported from one CSV through the real
 * import path), then measures search latency for random 2–6 character Chinese queries.
 *
 * Import only, from a file written beforehand (so the generator's memory is not in the peak RSS):
 *   npm run bench:bank -- --items 100000 --make-input /tmp/bench.csv   (or .xlsx)
 *   npm run bench:bank -- --input /tmp/bench.csv --import-only --json
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import os, { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileByteSource } from '../src/cli/file-byte-source';
import { openBank } from '../src/db/open-bank';
import { importItems } from '../src/imports/import-items';
import { searchItems } from '../src/search/search-items';
import { importStandardFile } from '../src/standards/import-standard';
import { writeBenchInput } from './bench-input';
import { benchItemsCsv, benchQuery, benchStandard, mulberry32 } from './synthetic-bank';

function stringArg(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index === -1 ? undefined : process.argv[index + 1];
}

function arg(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  const value = index === -1 ? undefined : Number(process.argv[index + 1]);
  return value === undefined || !Number.isFinite(value) ? fallback : value;
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)] ?? 0;
}

const round = (value: number, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits;

async function main(): Promise<void> {
  const itemCount = arg('items', 100_000);
  const queryCount = arg('queries', 1000);
  const json = process.argv.includes('--json');
  // --keep <file>: build the bank there and keep it; --reuse <file>: skip the import.
  const reuse = stringArg('reuse');
  const keep = stringArg('keep');
  const makeInput = stringArg('make-input');
  const input = stringArg('input');
  const importOnly = process.argv.includes('--import-only');
  if (makeInput !== undefined) {
    await writeBenchInput(makeInput, itemCount, benchStandard().pointCodes);
    console.log(`wrote ${makeInput} (${statSync(makeInput).size} bytes, ${itemCount} items)`);
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'qbank-bench-'));
  const path = reuse ?? keep ?? join(dir, 'bench.qbank');
  try {
    const bank = openBank(path);
    let report = { imported: 0, skipped: 0, nearDuplicates: [] as unknown[] };
    let importMs = 0;
    let afterImport: NodeJS.MemoryUsage | undefined;
    if (reuse === undefined) {
      const standard = benchStandard();
      await importStandardFile(
        bank.standards,
        new TextEncoder().encode(JSON.stringify(standard.json)),
        'bench-standard.json',
        bank.clock(),
      );
      // --input: the file is streamed from disk (as `qbank import` does), never read whole.
      const source =
        input === undefined
          ? new TextEncoder().encode(benchItemsCsv(itemCount, standard.pointCodes))
          : fileByteSource(input);
      const importStart = performance.now();
      report = await importItems(bank, source, {
        fileName: input ?? 'bench.csv',
        actor: 'bench',
        validOnly: true,
      });
      importMs = performance.now() - importStart;
      afterImport = process.memoryUsage();
      bank.db.pragma('wal_checkpoint(TRUNCATE)');
    }
    if (importOnly) {
      bank.close();
      const result = {
        input: input ?? 'bench.csv (generated in memory)',
        imported: report.imported,
        skipped: report.skipped,
        nearDuplicatesFlagged: report.nearDuplicates.length,
        importSeconds: round(importMs / 1000),
        itemsPerSecond: Math.round(report.imported / (importMs / 1000)),
        fileMiB: round(statSync(path).size / 1024 / 1024, 1),
        peakRssMiB: round(process.resourceUsage().maxRSS / 1024, 0),
        // Right after the import (before the checkpoint): where the memory is.
        afterImportMiB:
          afterImport === undefined
            ? undefined
            : {
                rss: round(afterImport.rss / 1048576, 0),
                heapTotal: round(afterImport.heapTotal / 1048576, 0),
                heapUsed: round(afterImport.heapUsed / 1048576, 0),
                external: round(afterImport.external / 1048576, 0),
              },
        loadAverage: os.loadavg().map((load) => round(load, 1)),
        node: process.version,
      };
      console.log(json ? JSON.stringify(result, null, 2) : result);
      return;
    }

    const random = mulberry32(7);
    const perLength: Record<number, number[]> = { 2: [], 3: [], 4: [], 5: [], 6: [] };
    let hits = 0;
    // Warm-up: the first queries pay for page-cache misses and statement preparation.
    for (let n = 0; n < 20; n += 1) searchItems(bank.search, benchQuery(random, 2 + (n % 5)));
    for (let n = 0; n < queryCount; n += 1) {
      const length = 2 + (n % 5);
      const query = benchQuery(random, length);
      const start = performance.now();
      const page = searchItems(bank.search, query);
      perLength[length]?.push(performance.now() - start);
      hits += page.total;
    }
    // The same kind of queries with filters (type + difficulty), which take the general path.
    const filtered: Record<number, number[]> = { 2: [], 3: [], 4: [], 5: [], 6: [] };
    for (let n = 0; n < queryCount; n += 1) {
      const length = 2 + (n % 5);
      const query = benchQuery(random, length);
      const start = performance.now();
      searchItems(bank.search, query, {
        type: 'single_choice',
        minDifficulty: 2,
        maxDifficulty: 4,
      });
      filtered[length]?.push(performance.now() - start);
    }
    // A 鉴定范围 filter (with descendants) takes the general SQL path.
    const ranged: Record<number, number[]> = { 2: [], 3: [], 4: [], 5: [], 6: [] };
    for (let n = 0; n < queryCount; n += 1) {
      const length = 2 + (n % 5);
      const query = benchQuery(random, length);
      const start = performance.now();
      searchItems(bank.search, query, { rangeId: '6-31-01-03:2018:B' });
      ranged[length]?.push(performance.now() - start);
    }
    const summarize = (table: Record<number, number[]>) =>
      Object.entries(table).map(([length, times]) => {
        const sorted = [...times].sort((a, b) => a - b);
        return {
          length: Number(length),
          queries: sorted.length,
          p50Ms: round(percentile(sorted, 50)),
          p95Ms: round(percentile(sorted, 95)),
          maxMs: round(sorted.at(-1) ?? 0),
        };
      });
    const filteredSearch = summarize(filtered);
    const rangeSearch = summarize(ranged);
    const search = Object.entries(perLength).map(([length, times]) => {
      const sorted = [...times].sort((a, b) => a - b);
      return {
        length: Number(length),
        queries: sorted.length,
        p50Ms: round(percentile(sorted, 50)),
        p95Ms: round(percentile(sorted, 95)),
        maxMs: round(sorted.at(-1) ?? 0),
      };
    });
    bank.close();
    const result = {
      items: itemCount,
      imported: report.imported,
      skipped: report.skipped,
      nearDuplicatesFlagged: report.nearDuplicates.length,
      importSeconds: round(importMs / 1000),
      itemsPerSecond: Math.round(report.imported / (importMs / 1000)),
      fileBytes: statSync(path).size,
      fileMiB: round(statSync(path).size / 1024 / 1024, 1),
      peakRssMiB: round(process.resourceUsage().maxRSS / 1024, 0),
      averageHitsPerQuery: Math.round(hits / queryCount),
      search,
      filteredSearch,
      rangeSearch,
      node: process.version,
    };
    if (json) {
      console.log(JSON.stringify(result, null, 2));
      return;
    }
    console.log(
      `items ${result.items} (imported ${result.imported}, skipped ${result.skipped}, near-duplicates flagged ${result.nearDuplicatesFlagged})`,
    );
    console.log(
      `import ${result.importSeconds} s (${result.itemsPerSecond} items/s), file ${result.fileMiB} MiB, peak RSS ${result.peakRssMiB} MiB`,
    );
    console.log('query length | queries | p50 ms | p95 ms | max ms');
    for (const row of search) {
      console.log(`${row.length} | ${row.queries} | ${row.p50Ms} | ${row.p95Ms} | ${row.maxMs}`);
    }
    console.log('with filters (type = single_choice, difficulty 2–4):');
    for (const row of filteredSearch) {
      console.log(`${row.length} | ${row.queries} | ${row.p50Ms} | ${row.p95Ms} | ${row.maxMs}`);
    }
    console.log('with a 鉴定范围 filter (B 相关知识 and below):');
    for (const row of rangeSearch) {
      console.log(`${row.length} | ${row.queries} | ${row.p50Ms} | ${row.p95Ms} | ${row.maxMs}`);
    }
    console.log(`average total hits per query: ${result.averageHitsPerQuery}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
