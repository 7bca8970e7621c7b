import { serverPushes, describeZodError, type ServerPushName } from '@skillexam/shared';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { TestClock } from './support/clock';
import { seedSession } from './support/exam-fixture';
import { okData } from './support/running-session';
import { call, startTestServer, type TestClient, type TestServer } from './support/util';

/*
 * Every push the server emits matches its schema in the socket contract (serverPushes): a real
 * server driven through an exam, with every push a candidate and a staff socket receive recorded
 * and parsed. The run exercises every push of the contract, so a new push needs a step here.
 */

let server: TestServer | undefined;
afterEach(async () => {
  await server?.closeAll();
  server = undefined;
});

const START = Date.parse('2026-11-21T09:00:00+08:00');

interface Received {
  readonly socket: string;
  readonly event: string;
  readonly args: unknown[];
}

function record(received: Received[], socket: string, client: TestClient): void {
  client.onAny((event: string, ...args: unknown[]) => received.push({ socket, event, args }));
}

/** What does not match the contract, one line per push ([] when everything does). */
function mismatches(received: readonly Received[]): string[] {
  return received.flatMap(({ socket, event, args }) => {
    if (!Object.hasOwn(serverPushes, event)) return [`${socket} ${event}: not in serverPushes`];
    if (args.length !== 1) return [`${socket} ${event}: ${args.length} arguments`];
    const parsed = serverPushes[event as ServerPushName].safeParse(args[0]);
    return parsed.success ? [] : [`${socket} ${event}: ${describeZodError(parsed.error)}`];
  });
}

describe('server pushes against the socket contract', () => {
  it('every push to a candidate and to staff through an exam parses with its schema', async () => {
    const clock = new TestClock(START - 20 * 60_000);
    const running = await startTestServer({ now: clock.now });
    server = running;
    const seeded = seedSession(running.components.store, {
      count: 2,
      scheduledStart: START,
      now: clock.now(),
    });
    const received: Received[] = [];
    const proctor = await running.staffClient('proctor', 'proctor1');
    running.assignProctors(seeded.sessionId, ['proctor1']);
    record(received, 'staff', proctor);
    const [c1, c2] = seeded.candidates;
    if (c1 === undefined || c2 === undefined) throw new Error('two candidates expected');
    const a = await running.candidateClient(c1.admissionTicketNumber, c1.examCode);
    const b = await running.candidateClient(c2.admissionTicketNumber, c2.examCode);
    record(received, 'candidate-a', a.client);
    record(received, 'candidate-b', b.client);
    const { sessionId } = seeded;

    okData(await call(a.client, 'attempt:confirm-identity', {}));
    okData(await call(b.client, 'attempt:confirm-identity', {}));
    okData(await call(proctor, 'proctor:admit', { sessionId }));
    clock.current = START;
    okData(await call(proctor, 'session:start', { sessionId }));
    okData(
      await call(a.client, 'kiosk:event', {
        kind: 'focus_lost',
        detail: 'Alt+Tab',
        clientTime: new Date(clock.now()).toISOString(),
      }),
    );
    okData(
      await call(proctor, 'proctor:message', {
        sessionId,
        attemptId: a.attemptId,
        text: '请保持安静',
      }),
    );
    okData(
      await call(proctor, 'incident:create', {
        sessionId,
        category: 'equipment',
        description: '考试机黑屏，已重启',
        attemptIds: [a.attemptId],
      }),
    );
    okData(await call(proctor, 'proctor:pause', { attemptId: a.attemptId, reason: '设备检查' }));
    okData(await call(proctor, 'proctor:resume', { attemptId: a.attemptId }));
    okData(
      await call(proctor, 'proctor:extend', { attemptId: a.attemptId, minutes: 5, reason: '补时' }),
    );
    okData(await call(proctor, 'session:pause', { sessionId, reason: '全场停电' }));
    okData(await call(proctor, 'session:resume', { sessionId }));
    okData(
      await call(a.client, 'answer:save', {
        attemptId: a.attemptId,
        seq: 1,
        itemId: 'tf1',
        value: { kind: 'true_false', value: true },
        clientTime: new Date(clock.now()).toISOString(),
      }),
    );
    clock.advanceMinutes(30);
    okData(await call(a.client, 'attempt:submit', {}));
    okData(await call(proctor, 'proctor:void', { attemptId: b.attemptId, reason: '携带手机作弊' }));
    await vi.waitFor(() =>
      expect(
        received.some((r) => r.socket === 'candidate-b' && r.event === 'attempt:revoked'),
      ).toBe(true),
    );

    // A graceful shutdown tells whoever is still connected.
    await running.app.close('maintenance');
    running.components.store.close();
    server = undefined;
    await vi.waitFor(() => expect(received.map((r) => r.event)).toContain('system:shutdown'));

    expect(mismatches(received)).toEqual([]);
    const seen = new Set(received.map((r) => r.event));
    expect([...seen].sort()).toEqual(Object.keys(serverPushes).sort());
    const toCandidate = new Set(received.filter((r) => r.socket !== 'staff').map((r) => r.event));
    expect([...toCandidate].sort()).toEqual([
      'attempt:changed',
      'attempt:message',
      'attempt:revoked',
      'system:shutdown',
    ]);
  });

  it('reports a push that does not match its schema', () => {
    const bad: Received[] = [
      { socket: 'staff', event: 'monitor:session', args: [{ id: 's1' }] },
      { socket: 'staff', event: 'monitor:unknown', args: [{}] },
    ];
    const found = mismatches(bad);
    expect(found[0]).toMatch(/^staff monitor:session: .*name/);
    expect(found[1]).toBe('staff monitor:unknown: not in serverPushes');
  });
});
