import type { AttemptView, MonitorSnapshot, SessionView } from '@skillexam/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { openSealedPaper } from '../src/content/seal-paper';
import { TestClock } from './support/clock';
import { seedSession } from './support/exam-fixture';
import { call, startTestServer, waitFor, type TestServer } from './support/util';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.closeAll();
  server = undefined;
});

const START = Date.parse('2026-11-21T09:00:00+08:00');

async function setup(count = 2, rules: Record<string, unknown> = {}) {
  const clock = new TestClock(START - 20 * 60_000); // 20 minutes before the start: check-in is open
  server = await startTestServer({ now: clock.now });
  const seeded = seedSession(server.components.store, {
    count,
    scheduledStart: START,
    rules,
    now: clock.now(),
  });
  const proctor = await server.staffClient('proctor', 'proctor1');
  server.assignProctors(seeded.sessionId, ['proctor1']);
  return { clock, server, seeded, proctor };
}

function ok<T>(
  ack: { ok: true; data: T } | { ok: false; error: { code: string; message: string } },
): T {
  if (!ack.ok) throw new Error(`${ack.error.code}: ${ack.error.message}`);
  return ack.data;
}

describe('exam flow over real sockets', () => {
  it('check-in → login → confirm → admit → start → answer → submit → scored, with pushes to the proctor', async () => {
    const { clock, server, seeded, proctor } = await setup(1);
    const [c1] = seeded.candidates;
    const { client, attemptId } = await server.candidateClient(
      c1!.admissionTicketNumber,
      c1!.examCode,
    );

    const state = ok(await call(client, 'attempt:state', {}));
    expect(state).toMatchObject({ status: 'logged_in', identityConfirmed: false, name: '考生1' });
    expect(state.maskedIdNumber).toMatch(/^110105\*+\d{3}[\dX]$/);
    // No sealed paper before the identity is confirmed, and no key before the start.
    expect(await call(client, 'attempt:sealed-paper', {})).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
    expect(await call(client, 'attempt:content-key', {})).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: '试卷尚未发放 (content not released)' },
    });
    // A proctor cannot admit an unconfirmed candidate.
    expect(
      await call(proctor, 'proctor:admit', {
        sessionId: seeded.sessionId,
        attemptIds: [attemptId],
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });

    const pushed = waitFor<AttemptView>(
      proctor,
      'monitor:attempt',
      2000,
      (v) => v.identityConfirmed,
    );
    ok(await call(client, 'attempt:confirm-identity', {}));
    expect((await pushed).attemptId).toBe(attemptId);

    const admittedPush = waitFor<AttemptView>(
      client,
      'attempt:changed',
      2000,
      (v) => v.status === 'admitted',
    );
    expect(ok(await call(proctor, 'proctor:admit', { sessionId: seeded.sessionId }))).toEqual({
      admitted: [attemptId],
    });
    await admittedPush;

    clock.current = START + 60_000;
    const startedPush = waitFor<AttemptView>(
      client,
      'attempt:changed',
      2000,
      (v) => v.status === 'in_progress',
    );
    const session = ok(await call(proctor, 'session:start', { sessionId: seeded.sessionId }));
    expect(session).toMatchObject({ status: 'running', startedAt: START + 60_000 });
    const started = await startedPush;
    expect(started.deadlineAt).toBe(START + 60_000 + 90 * 60_000);

    const sealed = ok(await call(client, 'attempt:sealed-paper', {}));
    const key = ok(await call(client, 'attempt:content-key', {}));
    const { paper } = openSealedPaper(sealed, attemptId, Buffer.from(key.key, 'base64'));
    expect(paper.sections).toHaveLength(5);
    expect(JSON.stringify(paper)).not.toContain('"key"');

    const save = (seq: number, itemId: string, value: unknown) =>
      call(client, 'answer:save', {
        attemptId,
        seq,
        itemId,
        value: value as never,
        clientTime: new Date(clock.now()).toISOString(),
      });
    expect(ok(await save(1, 'tf1', { kind: 'true_false', value: true }))).toEqual({ ackedSeq: 1 });
    expect(ok(await save(2, 'sc1', { kind: 'choice', selected: ['A'] }))).toEqual({ ackedSeq: 2 });
    expect(ok(await save(3, 'mc1', { kind: 'choice', selected: ['C', 'A'] }))).toEqual({
      ackedSeq: 3,
    });
    expect(ok(await save(4, 'fb1', { kind: 'blanks', values: { b1: '３６' } }))).toEqual({
      ackedSeq: 4,
    });
    expect(ok(await save(5, 'sa1', { kind: 'text', text: '断电、验电、挂牌' }))).toEqual({
      ackedSeq: 5,
    });

    // 开考30分钟内不得交卷
    expect(await call(client, 'attempt:submit', {})).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
    clock.advanceMinutes(31);
    const submitted = ok(await call(client, 'attempt:submit', {}));
    expect(submitted.status).toBe('submitted');
    expect(await save(6, 'tf2', { kind: 'true_false', value: true })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });

    const score = server.components.store.db
      .prepare('SELECT total, passed, detail_json FROM scores WHERE attempt_id = ?')
      .get(attemptId) as {
      total: number;
      passed: number;
      detail_json: string;
    };
    // tf1 10 + sc1 10 + mc1 5 + fb1 5 (full-width ３６ matches 36); sa1 waits for manual marking
    expect(score.total).toBe(30);
    expect(JSON.parse(score.detail_json)).toMatchObject({ needsMarking: 1 });
  });

  it('refuses login before check-in, and first logins after the late-entry cutoff (no extra time)', async () => {
    const clock = new TestClock(START - 60 * 60_000);
    server = await startTestServer({ now: clock.now });
    const seeded = seedSession(server.components.store, {
      count: 3,
      scheduledStart: START,
      now: clock.now(),
    });
    const [c1, c2, c3] = seeded.candidates;
    const early = await server.post(
      '/api/auth/candidate-login',
      server.kioskLogin(c1!.admissionTicketNumber, c1!.examCode),
    );
    expect(early.status).toBe(409);
    expect(early.body).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });

    clock.current = START - 10 * 60_000;
    const a1 = await server.candidateClient(c1!.admissionTicketNumber, c1!.examCode);
    ok(await call(a1.client, 'attempt:confirm-identity', {}));
    const proctor = await server.staffClient('proctor', 'proctor1');
    server.assignProctors(seeded.sessionId, ['proctor1']);
    ok(await call(proctor, 'proctor:admit', { sessionId: seeded.sessionId }));
    clock.current = START;
    ok(await call(proctor, 'session:start', { sessionId: seeded.sessionId }));

    // a late candidate within 30 minutes gets in but the same deadline
    clock.advanceMinutes(20);
    const a2 = await server.candidateClient(c2!.admissionTicketNumber, c2!.examCode);
    ok(await call(a2.client, 'attempt:confirm-identity', {}));
    ok(
      await call(proctor, 'proctor:admit', {
        sessionId: seeded.sessionId,
        attemptIds: [a2.attemptId],
      }),
    );
    const late = ok(await call(a2.client, 'attempt:state', {}));
    expect(late.status).toBe('in_progress');
    expect(late.deadlineAt).toBe(START + 90 * 60_000);

    clock.advanceMinutes(11);
    const tooLate = await server.post(
      '/api/auth/candidate-login',
      server.kioskLogin(c3!.admissionTicketNumber, c3!.examCode),
    );
    expect(tooLate.status).toBe(403);
  });

  it('pause/resume, 补时 and a session-wide pause move the deadline; auto-submit at the deadline', async () => {
    const { clock, server, seeded, proctor } = await setup(2);
    const logins = [];
    for (const c of seeded.candidates) {
      const login = await server.candidateClient(c.admissionTicketNumber, c.examCode);
      ok(await call(login.client, 'attempt:confirm-identity', {}));
      logins.push(login);
    }
    ok(await call(proctor, 'proctor:admit', { sessionId: seeded.sessionId }));
    clock.current = START;
    ok(await call(proctor, 'session:start', { sessionId: seeded.sessionId }));
    const [a, b] = logins;

    clock.advanceMinutes(10);
    ok(await call(proctor, 'proctor:pause', { attemptId: a!.attemptId, reason: '考生身体不适' }));
    clock.advanceMinutes(5);
    const resumed = ok(await call(proctor, 'proctor:resume', { attemptId: a!.attemptId }));
    expect(resumed.deadlineAt).toBe(START + 95 * 60_000);
    const extended = ok(
      await call(proctor, 'proctor:extend', {
        attemptId: a!.attemptId,
        minutes: 3,
        reason: '考试机故障',
      }),
    );
    expect(extended.deadlineAt).toBe(START + 98 * 60_000);
    expect(
      await call(proctor, 'proctor:extend', { attemptId: a!.attemptId, minutes: 3, reason: ' ' }),
    ).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });

    // session-wide pause (power failure) for 7 minutes compensates everyone
    const sessionPush = waitFor<SessionView>(
      proctor,
      'monitor:session',
      2000,
      (s) => s.status === 'paused',
    );
    ok(await call(proctor, 'session:pause', { sessionId: seeded.sessionId, reason: '考场停电' }));
    await sessionPush;
    expect(ok(await call(b!.client, 'attempt:state', {})).status).toBe('paused');
    clock.advanceMinutes(7);
    ok(await call(proctor, 'session:resume', { sessionId: seeded.sessionId }));
    const snapshot: MonitorSnapshot = ok(
      await call(proctor, 'monitor:snapshot', { sessionId: seeded.sessionId }),
    );
    const byId = new Map(snapshot.attempts.map((x) => [x.attemptId, x]));
    expect(byId.get(a!.attemptId)).toMatchObject({
      status: 'in_progress',
      deadlineAt: START + 105 * 60_000,
    });
    expect(byId.get(b!.attemptId)).toMatchObject({
      status: 'in_progress',
      deadlineAt: START + 97 * 60_000,
    });

    // b's deadline passes (plus the grace for in-flight answers): the server submits it by itself
    clock.current = START + 97 * 60_000 + server.components.settings.answerGraceMs;
    const auto = await waitFor<AttemptView>(
      b!.client,
      'attempt:changed',
      3000,
      (v) => v.status === 'submitted',
    );
    expect(auto.submittedAt).toBe(START + 97 * 60_000);
    expect(ok(await call(a!.client, 'attempt:state', {})).status).toBe('in_progress');
  });

  it('force submit, 试卷作废 with an incident, and moving a candidate to another PC keeps the answers', async () => {
    const { clock, server, seeded, proctor } = await setup(3);
    const logins = [];
    for (const c of seeded.candidates) {
      const login = await server.candidateClient(c.admissionTicketNumber, c.examCode);
      ok(await call(login.client, 'attempt:confirm-identity', {}));
      logins.push(login);
    }
    ok(await call(proctor, 'proctor:admit', { sessionId: seeded.sessionId }));
    clock.current = START;
    ok(await call(proctor, 'session:start', { sessionId: seeded.sessionId }));
    const [a, b, c] = logins;

    expect(
      ok(
        await call(proctor, 'proctor:force-submit', {
          attemptId: a!.attemptId,
          reason: '考生要求提前离场',
        }),
      ).status,
    ).toBe('force_submitted');

    const revoked = waitFor(b!.client, 'attempt:revoked');
    expect(
      ok(await call(proctor, 'proctor:void', { attemptId: b!.attemptId, reason: '携带手机作弊' }))
        .status,
    ).toBe('voided');
    await revoked;
    const incidents = server.components.store.db
      .prepare('SELECT kind, description FROM incidents WHERE attempt_id = ?')
      .all(b!.attemptId);
    expect(incidents).toEqual([{ kind: 'void', description: '携带手机作弊' }]);

    // c answers, then moves to seat 5 of room 2
    ok(
      await call(c!.client, 'answer:save', {
        attemptId: c!.attemptId,
        seq: 1,
        itemId: 'tf1',
        value: { kind: 'true_false', value: false },
        clientTime: new Date().toISOString(),
      }),
    );
    const kicked = waitFor(c!.client, 'attempt:revoked');
    const moved = ok(
      await call(proctor, 'proctor:move', {
        attemptId: c!.attemptId,
        roomId: 'room-2',
        seat: 5,
        reason: '考试机故障，换备用机',
      }),
    );
    expect(moved).toMatchObject({ roomId: 'room-2', seat: 5, status: 'in_progress' });
    await kicked;
    const candidateC = seeded.candidates[2]!;
    const again = await server.candidateClient(
      candidateC.admissionTicketNumber,
      candidateC.examCode,
    );
    const resync = ok(
      await call(again.client, 'attempt:resync', {
        attemptId: again.attemptId,
        clientSeq: 0,
        stateHash: '0'.repeat(64),
      }),
    );
    expect(resync).toMatchObject({
      ackedSeq: 1,
      inSync: false,
      answers: [{ itemId: 'tf1', seq: 1, value: { kind: 'true_false', value: false } }],
    });
    expect(
      await call(proctor, 'proctor:move', {
        attemptId: c!.attemptId,
        roomId: 'room-9',
        seat: 1,
        reason: 'x',
      }),
    ).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
  });

  it('ending the session force-submits running attempts and marks the others absent (缺考)', async () => {
    const { clock, server, seeded, proctor } = await setup(2);
    const a = await server.candidateClient(
      seeded.candidates[0]!.admissionTicketNumber,
      seeded.candidates[0]!.examCode,
    );
    ok(await call(a.client, 'attempt:confirm-identity', {}));
    ok(await call(proctor, 'proctor:admit', { sessionId: seeded.sessionId }));
    clock.current = START;
    ok(await call(proctor, 'session:start', { sessionId: seeded.sessionId }));
    clock.advanceMinutes(90);
    ok(await call(proctor, 'session:end', { sessionId: seeded.sessionId, reason: '考试时间到' }));
    const snapshot = ok(await call(proctor, 'monitor:snapshot', { sessionId: seeded.sessionId }));
    expect(snapshot.attempts.map((x) => x.status).sort()).toEqual(['absent', 'force_submitted']);
  });

  it('stores kiosk events and pushes them to proctors; heartbeats report server time and deadline', async () => {
    const { server, seeded, proctor } = await setup(1);
    const a = await server.candidateClient(
      seeded.candidates[0]!.admissionTicketNumber,
      seeded.candidates[0]!.examCode,
    );
    const pushed = waitFor<{ kind: string; attemptId: string }>(proctor, 'monitor:kiosk-event');
    ok(
      await call(a.client, 'kiosk:event', {
        kind: 'remote_tool_found',
        detail: 'TeamViewer.exe',
        clientTime: new Date().toISOString(),
      }),
    );
    expect(await pushed).toMatchObject({ kind: 'remote_tool_found', attemptId: a.attemptId });
    const beat = ok(await call(a.client, 'attempt:heartbeat', { sentAt: 123 }));
    expect(beat).toMatchObject({
      sentAt: 123,
      status: 'logged_in',
      serverTime: server.components.now(),
    });
  });
});
