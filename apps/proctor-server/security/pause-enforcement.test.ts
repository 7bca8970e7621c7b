import type { AnswerEvent, AttemptView, HeartbeatResult } from '@skillexam/shared';
import { afterEach, describe, expect, it } from 'vitest';
import {
  okData,
  runningSession,
  START,
  type RunningSession,
} from '../test/support/running-session';
import { call, waitFor, type TestClient } from '../test/support/util';

/*
 * A modified kiosk (or a script with the candidate's token) keeps answering while the proctor
 * has paused the candidate or the whole session. Paused time moves the deadline, so every save
 * taken during a pause would be answering time for free. The server must refuse them (PAUSED),
 * take them after the resume, and move the deadline by exactly the paused time — for a candidate
 * pause, a session pause and both overlapping — and its deadline sweep must not fire meanwhile.
 */

const MINUTE = 60_000;
const DURATION = 90 * MINUTE;

let running: RunningSession | undefined;
afterEach(async () => {
  await running?.server.closeAll();
  running = undefined;
});

const save = (attemptId: string, seq: number, clientTime = new Date(START).toISOString()) =>
  ({
    attemptId,
    seq,
    itemId: 'tf1',
    value: { kind: 'true_false', value: seq % 2 === 0 },
    clientTime,
  }) satisfies AnswerEvent;

function storedSeqs(r: RunningSession, attemptId: string): number[] {
  return (
    r.server.components.store.db
      .prepare('SELECT seq FROM answer_events WHERE attempt_id = ? ORDER BY seq')
      .all(attemptId) as { seq: number }[]
  ).map((row) => row.seq);
}

/** Fires `count` saves from seq `from` at once, as a script would, and returns the error codes. */
async function burst(client: TestClient, attemptId: string, from: number, count: number) {
  const replies = await Promise.all(
    Array.from({ length: count }, (_, i) => call(client, 'answer:save', save(attemptId, from + i))),
  );
  return replies.map((reply) => (reply.ok ? 'OK' : reply.error.code));
}

async function deadlineOf(client: TestClient): Promise<number | undefined> {
  return okData(await call(client, 'attempt:state', {})).deadlineAt;
}

