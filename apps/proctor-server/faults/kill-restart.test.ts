/* eslint-disable no-console -- prints the fault run summary (seed, kills) for the log */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import {
  asAckEmitter,
  callSocket,
  type Ack,
  type AttemptView,
  type ClientAckData,
  type ClientEventName,
  type ClientPayload,
  type ClientToServerEvents,
  type ServerToClientEvents,
} from '@skillexam/shared';
import { io as ioc, type Socket } from 'socket.io-client';
import { afterAll, describe, expect, it } from 'vitest';
import { createArgon2Hasher } from '../src/auth/password-hasher';
import { addStaff } from '../src/auth/staff-accounts';
import { verifyAuditChain } from '../src/audit/verify';
import { readWitnessOf } from '../src/audit/verify-store';
import { openStore } from '../src/db/store';
import { assignProctors } from '../src/sessions/session-proctors';
import { enrollKiosk } from '../src/kiosks/kiosk-registry';
import { keysDirOf, readAuditPublicKey } from '../src/keys/site-keys';
import { kioskLoginBody } from '../test/support/enrolled-kiosk';
import { seedSession } from '../test/support/exam-fixture';
import { between, createRandom } from './support/prng';
import { freePort, ServerProcess } from './support/server-process';
import { SimCandidate } from './support/sim-candidate';
import { requestJson, type SiteClientTls } from './support/site-tls-client';

const SEED = Number(process.env['FAULT_SEED'] ?? 20261121);
const CANDIDATES = 30;
const KILLS = Number(process.env['FAULT_KILLS'] ?? 22);
const EXTENDED = 3;
const DEADLINE_MS = 120_000;

type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

function okData<T>(ack: Ack<T>): T {
  if (!ack.ok) throw new Error(`${ack.error.code}: ${ack.error.message}`);
  return ack.data;
}

/** The server runs over TLS with its site certificate; clients trust only the site CA. */
let siteTls: SiteClientTls | undefined;

