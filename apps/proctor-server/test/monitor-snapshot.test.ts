import type { SessionView } from '@skillexam/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { TestClock } from './support/clock';
import { seedSession } from './support/exam-fixture';
import { okData, START } from './support/running-session';
import { call, startTestServer, waitFor, type TestServer } from './support/util';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.closeAll();
  server = undefined;
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('monitor:snapshot for the console', () => {
  it('counts states, shows progress, presence, time left, seat maps, absentees and kiosk events', async () => {
    const clock = new TestClock(START - 20 * 60_000);
    server = await startTestServer({ now: clock.now });
    const seeded = seedSession(server.components.store, {
      count: 5,
      scheduledStart: START,
      now: clock.now(),
    });
    const supervisor = await server.staffClient('supervisor');
    const proctor = await server.staffClient('proctor', 'proctor2');
    server.assignProctors(seeded.sessionId, ['proctor2']);
    const [c1, c2, c3, c4] = seeded.candidates;
    const a = await server.candidateClient(c1!.admissionTicketNumber, c1!.examCode);
    const b = await server.candidateClient(c2!.admissionTicketNumber, c2!.examCode);
    const c = await server.candidateClient(c3!.admissionTicketNumber, c3!.examCode);
    await server.candidateClient(c4!.admissionTicketNumber, c4!.examCode);
    for (const login of [a, b, c]) okData(await call(login.client, 'attempt:confirm-identity', {}));
    okData(
      await call(proctor, 'proctor:admit', {
        sessionId: seeded.sessionId,
        attemptIds: [a.attemptId, b.attemptId],
      }),
    );

    let snap = okData(await call(supervisor, 'monitor:snapshot', { sessionId: seeded.sessionId }));
    expect(snap.counts).toEqual({
      notLoggedIn: 1,
      loggedIn: 1,
      awaitingAdmission: 1,
      admitted: 2,
      inProgress: 0,
      paused: 0,
      offline: 0,
      submitted: 0,
      absent: 0,
      voided: 0,
    });
    expect(snap.timeLeftMs).toBeUndefined();
    expect(snap.absent).toEqual([]);
    expect(snap.rooms.map((r) => r.name)).toEqual(['第1考场', '备用考场']);
    expect(snap.rooms[0]!.layout.seats).toHaveLength(510);
    expect(snap.rooms[0]!.layout.columns).toBe(6);

    clock.current = START;
    okData(await call(proctor, 'session:start', { sessionId: seeded.sessionId }));
    const save = (seq: number, itemId: string) =>
      call(a.client, 'answer:save', {
        attemptId: a.attemptId,
        seq,
        itemId,
        value: { kind: 'true_false', value: true },
        clientTime: new Date(clock.now()).toISOString(),
      });
    okData(await save(1, 'tf1'));
    okData(await save(2, 'tf2'));
    okData(
      await call(a.client, 'kiosk:event', {
        kind: 'focus_lost',
        detail: 'alt-tab',
        clientTime: new Date(clock.now()).toISOString(),
      }),
    );
    okData(await call(proctor, 'proctor:pause', { attemptId: b.attemptId, reason: '设备检查' }));
    c.client.disconnect();
    await sleep(100);

    clock.advanceMinutes(31); // past the late-entry cutoff
    snap = okData(await call(supervisor, 'monitor:snapshot', { sessionId: seeded.sessionId }));
    expect(snap.counts).toMatchObject({
      inProgress: 1,
      paused: 1,
      awaitingAdmission: 1,
      loggedIn: 1,
      notLoggedIn: 0,
      absent: 1,
      offline: 1,
    });
    const byId = new Map(snap.progress.map((p) => [p.attemptId, p]));
    expect(byId.get(a.attemptId)).toEqual({
      attemptId: a.attemptId,
      answered: 2,
      total: 11,
      online: true,
      timeLeftMs: 59 * 60_000,
      seatLabel: '001',
    });
    expect(byId.get(c.attemptId)?.online).toBe(false);
    expect(byId.get(b.attemptId)?.timeLeftMs).toBe(90 * 60_000); // paused at the start: frozen
    expect(snap.timeLeftMs).toBe(90 * 60_000);
    expect(snap.absent.map((x) => x.admissionTicketNumber)).toEqual([
      seeded.candidates[4]!.admissionTicketNumber,
    ]);
    const focusLost = {
      attemptId: a.attemptId,
      sessionId: seeded.sessionId,
      kind: 'focus_lost',
      detail: 'alt-tab',
      at: START,
      count: 1,
    };
    expect(snap.recentKioskEvents).toEqual([focusLost]);
    expect(snap.latestKioskEvents).toEqual([focusLost]);
    expect(await call(a.client, 'monitor:snapshot', { sessionId: seeded.sessionId })).toMatchObject(
      {
        ok: false,
        error: { code: 'FORBIDDEN' },
      },
    );
  });
});

describe('automatic check-in', () => {
  it('opens check-in by itself at the session’s check-in time, audited as system', async () => {
    const clock = new TestClock(START - 60 * 60_000);
    server = await startTestServer({ now: clock.now, settings: { deadlineSweepMs: 20 } });
    const seeded = seedSession(server.components.store, {
      count: 1,
      scheduledStart: START,
      now: clock.now(),
      session: { checkInAt: START - 30 * 60_000 },
    });
    const proctor = await server.staffClient('proctor', 'proctor1');
    server.assignProctors(seeded.sessionId, ['proctor1']);
    await sleep(80);
    expect(
      okData(await call(proctor, 'monitor:snapshot', { sessionId: seeded.sessionId })).session
        .status,
    ).toBe('scheduled');
    const pushed = waitFor<SessionView>(
      proctor,
      'monitor:session',
      2000,
      (v) => v.status === 'check_in',
    );
    clock.current = START - 30 * 60_000;
    expect((await pushed).id).toBe(seeded.sessionId);
    const audit = server.components.store.db
      .prepare("SELECT actor, payload_json FROM audit_log WHERE action = 'session.open-check-in'")
      .all() as { actor: string; payload_json: string }[];
    expect(audit).toHaveLength(1);
    expect(audit[0]!.actor).toBe('system');
    expect(JSON.parse(audit[0]!.payload_json)).toMatchObject({ automatic: true });
  });
});