describe('pauses are enforced by the server', () => {
  it('refuses every save during a candidate pause, takes it after the resume, and moves the deadline by the pause', async () => {
    running = await runningSession(2);
    const { clock, proctor } = running;
    const [a, b] = running.candidates;
    clock.advanceMinutes(10);
    okData(await call(proctor, 'proctor:pause', { attemptId: a!.attemptId, reason: '设备检查' }));

    expect(await burst(a!.client, a!.attemptId, 1, 20)).toEqual(Array(20).fill('PAUSED'));
    const refused = await call(a!.client, 'answer:save', save(a!.attemptId, 1));
    expect(refused).toEqual({
      ok: false,
      error: {
        code: 'PAUSED',
        message:
          '考试已暂停，答案将在恢复后保存 (exam paused; answers are kept and sent after resume)',
      },
    });
    expect(storedSeqs(running, a!.attemptId)).toEqual([]);
    // the other candidate is not paused and keeps answering
    expect(await burst(b!.client, b!.attemptId, 1, 10)).toEqual(Array(10).fill('OK'));

    // resync and heartbeats work during the pause; the heartbeat shows the moving deadline
    const resync = okData(
      await call(a!.client, 'attempt:resync', {
        attemptId: a!.attemptId,
        clientSeq: 20,
        stateHash: 'a'.repeat(64),
      }),
    );
    expect(resync).toMatchObject({ ackedSeq: 0, storedAbove: [], inSync: false });
    clock.advanceMinutes(3);
    const beat: HeartbeatResult = okData(
      await call(a!.client, 'attempt:heartbeat', { sentAt: clock.now() }),
    );
    expect(beat).toMatchObject({ status: 'paused', deadlineAt: START + DURATION + 3 * MINUTE });

    clock.advanceMinutes(2);
    const resumed = okData(await call(proctor, 'proctor:resume', { attemptId: a!.attemptId }));
    expect(resumed.deadlineAt).toBe(START + DURATION + 5 * MINUTE);
    expect(await deadlineOf(b!.client)).toBe(START + DURATION);

    // the kiosk sends what it kept: every event is taken now, stamped with the server's receive time
    expect(await burst(a!.client, a!.attemptId, 1, 20)).toEqual(Array(20).fill('OK'));
    expect(storedSeqs(running, a!.attemptId)).toHaveLength(20);
    const times = running.server.components.store.db
      .prepare('SELECT DISTINCT server_time FROM answer_events WHERE attempt_id = ?')
      .all(a!.attemptId);
    expect(times).toEqual([{ server_time: START + 15 * MINUTE }]);
  });

  it('refuses saves during a session pause and moves every deadline by exactly the paused time', async () => {
    running = await runningSession(2);
    const { clock, proctor, seeded } = running;
    const [a, b] = running.candidates;
    clock.advanceMinutes(10);
    okData(
      await call(proctor, 'session:pause', { sessionId: seeded.sessionId, reason: '考场停电' }),
    );
    expect(await burst(a!.client, a!.attemptId, 1, 20)).toEqual(Array(20).fill('PAUSED'));
    expect(await burst(b!.client, b!.attemptId, 1, 10)).toEqual(Array(10).fill('PAUSED'));
    clock.advanceMinutes(7);
    okData(await call(proctor, 'session:resume', { sessionId: seeded.sessionId }));
    expect(await deadlineOf(a!.client)).toBe(START + DURATION + 7 * MINUTE);
    expect(await deadlineOf(b!.client)).toBe(START + DURATION + 7 * MINUTE);
    expect(await burst(a!.client, a!.attemptId, 1, 20)).toEqual(Array(20).fill('OK'));
    expect(await burst(b!.client, b!.attemptId, 1, 10)).toEqual(Array(10).fill('OK'));
  });

  it('overlapping pauses move the deadline by the time paused, never twice, whichever began first', async () => {
    running = await runningSession(2);
    const { clock, proctor, seeded } = running;
    const [a, b] = running.candidates;
    const sessionId = seeded.sessionId;

    // a is paused first; the session pause and its resume leave a paused (own pause)
    clock.current = START + 10 * MINUTE;
    okData(await call(proctor, 'proctor:pause', { attemptId: a!.attemptId, reason: '考生不适' }));
    clock.current = START + 20 * MINUTE;
    okData(await call(proctor, 'session:pause', { sessionId, reason: '网络故障' }));
    clock.current = START + 30 * MINUTE;
    okData(await call(proctor, 'session:resume', { sessionId }));
    expect(okData(await call(a!.client, 'attempt:state', {})).status).toBe('paused');
    expect(await burst(a!.client, a!.attemptId, 1, 3)).toEqual(Array(3).fill('PAUSED'));
    clock.current = START + 40 * MINUTE;
    okData(await call(proctor, 'proctor:resume', { attemptId: a!.attemptId }));
    expect(await deadlineOf(a!.client)).toBe(START + DURATION + 30 * MINUTE);
    expect(await deadlineOf(b!.client)).toBe(START + DURATION + 10 * MINUTE);

    // the session is paused first; pausing b during it keeps b paused after the session resumes
    clock.current = START + 50 * MINUTE;
    okData(await call(proctor, 'session:pause', { sessionId, reason: '停电' }));
    clock.current = START + 55 * MINUTE;
    expect(okData(await call(b!.client, 'attempt:state', {})).pauseKind).toBe('session');
    const own = okData(
      await call(proctor, 'proctor:pause', { attemptId: b!.attemptId, reason: '更换考试机' }),
    );
    expect(own).toMatchObject({ status: 'paused', pauseKind: 'attempt' });
    clock.current = START + 60 * MINUTE;
    okData(await call(proctor, 'session:resume', { sessionId }));
    expect(okData(await call(b!.client, 'attempt:state', {})).status).toBe('paused');
    expect(await burst(b!.client, b!.attemptId, 1, 3)).toEqual(Array(3).fill('PAUSED'));
    expect(await burst(a!.client, a!.attemptId, 1, 3)).toEqual(Array(3).fill('OK'));
    clock.current = START + 65 * MINUTE;
    okData(await call(proctor, 'proctor:resume', { attemptId: b!.attemptId }));
    expect(await deadlineOf(a!.client)).toBe(START + DURATION + 40 * MINUTE);
    expect(await deadlineOf(b!.client)).toBe(START + DURATION + 25 * MINUTE);
  });

  it('does not auto-submit during a pause, and the grace counts from the moved deadline', async () => {
    running = await runningSession(1);
    const { clock, proctor, server } = running;
    const [a] = running.candidates;
    const grace = server.components.settings.answerGraceMs;
    clock.current = START + 80 * MINUTE;
    okData(await call(proctor, 'proctor:pause', { attemptId: a!.attemptId, reason: '设备检查' }));
    // far past the original deadline and its grace; the sweep (every 250 ms) must leave a alone
    clock.current = START + 200 * MINUTE;
    await new Promise((resolve) => setTimeout(resolve, 700));
    expect(okData(await call(a!.client, 'attempt:state', {})).status).toBe('paused');
    expect(await burst(a!.client, a!.attemptId, 1, 1)).toEqual(['PAUSED']);
    const resumed = okData(await call(proctor, 'proctor:resume', { attemptId: a!.attemptId }));
    const deadline = START + DURATION + 120 * MINUTE;
    expect(resumed.deadlineAt).toBe(deadline);

    // in flight at the new deadline: still taken within the grace
    clock.current = deadline + grace - 1;
    expect(await burst(a!.client, a!.attemptId, 1, 1)).toEqual(['OK']);
    const submitted = waitFor<AttemptView>(a!.client, 'attempt:changed', 3000, (v) =>
      ['submitted'].includes(v.status),
    );
    clock.current = deadline + grace + 1;
    expect(await burst(a!.client, a!.attemptId, 2, 1)).toEqual(['CONFLICT']);
    expect((await submitted).submittedAt).toBe(deadline);
  });

  it('commits saves queued before the pause; a save stamped before the pause but received after it waits for the resume', async () => {
    running = await runningSession(1, { settings: { groupCommitMs: 2_000 } });
    const { clock, proctor, server } = running;
    const [a] = running.candidates;
    clock.current = START + 10 * MINUTE;
    const beforePause = new Date(clock.now()).toISOString();
    const queued = call(a!.client, 'answer:save', save(a!.attemptId, 1, beforePause));
    await new Promise((resolve) => setTimeout(resolve, 200)); // received, waiting in the collector
    const started = Date.now();
    const ackedAfter = queued.then(() => Date.now() - started);
    okData(await call(proctor, 'proctor:pause', { attemptId: a!.attemptId, reason: '设备检查' }));
    expect(okData(await queued)).toEqual({ ackedSeq: 1 });
    // flushed by the pause (at once), not by the group-commit timer (1.8 s later)
    expect(await ackedAfter).toBeLessThan(1_000);
    const order = server.components.store.db
      .prepare(
        "SELECT action FROM audit_log WHERE action IN ('answer.save', 'attempt.pause') ORDER BY seq",
      )
      .all();
    expect(order).toEqual([{ action: 'answer.save' }, { action: 'attempt.pause' }]);

    // delayed on the network: written before the pause, it arrives during it
    const delayed = save(a!.attemptId, 2, beforePause);
    expect(await call(a!.client, 'answer:save', delayed)).toMatchObject({
      ok: false,
      error: { code: 'PAUSED' },
    });
    clock.current = START + 12 * MINUTE;
    okData(await call(proctor, 'proctor:resume', { attemptId: a!.attemptId }));
    expect(okData(await call(a!.client, 'answer:save', delayed))).toEqual({ ackedSeq: 2 });
    expect(
      server.components.store.db
        .prepare('SELECT server_time FROM answer_events WHERE attempt_id = ? AND seq = 2')
        .get(a!.attemptId),
    ).toEqual({ server_time: START + 12 * MINUTE });
  });
});
