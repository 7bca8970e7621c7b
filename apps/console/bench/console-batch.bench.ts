/* eslint-disable no-console */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Page } from '@playwright/test';
import { build } from 'esbuild';

/*
 * npm run bench:console — how long a batch of 500 status updates takes to apply and render on
 * a 500-candidate room, in Chromium, with the production React build: the real MonitorPage,
 * store and frame batcher, fed 500 monitor:attempt pushes at once (bench/bench-page.tsx).
 *   emit    the 500 socket handlers (queueing into the batcher)
 *   render  from the batcher's animation frame to the last DOM mutation (reducer + React commit)
 * Target (one frame at 60 Hz, docs/benchmarks.md): render ≤ 16 ms. Seat-map view and table view, 40 batches each.
 */

const ROUNDS = 40;
const root = fileURLToPath(new URL('..', import.meta.url));
const chromiumPath = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

function stats(values: number[]): { median: number; p95: number; max: number } {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return { median: at(0.5), p95: at(0.95), max: sorted.at(-1) ?? 0 };
}

async function measure(page: Page, label: string): Promise<void> {
  const results: { emitMs: number; renderMs: number; totalMs: number }[] = [];
  for (let round = 0; round < ROUNDS; round += 1) {
    results.push(
      await page.evaluate((r) => {
        if (window.consoleBench === undefined) throw new Error('bench page not ready');
        return window.consoleBench.runBatch(r);
      }, round + 1),
    );
  }
  const measured = results.slice(5); // the first batches warm up the JIT
  const fmt = (s: { median: number; p95: number; max: number }) =>
    `median ${s.median.toFixed(1)} ms, p95 ${s.p95.toFixed(1)} ms, max ${s.max.toFixed(1)} ms`;
  console.log(`${label}:`);
  console.log(`  emit 500 pushes   ${fmt(stats(measured.map((r) => r.emitMs)))}`);
  console.log(`  apply + render    ${fmt(stats(measured.map((r) => r.renderMs)))}`);
  console.log(`  total             ${fmt(stats(measured.map((r) => r.totalMs)))}`);
}

const dir = await mkdtemp(join(tmpdir(), 'console-bench-'));
try {
  await build({
    entryPoints: [`${root}bench/bench-page.tsx`],
    outfile: join(dir, 'bench.js'),
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: ['chrome120'],
    minify: true,
    jsx: 'automatic',
    logLevel: 'warning',
    define: { 'process.env.NODE_ENV': '"production"' },
  });
  await writeFile(
    join(dir, 'index.html'),
    '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"></head><body style="margin:0"><div id="root"></div><script src="bench.js"></script></body></html>',
  );
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: ['--no-sandbox', '--disable-gpu'],
  });
  const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
  await page.goto(`file://${join(dir, 'index.html')}`);
  await page.waitForFunction(() => (window.consoleBench?.rendered() ?? 0) > 0);
  console.log(
    `seat map: ${await page.evaluate(() => window.consoleBench?.rendered() ?? 0)} of 500 seats rendered (virtualized)`,
  );
  await measure(page, 'seat map, 500 candidates, batch of 500 updates');
  await page.getByText('考生列表').click();
  await page.waitForSelector('[data-testid="candidate-table"] .candidate-row');
  await measure(page, 'candidate table (virtual), 500 candidates, batch of 500 updates');
  await browser.close();
  console.log(`(${ROUNDS} batches each, first 5 discarded; Chromium ${chromiumPath})`);
} finally {
  await rm(dir, { recursive: true, force: true });
}
