import { createServer, type Server as HttpServer } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { mkdtempSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import { Server } from 'socket.io';
import { transaction } from '@skillexam/shared/sql';
import { openStore } from '../src/db/store';
import { enrollKiosk } from '../src/kiosks/kiosk-registry';
import { startServer } from '../src/server/serve';
import { ensureSiteTls } from '../src/tls/site-tls';
import { seedSession } from '../test/support/exam-fixture';

/*
 * The measured server process of the benchmark, driven over IPC by server.bench.ts.
 *   mode full: the real proctor server (startServer) on a fresh data directory with N candidates
 *   mode bare: socket.io + better-sqlite3 echo (WAL, synchronous=FULL, one autocommit INSERT per
 *              save, no validation, no auth, no audit): the baseline for CPU per save.
 * Both speak HTTPS/WSS with a site certificate unless argv[4] is `http` (--insecure-http), so
 * the baseline pays the same TLS cost and the TLS cost itself can be measured (decision 0234).
 */

type Message =
  | { type: 'start-session' }
  | { type: 'reset-stats' }
  | { type: 'stats' }
  | { type: 'check'; acked: { attemptId: string; maxAcked: number }[] }
  | { type: 'stop' };

const mode = process.argv[2] === 'bare' ? 'bare' : 'full';
const candidates = Number(process.argv[3] ?? 100);
const insecureHttp = process.argv[4] === 'http';
const send = (message: unknown): void => {
  process.send?.(message);
};

const histogram = monitorEventLoopDelay({ resolution: 10 });
histogram.enable();
let cpuStart = process.cpuUsage();
let maxRss = process.memoryUsage().rss;
const rssTimer = setInterval(() => {
  maxRss = Math.max(maxRss, process.memoryUsage().rss);
}, 500);
rssTimer.unref();

const dataDir = join(mkdtempSync(join(tmpdir(), `proctor-bench-${mode}-`)), 'data');
let saves = 0;
let baseSaves = 0;

if (mode === 'full') {
  const store = openStore(dataDir);
  const seeded = seedSession(store, {
    count: candidates,
    scheduledStart: Date.now() + 10 * 60_000,
    durationMinutes: 600,
    rules: { lateEntryCutoffMinutes: 600, earliestSubmissionMinutes: 0 },
  });
  // Every simulated candidate sits at an enrolled exam PC of their own (docs/decisions/0216).
  const kiosks = transaction(store.db, () =>
    seeded.candidates.map((_, i) =>
      enrollKiosk(store.db, store.audit, `bench-kiosk-${i + 1}`, 'bench', Date.now()),
    ),
  );
  store.close();
  const server = await startServer(
    {
      host: '127.0.0.1',
      port: 0,
      dataDir,
      logLevel: 'warn',
      backupDir: `${dataDir}-backups`,
      backupIntervalMinutes: 0,
      backupKeep: 1,
      discovery: false,
      requiredClientIntegrity: [],
      insecureHttp,
      tlsNames: [],
      tlsIps: [],
    },
    { loginFailuresPerIp: 1_000_000 },
  );
  const { collector, attempts, sessions } = server.app.context;
  process.on('message', (raw) => {
    const message = raw as Message;
    switch (message.type) {
      case 'start-session':
        attempts.admit(seeded.sessionId, undefined, 'bench');
        sessions.start(seeded.sessionId, 'bench');
        send({ type: 'started' });
        break;
      case 'reset-stats':
        histogram.reset();
        cpuStart = process.cpuUsage();
        maxRss = process.memoryUsage().rss;
        baseSaves = collector.stats.events - collector.stats.duplicates;
        send({ type: 'reset' });
        break;
      case 'stats':
        saves = collector.stats.events - collector.stats.duplicates;
        send(statsMessage(saves - baseSaves, collector.stats.batches));
        break;
      case 'check': {
        const db = server.app.context.components.store.db;
        const count = db.prepare(
          'SELECT count(*) AS n FROM answer_events WHERE attempt_id = ? AND seq <= ?',
        );
        let lost = 0;
        for (const { attemptId, maxAcked } of message.acked)
          lost += maxAcked - (count.get(attemptId, maxAcked) as { n: number }).n;
        send({ type: 'checked', lost });
        break;
      }
      case 'stop':
        void server.stop().then(() => process.exit(0));
        break;
    }
  });
  send({
    type: 'ready',
    url: server.url,
    ...(insecureHttp ? {} : { ca: (await ensureSiteTls(dataDir)).tls.caCertPem }),
    candidates: seeded.candidates.map((c, i) => ({
      ticket: c.admissionTicketNumber,
      code: c.examCode,
      attemptId: c.attemptId,
      ...kioskKeyOf(kiosks[i]),
    })),
  });
} else {
  const db = new Database(join(mkdtempSync(join(tmpdir(), 'bare-')), 'bare.db'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec(
    'CREATE TABLE answers (attempt_id TEXT, seq INTEGER, item_id TEXT, value_json TEXT, PRIMARY KEY (attempt_id, seq)) WITHOUT ROWID',
  );
  const insert = db.prepare('INSERT OR IGNORE INTO answers VALUES (?, ?, ?, ?)');
  const siteTls = insecureHttp ? undefined : (await ensureSiteTls(dataDir)).tls;
  const httpServer: HttpServer =
    siteTls === undefined
      ? createServer()
      : createHttpsServer({ key: siteTls.key, cert: siteTls.cert, minVersion: 'TLSv1.2' });
  const io = new Server(httpServer, { serveClient: false });
  io.on('connection', (socket) => {
    socket.on(
      'answer:save',
      (
        event: { attemptId: string; seq: number; itemId: string; value: unknown },
        ack: (r: unknown) => void,
      ) => {
        insert.run(event.attemptId, event.seq, event.itemId, JSON.stringify(event.value));
        saves += 1;
        ack({ ok: true, data: { ackedSeq: event.seq } });
      },
    );
    socket.on('attempt:resync', (_payload: unknown, ack: (r: unknown) => void) => {
      ack({
        ok: true,
        data: { ackedSeq: 0, storedAbove: [], stateHash: '', inSync: true, serverTime: Date.now() },
      });
    });
  });
  await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
  const { port } = httpServer.address() as AddressInfo;
  process.on('message', (raw) => {
    const message = raw as Message;
    if (message.type === 'reset-stats') {
      histogram.reset();
      cpuStart = process.cpuUsage();
      maxRss = process.memoryUsage().rss;
      baseSaves = saves;
      send({ type: 'reset' });
    } else if (message.type === 'stats') send(statsMessage(saves - baseSaves, saves));
    else if (message.type === 'check') send({ type: 'checked', lost: 0 });
    else if (message.type === 'stop') process.exit(0);
  });
  send({
    type: 'ready',
    url: `${siteTls === undefined ? 'http' : 'https'}://127.0.0.1:${port}`,
    ...(siteTls === undefined ? {} : { ca: siteTls.caCertPem }),
    candidates: Array.from({ length: candidates }, (_, i) => ({
      ticket: `B${i}`,
      code: '',
      attemptId: `bare${i}`,
    })),
  });
}

function statsMessage(measuredSaves: number, batches: number) {
  const cpu = process.cpuUsage(cpuStart);
  maxRss = Math.max(maxRss, process.memoryUsage().rss);
  return {
    type: 'stats',
    saves: measuredSaves,
    batches,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    rssMb: maxRss / 1024 / 1024,
    eventLoopDelayP99Ms: histogram.percentile(99) / 1e6,
    eventLoopDelayMaxMs: histogram.max / 1e6,
  };
}

/** The id and private key a simulated candidate's PC signs its login with. */
function kioskKeyOf(kiosk: { kioskId: string; kioskPrivateKey: string } | undefined): {
  kiosk?: { kioskId: string; kioskPrivateKey: string };
} {
  return kiosk === undefined
    ? {}
    : { kiosk: { kioskId: kiosk.kioskId, kioskPrivateKey: kiosk.kioskPrivateKey } };
}
