/* eslint-disable no-console */
/*
 * npm run bench:import-templated [-- --rows 100000 --only templated|distinct --json]
 * Imports N templated single-choice rows (stems that differ only in numbers, all in one
 * 鉴定点) and, for comparison, N distinct rows (the bench:bank generator), each as a dry run
 * and as a real import, each in its own process (so peak RSS is that import's alone). Reports
 * time, peak RSS, near-duplicate clusters and pairs; the full pair list is streamed to a file.
 */
import { fork } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os, { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { fileByteSource } from '../src/cli/file-byte-source';
import { LineFile } from '../src/cli/line-file';
import { openBank } from '../src/db/open-bank';
import { importItems } from '../src/imports/import-items';
import { importStandardFile } from '../src/standards/import-standard';
import { benchItemsCsv, benchStandard } from './synthetic-bank';
import { templatedItemsCsv } from './templated-items';

function arg(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index === -1 ? undefined : process.argv[index + 1];
}

const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;

/** One import in this process: prints its result as one JSON line. */
async function child(input: string, dryRun: boolean, dir: string): Promise<void> {
  const bank = openBank(join(dir, `${dryRun ? 'dry' : 'real'}-${Date.now()}.qbank`));
  const standard = benchStandard();
  await importStandardFile(
    bank.standards,
    new TextEncoder().encode(JSON.stringify(standard.json)),
    'bench-standard.json',
    bank.clock(),
  );
  const pairsFile = join(dir, `pairs-${process.pid}.jsonl`);
  const pairs = new LineFile(pairsFile);
  const start = performance.now();
  const report = await importItems(bank, fileByteSource(input), {
    fileName: input,
    actor: 'bench',
    validOnly: true,
    dryRun,
    onNearDuplicate: (pair) => pairs.writeJson(pair),
  });
  pairs.close();
  const seconds = (performance.now() - start) / 1000;
  bank.close();
  const result = {
    valid: report.valid,
    imported: report.imported,
    seconds: round(seconds, 2),
    peakRssMiB: round(process.resourceUsage().maxRSS / 1024, 0),
    clusters: report.nearDuplicateClusters,
    pairs: report.nearDuplicatePairs,
    listedPairs: report.nearDuplicates.length,
    unlistedClusters: report.unlistedNearDuplicateClusters,
    reportKiB: round(Buffer.byteLength(JSON.stringify(report)) / 1024, 0),
    pairsFileMiB: round(statSync(pairsFile).size / 1048576, 1),
  };
  console.log(JSON.stringify(result));
}

function run(input: string, dryRun: boolean, dir: string): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    const script = fileURLToPath(import.meta.url);
    const args = ['--child', input, '--dir', dir, ...(dryRun ? ['--dry-run'] : [])];
    const proc = fork(script, args, { execArgv: process.execArgv, silent: true });
    let out = '';
    proc.stdout?.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
    proc.stderr?.on('data', (chunk: Buffer) => process.stderr.write(chunk));
    proc.on('exit', (code) => {
      const line = out.trim().split('\n').pop() ?? '';
      if (code === 0) resolve(JSON.parse(line) as Record<string, unknown>);
      else reject(new Error(`import of ${input} exited with ${code}: ${out}`));
    });
  });
}

async function main(): Promise<void> {
  const childInput = arg('child');
  const dirArg = arg('dir');
  if (childInput !== undefined && dirArg !== undefined) {
    await child(childInput, process.argv.includes('--dry-run'), dirArg);
    return;
  }
  const rows = Number(arg('rows') ?? 100_000);
  const dir = mkdtempSync(join(tmpdir(), 'qbank-templated-'));
  try {
    const templated = join(dir, 'templated.csv');
    const distinct = join(dir, 'distinct.csv');
    writeFileSync(templated, templatedItemsCsv(rows, 'A-A-001'));
    writeFileSync(distinct, benchItemsCsv(rows, benchStandard().pointCodes));
    const results: Record<string, Record<string, unknown>> = {};
    const only = arg('only');
    for (const [name, input] of [
      ['templated', templated],
      ['distinct', distinct],
    ] as const) {
      if (only !== undefined && only !== name) continue;
      results[`${name} dry run`] = await run(input, true, dir);
      results[`${name} import`] = await run(input, false, dir);
    }
    const summary = {
      rows,
      results,
      loadAverage: os.loadavg().map((load) => round(load)),
      cpus: os.cpus().length,
      node: process.version,
    };
    console.log(process.argv.includes('--json') ? JSON.stringify(summary, null, 2) : summary);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
