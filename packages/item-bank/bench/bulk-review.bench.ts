/* eslint-disable no-console */
/*
 * 批量审核 benchmark (docs/decisions/0700, docs/benchmarks.md): builds a bank of N items through the real import path, then
 * times the real `qbank` binary, as whole processes:
 *   1. `qbank review submit --ids-file <file>` by the writer (every imported draft),
 *   2. `qbank review approve --all-submitted` by a reviewer (the four-eyes rule per item).
 *
 *   npx tsx packages/item-bank/bench/bulk-review.bench.ts [--items 20000] [--json]
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os, { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { openBank } from '../src/db/open-bank';
import { importItems } from '../src/imports/import-items';
import { importStandardFile } from '../src/standards/import-standard';
import { benchItemsCsv, benchStandard } from './synthetic-bank';

const BIN = fileURLToPath(new URL('../bin/qbank.js', import.meta.url));

function arg(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  const value = index === -1 ? undefined : Number(process.argv[index + 1]);
  return value === undefined || !Number.isFinite(value) ? fallback : value;
}

const round = (value: number, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits;

/** Runs qbank as a whole process; seconds from spawn to exit. */
function timedQbank(args: string[]): { seconds: number; stdout: string } {
  const start = performance.now();
  const result = spawnSync(process.execPath, [BIN, ...args], {
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  const seconds = (performance.now() - start) / 1000;
  if (result.status !== 0) {
    throw new Error(`qbank ${args.join(' ')} → ${result.status}\n${result.stderr}`);
  }
  return { seconds, stdout: result.stdout };
}

async function main(): Promise<void> {
  const itemCount = arg('items', 20_000);
  const json = process.argv.includes('--json');
  const dir = mkdtempSync(join(tmpdir(), 'qbank-review-bench-'));
  const path = join(dir, 'bench.qbank');
  try {
    const bank = openBank(path);
    const standard = benchStandard();
    await importStandardFile(
      bank.standards,
      new TextEncoder().encode(JSON.stringify(standard.json)),
      'bench-standard.json',
      bank.clock(),
    );
    const importStart = performance.now();
    const report = await importItems(
      bank,
      new TextEncoder().encode(benchItemsCsv(itemCount, standard.pointCodes)),
      { fileName: 'bench.csv', actor: '王命题', validOnly: true },
    );
    const importSeconds = (performance.now() - importStart) / 1000;
    const drafts = bank.items.idsWithStatus('draft');
    bank.db.pragma('wal_checkpoint(TRUNCATE)');
    bank.close();
    const idsFile = join(dir, 'ids.txt');
    writeFileSync(idsFile, `${drafts.join('\n')}\n`);

    const floor = timedQbank(['--version']);
    const submit = timedQbank([
      'review',
      'submit',
      '--bank',
      path,
      '--ids-file',
      idsFile,
      '--actor',
      '王命题',
      '--json',
    ]);
    const approve = timedQbank([
      'review',
      'approve',
      '--all-submitted',
      '--bank',
      path,
      '--actor',
      '李审核',
      '--json',
    ]);
    const inside = (stdout: string) =>
      JSON.parse(stdout) as { data: { done: unknown[]; elapsedMs: number } };
    const approved = inside(approve.stdout).data.done.length;
    const result = {
      items: report.imported,
      importSeconds: round(importSeconds),
      qbankVersionSeconds: round(floor.seconds),
      submitIdsFileSeconds: round(submit.seconds),
      submitInCommandSeconds: round(inside(submit.stdout).data.elapsedMs / 1000),
      approveAllSubmittedSeconds: round(approve.seconds),
      approveInCommandSeconds: round(inside(approve.stdout).data.elapsedMs / 1000),
      approved,
      approvedPerSecond: Math.round(approved / approve.seconds),
      loadAverage: os.loadavg().map((load) => round(load, 1)),
      node: process.version,
    };
    console.log(json ? JSON.stringify(result, null, 2) : result);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
