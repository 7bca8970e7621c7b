import {
  asAckEmitter,
  callSocket,
  type Ack,
  type AnswerEvent,
  type ClientAckData,
  type ClientEventName,
  type ClientPayload,
  type ClientToServerEvents,
  type ServerToClientEvents,
} from '@skillexam/shared';
import { io as ioc, type Socket } from 'socket.io-client';
import { createArgon2Hasher } from '../../src/auth/password-hasher';
import { addStaff } from '../../src/auth/staff-accounts';
import { openStore } from '../../src/db/store';
import { assignProctors } from '../../src/sessions/session-proctors';
import { enrollKiosk } from '../../src/kiosks/kiosk-registry';
import { freePort, ServerProcess } from '../../faults/support/server-process';
import { requestJson, type SiteClientTls } from '../../faults/support/site-tls-client';
import { kioskLoginBody } from '../../test/support/enrolled-kiosk';
import { seedSession } from '../../test/support/exam-fixture';

/*
 * A power cut mid-exam: the real `proctor-server serve` (the bundle, via the bin) with `count`
 * attempts in its database and one candidate answering is SIGKILLed; the candidate changes an
 * answer while it is down; then the server is started again and we time exec → the first ack of
 * that resent answer (the kiosk retries every 20 ms here, so the number is the server's).
 */

type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function okData<T>(ack: Ack<T>): T {
  if (!ack.ok) throw new Error(`${ack.error.code}: ${ack.error.message}`);
  return ack.data;
}

function connect(
  url: string,
  token: string,
  tls: SiteClientTls | undefined,
): Promise<ClientSocket> {
  const socket: ClientSocket = ioc(url, {
    ...tls,
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
    timeout: 2000,
    auth: { token },
  });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (error) => {
      socket.close();
      reject(error);
    });
  });
}

function call<E extends ClientEventName>(
  socket: ClientSocket,
  event: E,
  payload: ClientPayload<E>,
): Promise<Ack<ClientAckData<E>>> {
  return callSocket(asAckEmitter(socket), event, payload, 5000);
}

/** Connects and saves `event` until the server acks it; returns when it did. */
async function saveUntilAcked(
  url: string,
  token: string,
  tls: SiteClientTls | undefined,
  event: AnswerEvent,
): Promise<void> {
  for (;;) {
    try {
      const socket = await connect(url, token, tls);
      try {
        const reply = await call(socket, 'answer:save', event);
        if (reply.ok && reply.data.ackedSeq >= event.seq) return;
      } finally {
        socket.close();
      }
    } catch {
      // not up yet
    }
    await sleep(20);
  }
}

export interface RestartScenario {
  /** Kills the server, changes an answer, restarts; ms from exec to the resent answer's ack. */
  killAndResend(): Promise<{ listeningMs: number; firstAckMs: number }>;
  close(): Promise<void>;
}

/** A data directory with `count` candidates' attempts and a running exam with one candidate answering. */
export async function startExamInProgress(
  dataDir: string,
  count: number,
): Promise<RestartScenario> {
  const now = Date.now();
  const store = openStore(dataDir);
  const seeded = seedSession(store, {
    count,
    scheduledStart: now + 60_000,
    durationMinutes: 600,
    rules: { earliestSubmissionMinutes: 0, lateEntryCutoffMinutes: 600 },
  });
  await addStaff(
    store.db,
    store.audit,
    createArgon2Hasher(),
    { username: 'proctor1', role: 'proctor', password: 'proctor-password-1' },
    'bench',
    now,
  );
  assignProctors(store.db, store.audit, seeded.sessionId, ['proctor1'], 'bench', now);
  const kiosk = enrollKiosk(store.db, store.audit, 'bench-kiosk', 'bench', now);
  store.close();

  const server = new ServerProcess(dataDir, await freePort());
  await server.start();
  const tls = server.tls;
  const post = async <T>(path: string, body: unknown) =>
    okData((await requestJson(`${server.url}${path}`, { body, tls })).json as Ack<T>);
  const staff = await post<{ token: string }>('/api/auth/staff-login', {
    username: 'proctor1',
    password: 'proctor-password-1',
  });
  const candidate = seeded.candidates[0];
  if (candidate === undefined) throw new Error('no candidate seeded');
  const login = await post<{ token: string }>(
    '/api/auth/candidate-login',
    kioskLoginBody(
      kiosk,
      { admissionTicketNumber: candidate.admissionTicketNumber, examCode: candidate.examCode },
      Date.now(),
    ),
  );
  const kioskSocket = await connect(server.url, login.token, tls);
  okData(await call(kioskSocket, 'attempt:confirm-identity', {}));
  kioskSocket.close();
  const proctor = await connect(server.url, staff.token, tls);
  okData(await call(proctor, 'proctor:admit', { sessionId: seeded.sessionId }));
  okData(await call(proctor, 'session:start', { sessionId: seeded.sessionId }));
  proctor.close();

  let seq = 0;
  const nextAnswer = (): AnswerEvent => {
    seq += 1;
    return {
      attemptId: candidate.attemptId,
      seq,
      itemId: `tf${(seq % 4) + 1}`,
      value: { kind: 'true_false', value: seq % 2 === 0 },
      clientTime: new Date().toISOString(),
    };
  };
  // Some answers before the first power cut.
  for (let i = 0; i < 20; i++) await saveUntilAcked(server.url, login.token, tls, nextAnswer());

  return {
    async killAndResend() {
      await server.kill();
      const pending = nextAnswer(); // journaled on the kiosk while the server is down
      const started = performance.now();
      const [listeningMs, firstAckMs] = await Promise.all([
        server.start(),
        saveUntilAcked(server.url, login.token, tls, pending).then(
          () => performance.now() - started,
        ),
      ]);
      return { listeningMs, firstAckMs };
    },
    close: () => server.stop(),
  };
}