async function postJson(url: string, body: unknown): Promise<Ack<unknown>> {
  for (let attempt = 0; ; attempt++) {
    try {
      return (await requestJson(url, { body, tls: siteTls })).json as Ack<unknown>;
    } catch (error) {
      if (attempt > 50) throw error;
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}

async function connect(url: string, token: string): Promise<ClientSocket> {
  const socket: ClientSocket = ioc(url, {
    ...siteTls,
    transports: ['websocket'],
    forceNew: true,
    auth: { token },
    reconnectionDelay: 100,
    reconnectionDelayMax: 500,
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('connect_error', reject);
  });
  return socket;
}

/** The shared typed caller, surviving the server being down: retries until it gets an answer. */
async function callRetrying<E extends ClientEventName>(
  socket: ClientSocket,
  event: E,
  payload: ClientPayload<E>,
): Promise<Ack<ClientAckData<E>>> {
  for (let i = 0; i < 100; i++) {
    try {
      return await callSocket(asAckEmitter(socket), event, payload, 2000);
    } catch {
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  throw new Error(`${event}: no answer`);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('fault suite: SIGKILL mid-exam, dropped connections, duplicated and reordered deliveries', () => {
  const dataDir = join(mkdtempSync(join(tmpdir(), 'proctor-faults-')), 'data');
  let server: ServerProcess | undefined;
  const sims: SimCandidate[] = [];
  afterAll(async () => {
    for (const sim of sims) sim.close();
    await server?.stop();
  });

  it(`keeps every acked answer exactly once and the deadlines right (seed ${SEED})`, async () => {
    const random = createRandom(SEED);
    const now = Date.now();
    // Setup: an exam starting now, 2 minutes long, 30 candidates, one proctor.
    const store = openStore(dataDir);
    const seeded = seedSession(store, {
      count: CANDIDATES,
      scheduledStart: now + 60_000,
      durationMinutes: 2,
      rules: { earliestSubmissionMinutes: 0, lateEntryCutoffMinutes: 1 },
    });
    await addStaff(
      store.db,
      store.audit,
      createArgon2Hasher(),
      { username: 'proctor1', role: 'proctor', password: 'proctor-password-1' },
      'fault-suite',
      now,
    );
    // The exam admin assigns the room's 监考员 (proctors see only their sessions, 0221).
    assignProctors(store.db, store.audit, seeded.sessionId, ['proctor1'], 'fault-suite', now);
    // The candidates sit at an enrolled exam PC (docs/decisions/0216), as at a real site.
    const kiosk = enrollKiosk(store.db, store.audit, 'fault-suite-kiosk', 'fault-suite', now);
    store.close();

    server = new ServerProcess(dataDir, await freePort());
    const startupMs = [await server.start()];
    siteTls = server.tls;
    expect(server.url.startsWith('https://')).toBe(true);
    const staff = okData(
      (await postJson(`${server.url}/api/auth/staff-login`, {
        username: 'proctor1',
        password: 'proctor-password-1',
      })) as Ack<{ token: string }>,
    );
    const proctor = await connect(server.url, staff.token);
    for (const c of seeded.candidates) {
      const login = okData(
        (await postJson(
          `${server.url}/api/auth/candidate-login`,
          kioskLoginBody(
            kiosk,
            { admissionTicketNumber: c.admissionTicketNumber, examCode: c.examCode },
            Date.now(),
          ),
        )) as Ack<{ token: string }>,
      );
      const socket = await connect(server.url, login.token);
      okData(await callRetrying(socket, 'attempt:confirm-identity', {}));
      socket.disconnect();
      sims.push(
        new SimCandidate(
          server.url,
          login.token,
          c.attemptId,
          createRandom(SEED + sims.length + 1),
          { duplicate: 0.15, reorder: 0.15 },
          3000,
          siteTls,
        ),
      );
    }
    okData(await callRetrying(proctor, 'proctor:admit', { sessionId: seeded.sessionId }));
    const session = okData(
      await callRetrying(proctor, 'session:start', {
        sessionId: seeded.sessionId,
      }),
    );
    const startedAt = session.startedAt;
    if (startedAt === undefined) throw new Error('session:start acked without startedAt');
    for (const sim of sims.slice(0, EXTENDED)) {
      okData(
        await callRetrying(proctor, 'proctor:extend', {
          attemptId: sim.attemptId,
          minutes: 1,
          reason: '考试机故障补时',
        }),
      );
    }
    proctor.disconnect();

    // Candidates answer with random think times while the server is killed and restarted.
    let answering = true;
    const answerLoops = sims.map(async (sim) => {
      while (answering) {
        await sleep(between(random, 100, 700));
        if (!answering) break;
        sim.answer();
        if (random() < 0.03) sim.dropConnection();
      }
    });
    const answerUntil = startedAt + 100_000;
    while (server.kills < KILLS && Date.now() < answerUntil - 1500) {
      await sleep(between(random, 150, 1500));
      await server.kill();
      await sleep(between(random, 0, 200));
      startupMs.push(await server.start());
    }
    while (Date.now() < answerUntil) await sleep(100);
    answering = false;
    await Promise.all(answerLoops);
    // Let every outbox drain (the server is up), then check the deadline behaviour.
    const drainUntil = Date.now() + 8000;
    while (Date.now() < drainUntil && sims.some((s) => s.maxAcked < s.journal.length)) {
      for (const sim of sims) void sim.pump();
      await sleep(200);
    }
    // Wait past the 2-minute deadline + grace + a sweep, with one more kill just before the deadline.
    while (Date.now() < DEADLINE_MS + startedAt - 500) await sleep(100);
    await server.kill();
    startupMs.push(await server.start());
    while (Date.now() < DEADLINE_MS + startedAt + 4_000) await sleep(100);

    const states: AttemptView[] = [];
    for (const sim of sims) {
      const reply = await callRetrying(sim.socket, 'attempt:state', {});
      states.push(okData(reply));
    }
    for (const sim of sims) sim.close();
    await server.stop();

    expect(server.kills).toBeGreaterThanOrEqual(20);
    const unexpected = sims.filter((s) => s.errors > 0 && !s.lastError.startsWith('UNAVAILABLE'));
    expect(unexpected.map((s) => s.lastError)).toEqual([]);

    // Every acked answer is present, none applied twice.
    const db = new Database(join(dataDir, 'server.db'), { readonly: true });
    try {
      let ackedTotal = 0;
      for (const sim of sims) {
        const stored = db
          .prepare(
            'SELECT seq, item_id, value_json FROM answer_events WHERE attempt_id = ? ORDER BY seq',
          )
          .all(sim.attemptId) as { seq: number; item_id: string; value_json: string }[];
        const bySeq = new Map(stored.map((row) => [row.seq, row]));
        for (let seq = 1; seq <= sim.maxAcked; seq++) {
          const event = sim.journal[seq - 1]!;
          const row = bySeq.get(seq);
          expect(row, `${sim.attemptId} seq ${seq} acked but missing`).toBeDefined();
          expect(row).toEqual({
            seq,
            item_id: event.itemId,
            value_json: JSON.stringify(event.value),
          });
        }
        ackedTotal += sim.maxAcked;
        const applied = db
          .prepare(
            "SELECT count(*) AS n FROM audit_log WHERE action = 'answer.save' AND json_extract(payload_json, '$.attemptId') = ?",
          )
          .get(sim.attemptId) as { n: number };
        expect(applied.n, 'each stored event applied exactly once').toBe(stored.length);
        const acked = db
          .prepare('SELECT acked_seq FROM attempts WHERE id = ?')
          .get(sim.attemptId) as { acked_seq: number };
        expect(acked.acked_seq).toBeGreaterThanOrEqual(sim.maxAcked);
        // current answers = the highest stored seq per item
        const current = db
          .prepare('SELECT item_id, seq FROM answers_current WHERE attempt_id = ?')
          .all(sim.attemptId) as { item_id: string; seq: number }[];
        for (const row of current) {
          const highest = Math.max(
            ...stored.filter((s) => s.item_id === row.item_id).map((s) => s.seq),
          );
          expect(row.seq).toBe(highest);
        }
      }
      expect(ackedTotal).toBeGreaterThan(CANDIDATES * 20);

      // Deadlines right within 1 s: 2 minutes after the start (3 for the extended ones), auto-submitted.
      for (const [index, state] of states.entries()) {
        const expected = startedAt + DEADLINE_MS + (index < EXTENDED ? 60_000 : 0);
        expect(Math.abs((state.deadlineAt ?? 0) - expected)).toBeLessThanOrEqual(1000);
        if (index >= EXTENDED) {
          expect(state.status).toBe('submitted');
          expect(Math.abs((state.submittedAt ?? 0) - expected)).toBeLessThanOrEqual(1000);
        } else {
          expect(state.status).toBe('in_progress');
        }
      }
      const autoSubmits = db
        .prepare(
          "SELECT at, json_extract(payload_json, '$.attemptId') AS attempt FROM audit_log WHERE action = 'attempt.auto-submit'",
        )
        .all() as { at: number; attempt: string }[];
      expect(autoSubmits).toHaveLength(CANDIDATES - EXTENDED);
      for (const row of autoSubmits) {
        // submitted by the sweeper no later than deadline + grace (2 s) + restart time + 1 s
        expect(row.at - (startedAt + DEADLINE_MS)).toBeLessThanOrEqual(
          2_000 + Math.max(...startupMs) + 1_000,
        );
      }
      // against the key file and the chain-head witness, as `proctor-server audit verify` does
      const publicKey = readAuditPublicKey(keysDirOf(dataDir));
      expect(publicKey, 'keys/audit-signing.pub').toBeDefined();
      expect(
        verifyAuditChain(db as never, {
          ...(publicKey === undefined ? {} : { publicKey }),
          head: readWitnessOf(dataDir),
          requireHead: true,
        }),
      ).toMatchObject({ ok: true, problems: [] });
    } finally {
      db.close();
    }
    console.log(
      JSON.stringify({
        seed: SEED,
        kills: server.kills,
        starts: server.starts,
        startupMsMax: Math.max(...startupMs),
        acked: sims.reduce((n, s) => n + s.maxAcked, 0),
      }),
    );
  });
});
