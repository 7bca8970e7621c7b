/* eslint-disable no-console -- a benchmark prints its results */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

/*
 * `npm run bench:center [-- --only ingest,lookup] [-- --quick]` (docs/benchmarks.md, "Evaluation
 * centre"): the centre's three benches, each its own process on a real PostgreSQL server —
 * DATABASE_URL when set, else a throwaway cluster of apps/center/scripts/test-postgres.sh in its
 * own folder (so the tests' cluster is never touched), stopped at the end. Full sizes: ingest of
 * 1,000 packages × 100 candidates by 8 uploaders; 100,000 certificates by 8 issuers across 20
 * organisations; public lookup among 1,000,000 certificates. `--quick` runs small sizes (a smoke
 * check of the benches, not numbers to record).
 */

const { values } = parseArgs({
  options: {
    only: { type: 'string' },
    quick: { type: 'boolean', default: false },
  },
});
const QUICK = values.quick;
const HERE = import.meta.dirname;
const ROOT = join(HERE, '..', '..', '..');
const PG_SCRIPT = join(HERE, '..', 'scripts', 'test-postgres.sh');

interface Bench {
  readonly name: string;
  readonly file: string;
  readonly args: readonly string[];
  readonly env: Readonly<Record<string, string>>;
  readonly what: string;
}

const BENCHES: readonly Bench[] = [
  {
    name: 'ingest',
    file: 'ingest.bench.ts',
    args: [],
    env: QUICK
      ? { PACKAGES: '40', CANDIDATES: '100', UPLOADERS: '8' }
      : { PACKAGES: '1000', CANDIDATES: '100', UPLOADERS: '8' },
    what: QUICK
      ? '40 packages × 100 candidates, 8 uploaders'
      : '1,000 packages × 100 candidates, 8 uploaders',
  },
  {
    name: 'certificates',
    file: 'certificates.bench.ts',
    args: ['--total', QUICK ? '2000' : '100000', '--issuers', '8', '--organisations', '20'],
    env: {},
    what: `${QUICK ? '2,000' : '100,000'} certificates, 8 issuers, 20 organisations`,
  },
  {
    name: 'lookup',
    file: 'lookup.bench.ts',
    args: ['--certificates', QUICK ? '20000' : '1000000', ...(QUICK ? ['--lookups', '500'] : [])],
    env: {},
    what: `lookup among ${QUICK ? '20,000' : '1,000,000'} certificates`,
  },
];

const only = values.only?.split(',').map((name) => name.trim());
const chosen = BENCHES.filter((bench) => only === undefined || only.includes(bench.name));

/** A cluster of our own (not the tests' /tmp/skillexam-center-pg), or DATABASE_URL as given. */
function startPostgres(): { url: string; stop: () => void } {
  const given = process.env['DATABASE_URL'];
  if (given !== undefined && given !== '') return { url: given, stop: () => undefined };
  const env = {
    ...process.env,
    CENTER_TEST_PG_DIR: `/tmp/skillexam-center-bench-pg-${process.pid}`,
    // A real server's durability (fsync, synchronous commit), not the tests' fast settings.
    CENTER_TEST_PG_DURABLE: '1',
  };
  const started = spawnSync('bash', [PG_SCRIPT], { env, encoding: 'utf8' });
  process.stderr.write(started.stderr);
  const url = /CENTER_TEST_DATABASE_URL=(\S+)/.exec(started.stdout)?.[1];
  if (started.status !== 0 || url === undefined)
    throw new Error(`PostgreSQL did not start (test-postgres.sh exit ${String(started.status)})`);
  let stopped = false;
  return {
    url,
    stop() {
      if (stopped) return;
      stopped = true;
      const result = spawnSync('bash', [PG_SCRIPT, 'stop'], { env, encoding: 'utf8' });
      process.stderr.write(result.stderr);
    },
  };
}

interface Outcome {
  readonly bench: Bench;
  readonly status: 'ok' | 'failed' | 'missing';
  readonly seconds: number;
  readonly load: string;
  readonly output: string;
}

const loadText = () =>
  loadavg()
    .map((n) => n.toFixed(1))
    .join(' / ');

function runBench(bench: Bench, databaseUrl: string): Promise<Outcome> {
  const file = join(HERE, bench.file);
  if (!existsSync(file))
    return Promise.resolve({ bench, status: 'missing', seconds: 0, load: '', output: '' });
  console.log(`\n━━ ${bench.name}: ${bench.what}`);
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', file, ...bench.args], {
    cwd: ROOT,
    env: { ...process.env, ...bench.env, DATABASE_URL: databaseUrl },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => {
    output += chunk.toString();
    process.stdout.write(chunk);
  });
  return new Promise((resolve) => {
    child.once('exit', (code) =>
      resolve({
        bench,
        status: code === 0 ? 'ok' : 'failed',
        seconds: (performance.now() - started) / 1000,
        load: loadText(),
        output: output.trim(),
      }),
    );
  });
}

const postgres = startPostgres();
const stopOnSignal = () => {
  postgres.stop();
  process.exit(130);
};
process.once('SIGINT', stopOnSignal);
process.once('SIGTERM', stopOnSignal);
const outcomes: Outcome[] = [];
try {
  console.log(
    `centre benches on PostgreSQL · ${String(cpus().length)} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version} · load before ${loadText()}${QUICK ? ' · QUICK sizes' : ''}`,
  );
  for (const bench of chosen) outcomes.push(await runBench(bench, postgres.url));
} finally {
  postgres.stop();
}

console.log('\n━━ summary');
for (const outcome of outcomes) {
  const head = `${outcome.bench.name.padEnd(13)} ${outcome.status.padEnd(8)}`;
  if (outcome.status === 'missing') {
    console.log(`${head} apps/center/bench/${outcome.bench.file} is not there yet: skipped`);
    continue;
  }
  console.log(
    `${head} ${outcome.seconds.toFixed(0)} s, load after ${outcome.load} · ${outcome.bench.what}`,
  );
}
if (outcomes.some((outcome) => outcome.status === 'failed')) process.exitCode = 1;
