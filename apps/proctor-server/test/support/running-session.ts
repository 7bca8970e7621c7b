import type { Ack } from '@skillexam/shared';
import { TestClock } from './clock';
import { seedSession, type SeededSession } from './exam-fixture';
import {
  call,
  startTestServer,
  type TestClient,
  type TestServer,
  type TestServerOptions,
} from './util';

export const START = Date.parse('2026-11-21T09:00:00+08:00');

export interface RunningSession {
  readonly server: TestServer;
  readonly clock: TestClock;
  readonly seeded: SeededSession;
  readonly proctor: TestClient;
  readonly candidates: { client: TestClient; token: string; attemptId: string }[];
}

export function okData<T>(ack: Ack<T>): T {
  if (!ack.ok) throw new Error(`${ack.error.code}: ${ack.error.message}`);
  return ack.data;
}

/** A started session with `count` candidates logged in, confirmed and admitted. */
export async function runningSession(
  count: number,
  options: TestServerOptions = {},
): Promise<RunningSession> {
  const clock = new TestClock(START - 10 * 60_000);
  const server = await startTestServer({ now: clock.now, ...options });
  const seeded = seedSession(server.components.store, {
    count,
    scheduledStart: START,
    now: clock.now(),
  });
  const proctor = await server.staffClient('proctor', 'proctor1');
  // the exam admin's set-up step: proctors see only the sessions they are assigned to (0221)
  server.assignProctors(seeded.sessionId, ['proctor1']);
  const candidates = [];
  for (const c of seeded.candidates) {
    const login = await server.candidateClient(c.admissionTicketNumber, c.examCode);
    okData(await call(login.client, 'attempt:confirm-identity', {}));
    candidates.push(login);
  }
  okData(await call(proctor, 'proctor:admit', { sessionId: seeded.sessionId }));
  clock.current = START;
  okData(await call(proctor, 'session:start', { sessionId: seeded.sessionId }));
  return { server, clock, seeded, proctor, candidates };
}
