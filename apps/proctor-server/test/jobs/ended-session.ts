import { TestClock } from '../support/clock';
import { seedSession, type SeededSession } from '../support/exam-fixture';
import { okData, START } from '../support/running-session';
import { call, startTestServer, type TestServer, type TestServerOptions } from '../support/util';

/*
 * A session that has started and ended with `count` candidates on the roster (none logged in:
 * all absent), so its results may be exported (the key is released once every session ended).
 */

export interface EndedSession {
  readonly server: TestServer;
  readonly seeded: SeededSession;
}

export async function endedSession(
  count: number,
  options: TestServerOptions = {},
): Promise<EndedSession> {
  const clock = new TestClock(START - 10 * 60_000);
  const server = await startTestServer({ now: clock.now, ...options });
  const seeded = seedSession(server.components.store, {
    count,
    scheduledStart: START,
    now: clock.now(),
  });
  const proctor = await server.staffClient('proctor', 'proctor1');
  server.assignProctors(seeded.sessionId, ['proctor1']);
  clock.current = START;
  okData(await call(proctor, 'session:start', { sessionId: seeded.sessionId }));
  clock.advanceMinutes(5);
  okData(await call(proctor, 'session:end', { sessionId: seeded.sessionId, reason: '考试时间到' }));
  return { server, seeded };
}
