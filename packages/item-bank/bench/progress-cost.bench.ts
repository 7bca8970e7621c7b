/* eslint-disable no-console */
/*
 * npm run bench:progress-cost [-- --rows 50000 --rounds 2 --json]
 * What progress costs an item import (docs/decisions/0944): the same CSV file (N distinct rows,
 * the bench:bank generator, 300 鉴定点) imported into a fresh bank file without a listener and
 * with the CLI's `--json` listener (JSON lines to a sink, the default 100 ms throttle), in
 * alternating order in one process, `rounds` times each. Wall time and the process's CPU time
 * per import: on a shared machine the CPU time is the steadier of the two.
 */
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os, { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createProgress, type Progress } from '@skillexam/shared';
import { createTerminalProgress } from '@skillexam/shared/progress-terminal';
import { fileByteSource } from '../src/cli/file-byte-source';
import { openBank } from '../src/db/open-bank';
import { importItems } from '../src/imports/import-items';
import { importStandardFile } from '../src/standards/import-standard';
import { benchItemsCsv, benchStandard } from './synthetic-bank';

function arg(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index === -1 ? undefined : process.argv[index + 1];
}

const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;

type Variant = 'none' | 'listener';

async function importOnce(dir: string, input: string, variant: Variant, n: number) {
  const bank = openBank(join(dir, `${variant}-${n}.qbank`));
  const standard = new TextEncoder().encode(JSON.stringify(benchStandard().json));
  await importStandardFile(bank.standards, standard, 'bench-standard.json', bank.clock());
  let events = 0;
  let bytes = 0;
  const sink = {
    isTTY: false,
    write: (text: string) => {
      events += 1;
      bytes += text.length;
      return true;
    },
  };
  const listener = createTerminalProgress({ stream: sink, json: true });
  const progress: Progress | undefined = variant === 'none' ? undefined : createProgress(listener);
  const cpu = process.cpuUsage();
  const start = performance.now();
  const report = await importItems(bank, fileByteSource(input), {
    fileName: input,
    actor: 'bench',
    ...(progress === undefined ? {} : { progress }),
  });
  const seconds = (performance.now() - start) / 1000;
  const used = process.cpuUsage(cpu);
  const cpuSeconds = (used.user + used.system) / 1e6;
  listener.stop();
  bank.close();
  if (report.imported === 0) throw new Error('nothing imported');
  return { variant, seconds, cpuSeconds, imported: report.imported, events, jsonKiB: bytes / 1024 };
}

async function main(): Promise<void> {
  const rows = Number(arg('rows') ?? 50_000);
  const rounds = Number(arg('rounds') ?? 2);
  const dir = mkdtempSync(join(tmpdir(), 'qbank-progress-cost-'));
  try {
    const input = join(dir, 'items.csv');
    writeFileSync(input, benchItemsCsv(rows, benchStandard().pointCodes));
    const runs: Awaited<ReturnType<typeof importOnce>>[] = [];
    for (let r = 0; r < rounds; r += 1) {
      // Alternate which goes first, so a drift of the machine does not favour one.
      const order: Variant[] = r % 2 === 0 ? ['none', 'listener'] : ['listener', 'none'];
      for (const variant of order) {
        const run = await importOnce(dir, input, variant, r);
        runs.push(run);
        console.error(
          `${variant}: ${round(run.seconds, 2)} s (CPU ${round(run.cpuSeconds, 2)} s), ${run.events} events`,
        );
      }
    }
    const mean = (variant: Variant, field: 'seconds' | 'cpuSeconds' = 'seconds') => {
      const of = runs.filter((run) => run.variant === variant);
      return of.reduce((sum, run) => sum + run[field], 0) / of.length;
    };
    const none = mean('none');
    const noneCpu = mean('none', 'cpuSeconds');
    const spread = (field: 'seconds' | 'cpuSeconds') => {
      const of = runs.filter((run) => run.variant === 'none').map((run) => run[field]);
      return round(((Math.max(...of) - Math.min(...of)) / mean('none', field)) * 100, 1);
    };
    const summary = {
      rows,
      fileMiB: round(statSync(input).size / 1048576, 1),
      rounds,
      runs: runs.map((run) => ({
        ...run,
        seconds: round(run.seconds, 2),
        cpuSeconds: round(run.cpuSeconds, 2),
        jsonKiB: round(run.jsonKiB),
      })),
      rowsPerSecond: {
        none: Math.round(rows / none),
        listener: Math.round(rows / mean('listener')),
      },
      listenerCostPercent: {
        wall: round(((mean('listener') - none) / none) * 100, 1),
        cpu: round(((mean('listener', 'cpuSeconds') - noneCpu) / noneCpu) * 100, 1),
      },
      /** How far the runs without a listener differ among themselves: the noise. */
      noiseWithoutListenerPercent: { wall: spread('seconds'), cpu: spread('cpuSeconds') },
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
