/* eslint-disable no-console -- a benchmark prints its results */
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { freePort, ServerProcess } from '../faults/support/server-process';
import { requestJson } from '../faults/support/site-tls-client';
import { sample, summarize, timeNodeProcess, type Summary } from './startup/process-timing';
import { startExamInProgress } from './startup/restart-after-kill';

/*
 * `npm run bench:startup [-- --runs 10 --attempts 5000 --json]` (docs/benchmarks.md, docs/decisions/0721):
 * each command timed as a whole process (exec → exit, or exec → ready), beside `node -e 0`, the
 * floor of any Node program on this machine. The commands run through their bins, i.e. the
 * bundles `npm run build:apps` made (the npm script builds them first when stale).
 */
const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '10' },
    attempts: { type: 'string', default: '5000' },
    json: { type: 'boolean', default: false },
  },
});
const RUNS = Number(values.runs);
const ATTEMPTS = Number(values.attempts);
const ROOT = join(import.meta.dirname, '..', '..', '..');
const QBANK = join(ROOT, 'packages/item-bank/bin/qbank.js');
const PROCTOR = join(ROOT, 'apps/proctor-server/bin/proctor-server.js');
const work = mkdtempSync(join(tmpdir(), 'bench-startup-'));

/** The demo site `npm start` builds (made here when missing): its bank and server data. */
function demoSite(): string {
  const dir = process.env['SKILLEXAM_DEMO_DIR'] ?? join(ROOT, '.data/demo');
  if (!existsSync(join(dir, 'demo-site.json'))) {
    console.error(`building the demo site in ${dir} (once, about half a minute)…`);
    const made = spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        '--eval',
        `import('./scripts/demo/demo-site.ts').then((m) => m.ensureDemoSite(${JSON.stringify(dir)}, { log: () => {} }))`,
      ],
      { cwd: ROOT, stdio: 'inherit' },
    );
    if (made.status !== 0) throw new Error('could not build the demo site');
  }
  return dir;
}

interface Row extends Summary {
  readonly command: string;
  readonly targetMs: number;
  readonly ratioToFloor: number;
}

const rows: Row[] = [];
let floor: Summary | undefined;
function record(command: string, targetMs: number, samples: number[]): void {
  const summary = summarize(samples);
  if (floor === undefined) floor = summary;
  rows.push({
    command,
    targetMs,
    ...summary,
    ratioToFloor: Math.round((summary.medianMs / floor.medianMs) * 10) / 10,
  });
  console.error(`  ${command}: median ${summary.medianMs} ms, p90 ${summary.p90Ms} ms`);
}

const demo = demoSite();
const bank = join(work, 'bank.qbank');
copyFileSync(join(demo, 'bank.qbank'), bank);
const process_ = (args: readonly string[]) => () => timeNodeProcess(args, ROOT);

record('node -e 0', 0, await sample(RUNS, process_(['-e', '0'])));
record('qbank --version', 300, await sample(RUNS, process_([QBANK, '--version'])));
record('proctor-server --help', 300, await sample(RUNS, process_([PROCTOR, '--help'])));
record(
  'qbank search 电工 (demo bank)',
  500,
  await sample(RUNS, process_([QBANK, 'search', '电工', '--bank', bank])),
);
const found = spawnSync(process.execPath, [QBANK, 'search', '电', '--bank', bank, '--json'], {
  encoding: 'utf8',
});
const itemId = /"id":\s*"([^"]+)"/.exec(found.stdout)?.[1];
if (itemId === undefined) throw new Error(`no item found in the demo bank: ${found.stderr}`);
record(
  'qbank item show (demo bank)',
  500,
  await sample(RUNS, process_([QBANK, 'item', 'show', itemId, '--bank', bank])),
);

// The demo site's server: exec → the first HTTPS answer (what a kiosk's connection needs).
const serverData = join(work, 'server');
cpSync(join(demo, 'server'), serverData, { recursive: true });
const demoServer = new ServerProcess(serverData, await freePort());
record(
  'proctor-server serve → accepting (demo site)',
  1000,
  await sample(RUNS, async () => {
    const started = performance.now();
    await demoServer.start();
    await requestJson(`${demoServer.url}/api/health`, { tls: demoServer.tls });
    const elapsed = performance.now() - started;
    await demoServer.stop();
    return elapsed;
  }),
);

console.error(`  seeding an exam with ${ATTEMPTS} attempts…`);
const exam = await startExamInProgress(join(work, 'exam'), ATTEMPTS);
const listening: number[] = [];
const acks: number[] = [];
await exam.killAndResend(); // warm-up
for (let i = 0; i < RUNS; i++) {
  const run = await exam.killAndResend();
  listening.push(run.listeningMs);
  acks.push(run.firstAckMs);
}
await exam.close();
record(`SIGKILL mid-exam (${ATTEMPTS} attempts) → listening`, 1500, listening);
record(`SIGKILL mid-exam (${ATTEMPTS} attempts) → first ack of a resent answer`, 1500, acks);
rmSync(work, { recursive: true, force: true });

if (values.json) {
  console.log(JSON.stringify({ node: process.version, runs: RUNS, rows }, null, 2));
} else {
  console.log(
    `\nstart-up, ${RUNS} runs each (node ${process.version}); ratio = median / node -e 0`,
  );
  console.log('| command | median ms | p90 ms | × floor | target |');
  console.log('|---|---:|---:|---:|---|');
  for (const row of rows) {
    const target = row.targetMs === 0 ? 'floor' : `≤ ${row.targetMs} ms`;
    const met = row.targetMs === 0 ? '' : row.medianMs <= row.targetMs ? ' ✓' : ' ✗';
    console.log(
      `| ${row.command} | ${row.medianMs} | ${row.p90Ms} | ${row.ratioToFloor} | ${target}${met} |`,
    );
  }
}
