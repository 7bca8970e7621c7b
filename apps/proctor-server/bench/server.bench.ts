/* eslint-disable no-console */
import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Ack } from '@skillexam/shared';
import { requestJson } from '../faults/support/site-tls-client';
import { kioskLoginBody, type KioskKey } from '../test/support/enrolled-kiosk';

/*
 * `npm run bench:server -- --candidates 5000 --autosave 5 --duration 120 --json`
 * The server runs in a child process (measured alone); this process simulates the candidates
 * with the real socket.io-client. The same load then runs against a bare socket.io +
 * better-sqlite3 echo server as the CPU baseline. Everything runs over HTTPS/WSS with a site
 * certificate, as on an exam day; `--insecure-http` runs it over plain HTTP instead, and
 * `--compare-http` runs the full load a second time over plain HTTP in the same run and reports
 * what TLS costs (docs/decisions/0234).
 */

const { values } = parseArgs({
  options: {
    candidates: { type: 'string', default: '500' },
    autosave: { type: 'string', default: '5' },
    duration: { type: 'string', default: '30' },
    'login-storm': { type: 'string', default: '1000' },
    'skip-baseline': { type: 'boolean', default: false },
    'sim-workers': { type: 'string', default: '2' },
    'insecure-http': { type: 'boolean', default: false },
    'compare-http': { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
  },
});
const CANDIDATES = Number(values.candidates);
const AUTOSAVE_S = Number(values.autosave);
const DURATION_S = Number(values.duration);
const SIM_WORKERS = Math.max(1, Number(values['sim-workers']));
const STORM = Math.min(Number(values['login-storm']), CANDIDATES);
// A socket dropped mid-emit rejects its pending acks; the simulator retries those events, so
// such rejections are counted (and reported) instead of ending the run.
let droppedEmits = 0;
const countDropped = (reason: unknown): void => {
  if (reason instanceof Error && reason.message.includes('disconnected')) droppedEmits += 1;
  else {
    console.error(reason);
    process.exit(1);
  }
};
process.on('unhandledRejection', countDropped);
process.on('uncaughtException', countDropped);
const log = (...args: unknown[]): void => {
  if (!values.json) console.log(...args);
};

interface ServerChild {
  readonly child: ChildProcess;
  readonly url: string;
  /** The site CA (HTTPS runs); test clients trust only it. */
  readonly ca: string | undefined;
  /** Full mode: each candidate with the enrolled exam PC they sit at. */
  readonly candidates: { ticket: string; code: string; attemptId: string; kiosk?: KioskKey }[];
  request<T>(message: object, replyType: string): Promise<T>;
}

type Transport = 'tls' | 'http';
const TRANSPORT: Transport = values['insecure-http'] ? 'http' : 'tls';

async function startChild(mode: 'full' | 'bare', transport: Transport): Promise<ServerChild> {
  const child = fork(
    join(import.meta.dirname, 'bench-server.ts'),
    [mode, String(CANDIDATES), transport],
    {
      execArgv: ['--import', 'tsx'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    },
  );
  // never leave a measured server behind, whatever happens to this process
  process.once('exit', () => child.kill('SIGKILL'));
  const waiters = new Map<string, (message: unknown) => void>();
  child.on('message', (message) => {
    const type = (message as { type: string }).type;
    const waiter = waiters.get(type);
    waiters.delete(type);
    waiter?.(message);
  });
  const request = <T>(message: object, replyType: string): Promise<T> =>
    new Promise<T>((resolve) => {
      waiters.set(replyType, (m) => resolve(m as T));
      if (Object.keys(message).length > 0) child.send(message);
    });
  const ready = await request<{
    url: string;
    ca?: string;
    candidates: ServerChild['candidates'];
  }>({}, 'ready');
  return {
    child,
    url: ready.url,
    ca: ready.ca,
    candidates: ready.candidates,
    request,
  };
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function login(
  server: ServerChild,
  c: ServerChild['candidates'][number],
): Promise<{ token: string; ms: number }> {
  const kiosk = c.kiosk;
  if (kiosk === undefined) throw new Error('the full server enrolls a kiosk per candidate');
  const started = performance.now();
  const res = await requestJson(`${server.url}/api/auth/candidate-login`, {
    body: kioskLoginBody(kiosk, { admissionTicketNumber: c.ticket, examCode: c.code }, Date.now()),
    tls: server.ca === undefined ? undefined : { ca: [server.ca] },
    timeoutMs: 60_000,
  });
  const body = res.json as Ack<{ token: string }>;
  if (!body.ok) throw new Error(`login failed: ${body.error.message}`);
  return { token: body.data.token, ms: performance.now() - started };
}

async function runLoad(mode: 'full' | 'bare', transport: Transport = TRANSPORT) {
  const server = await startChild(mode, transport);
  const tokens: string[] = [];
  let stormP95 = 0;
  let stormOk = 0;
  if (mode === 'full') {
    // Login storm: STORM candidates spread over 10 s, then the rest as fast as possible.
    const storm = await Promise.all(
      server.candidates.slice(0, STORM).map(async (c, i) => {
        await sleep((i / STORM) * 10_000);
        return login(server, c).catch(() => undefined);
      }),
    );
    const times = storm.flatMap((r) => (r === undefined ? [] : [r.ms])).sort((a, b) => a - b);
    stormOk = times.length;
    stormP95 = percentile(times, 95);
    for (const r of storm) tokens.push(r?.token ?? '');
    for (let i = STORM; i < server.candidates.length; i += 50) {
      const batch = await Promise.all(
        server.candidates.slice(i, i + 50).map((c) => login(server, c)),
      );
      tokens.push(...batch.map((r) => r.token));
    }
    log(
      `[${mode}/${transport}] login storm: ${stormOk}/${STORM} ok, p95 ${stormP95.toFixed(0)} ms`,
    );
  }
  // The candidates are spread over SIM_WORKERS simulator processes.
  const workers = Array.from({ length: SIM_WORKERS }, (_, w) => {
    const child = fork(join(import.meta.dirname, 'sim-worker.ts'), [], {
      execArgv: ['--import', 'tsx'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    process.once('exit', () => child.kill('SIGKILL'));
    const slice = server.candidates
      .map((c, i) => ({ attemptId: c.attemptId, token: tokens[i] ?? '' }))
      .filter((_, i) => i % SIM_WORKERS === w);
    return { child, slice };
  });
  const all = <T>(message: object, replyType: string): Promise<T[]> =>
    Promise.all(
      workers.map(
        ({ child }) =>
          new Promise<T>((resolve) => {
            const listener = (m: unknown): void => {
              if ((m as { type: string }).type !== replyType) return;
              child.off('message', listener);
              resolve(m as T);
            };
            child.on('message', listener);
            child.send(message);
          }),
      ),
    );
  await Promise.all(
    workers.map(
      ({ child, slice }, w) =>
        new Promise<void>((resolve) => {
          const listener = (m: unknown): void => {
            if ((m as { type: string }).type !== 'connected') return;
            child.off('message', listener);
            resolve();
          };
          child.on('message', listener);
          child.send({
            type: 'init',
            url: server.url,
            confirm: mode === 'full',
            autosaveS: AUTOSAVE_S,
            seed: 1000 + w,
            candidates: slice,
            ...(server.ca === undefined ? {} : { ca: server.ca }),
          });
        }),
    ),
  );
  if (mode === 'full') await server.request({ type: 'start-session' }, 'started');
  log(
    `[${mode}/${transport}] ${CANDIDATES} candidates connected in ${SIM_WORKERS} simulator processes; measuring ${DURATION_S} s`,
  );
  await all({ type: 'run' }, 'running');
  await sleep(3000); // warm-up
  await all({ type: 'reset' }, 'reset');
  await server.request({ type: 'reset-stats' }, 'reset');
  const measuredStart = performance.now();
  await sleep(DURATION_S * 1000);
  const stats = await server.request<{
    saves: number;
    batches: number;
    cpuSeconds: number;
    rssMb: number;
    eventLoopDelayP99Ms: number;
    eventLoopDelayMaxMs: number;
  }>({ type: 'stats' }, 'stats');
  const measuredSeconds = (performance.now() - measuredStart) / 1000;
  const results = await all<{
    latencies: number[];
    droppedEmits: number;
    acked: { attemptId: string; maxAcked: number; journal: number }[];
  }>({ type: 'stop' }, 'done');
  const latencies = results.flatMap((r) => r.latencies).sort((a, b) => a - b);
  droppedEmits += results.reduce((n, r) => n + r.droppedEmits, 0);
  const acked = results.flatMap((r) => r.acked);
  const checked = await server.request<{ lost: number }>(
    { type: 'check', acked: acked.map(({ attemptId, maxAcked }) => ({ attemptId, maxAcked })) },
    'checked',
  );
  const unacked = acked.reduce((n, a) => n + (a.journal - a.maxAcked), 0);
  server.child.send({ type: 'stop' });
  await new Promise((r) => server.child.once('exit', r));
  return {
    mode,
    transport,
    candidates: CANDIDATES,
    measuredSeconds: Number(measuredSeconds.toFixed(1)),
    saves: stats.saves,
    acksPerSecond: Number((latencies.length / measuredSeconds).toFixed(1)),
    ackLatencyP50Ms: Number(percentile(latencies, 50).toFixed(1)),
    ackLatencyP99Ms: Number(percentile(latencies, 99).toFixed(1)),
    eventLoopDelayP99Ms: Number(stats.eventLoopDelayP99Ms.toFixed(1)),
    serverRssMb: Number(stats.rssMb.toFixed(0)),
    serverCpuSeconds: Number(stats.cpuSeconds.toFixed(2)),
    cpuSecondsPer1000Saves: Number(
      ((stats.cpuSeconds / Math.max(1, stats.saves)) * 1000).toFixed(3),
    ),
    batches: stats.batches,
    lostAnswers: checked.lost,
    unackedAtEnd: unacked,
    ...(mode === 'full'
      ? { loginStorm: { candidates: STORM, ok: stormOk, p95Ms: Number(stormP95.toFixed(0)) } }
      : {}),
  };
}

const full = await runLoad('full');
log(full);
const bare = values['skip-baseline'] ? undefined : await runLoad('bare');
if (bare !== undefined) log(bare);
// The same full load over plain HTTP, same run, same machine: what TLS costs.
const plain =
  values['compare-http'] && TRANSPORT === 'tls' ? await runLoad('full', 'http') : undefined;
if (plain !== undefined) log(plain);
const tlsCost =
  plain === undefined
    ? undefined
    : {
        cpuPer1000SavesTls: full.cpuSecondsPer1000Saves,
        cpuPer1000SavesHttp: plain.cpuSecondsPer1000Saves,
        cpuRatio: Number(
          (full.cpuSecondsPer1000Saves / Math.max(1e-9, plain.cpuSecondsPer1000Saves)).toFixed(2),
        ),
        ackP99MsTls: full.ackLatencyP99Ms,
        ackP99MsHttp: plain.ackLatencyP99Ms,
        rssMbTls: full.serverRssMb,
        rssMbHttp: plain.serverRssMb,
        loginStormP95MsTls: full.loginStorm?.p95Ms,
        loginStormP95MsHttp: plain.loginStorm?.p95Ms,
      };
const ratio =
  bare === undefined
    ? undefined
    : Number(
        (full.cpuSecondsPer1000Saves / Math.max(1e-9, bare.cpuSecondsPer1000Saves)).toFixed(2),
      );
const targets = {
  ackP99: full.ackLatencyP99Ms <= 150,
  eventLoopP99: full.eventLoopDelayP99Ms <= 50,
  rss: full.serverRssMb <= 800,
  cpuRatio: ratio === undefined ? undefined : ratio <= 3,
  lost: full.lostAnswers === 0,
  loginStormP95:
    (full.loginStorm?.p95Ms ?? 0) <= 3000 && full.loginStorm?.ok === full.loginStorm?.candidates,
};
const report = {
  args: {
    candidates: CANDIDATES,
    autosave: AUTOSAVE_S,
    duration: DURATION_S,
    simWorkers: SIM_WORKERS,
    transport: TRANSPORT,
  },
  full,
  bare,
  plain,
  tlsCost,
  cpuPerSaveRatio: ratio,
  droppedEmits,
  targets,
};
if (values.json) console.log(JSON.stringify(report, null, 2));
else {
  console.log(`CPU per save vs bare baseline: ${ratio ?? 'n/a'}×; targets:`, targets);
  if (tlsCost !== undefined)
    console.log('TLS cost (same run, plain HTTP for comparison):', tlsCost);
}
process.exit(full.lostAnswers === 0 ? 0 : 1);
