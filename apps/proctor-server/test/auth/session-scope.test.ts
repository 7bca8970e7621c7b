import { socketContract, type ClientEventName } from '@skillexam/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { SOCKET_ROLES } from '../../src/auth/roles';
import { queryOne, sql } from '@skillexam/shared/sql';
import { isRoomAction } from '../../src/auth/session-scope';
import { seedSession } from '../support/exam-fixture';
import { okData, runningSession, START, type RunningSession } from '../support/running-session';
import { call, callRaw } from '../support/util';

let room: RunningSession | undefined;
afterEach(async () => {
  await room?.server.closeAll();
  room = undefined;
});

const auditCount = (r: RunningSession): number =>
  queryOne<{ n: number }>(r.server.components.store.db, sql`SELECT count(*) AS n FROM audit_log`)
    ?.n ?? 0;

describe('roles: proctors act on their own sessions; supervisors change nothing', () => {
  it('a proctor cannot act on the candidates of another session', async () => {
    room = await runningSession(2);
    const { server, proctor, seeded, candidates, clock } = room;
    const other = seedSession(server.components.store, {
      count: 1,
      scheduledStart: START,
      sessionId: 'session-2',
      examId: 'exam-2',
      now: clock.now(),
    });
    const admin = await server.staffClient('admin');
    const outsider = await server.staffClient('proctor', 'proctor-2');
    okData(
      await call(admin, 'session:assign-proctors', {
        sessionId: seeded.sessionId,
        usernames: ['proctor1'],
      }),
    );
    okData(
      await call(admin, 'session:assign-proctors', {
        sessionId: other.sessionId,
        usernames: ['proctor-2'],
      }),
    );
    const [c1] = candidates;
    const before = auditCount(room);
    for (const [event, payload] of [
      ['proctor:pause', { attemptId: c1!.attemptId, reason: '检查' }],
      ['proctor:extend', { attemptId: c1!.attemptId, minutes: 5, reason: '断电' }],
      ['proctor:force-submit', { attemptId: c1!.attemptId, reason: 'x' }],
      ['session:pause', { sessionId: seeded.sessionId, reason: '断电' }],
      ['incident:create', { sessionId: seeded.sessionId, category: 'other', description: 'x' }],
    ] as const) {
      const reply = await callRaw(outsider, event, payload);
      expect(reply, event).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    expect(auditCount(room)).toBe(before);
    // …while the assigned proctor and an admin may; the outsider cannot even read it (0221)
    okData(await call(proctor, 'proctor:pause', { attemptId: c1!.attemptId, reason: '检查' }));
    okData(await call(admin, 'proctor:resume', { attemptId: c1!.attemptId }));
    expect(await call(outsider, 'monitor:snapshot', { sessionId: seeded.sessionId })).toMatchObject(
      { ok: false, error: { code: 'FORBIDDEN' } },
    );
    // the outsider acts on their own session
    okData(await call(outsider, 'session:open-check-in', { sessionId: other.sessionId }));
    expect(
      await call(proctor, 'session:open-check-in', { sessionId: other.sessionId }),
    ).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    // a proctor's session list holds only the sessions they may see; an admin's holds all
    const sessions = okData(await call(outsider, 'console:sessions', {}));
    expect(sessions.sessions.map((s) => [s.session.id, s.proctors])).toEqual([
      ['session-2', ['proctor-2']],
    ]);
    const all = okData(await call(admin, 'console:sessions', {}));
    expect(all.sessions.map((s) => [s.session.id, s.proctors])).toEqual([
      ['session-1', ['proctor1']],
      ['session-2', ['proctor-2']],
    ]);
  });

  it('only an admin assigns, and only existing proctors', async () => {
    room = await runningSession(1);
    const { server, proctor, seeded } = room;
    const admin = await server.staffClient('admin');
    expect(
      await call(proctor, 'session:assign-proctors', {
        sessionId: seeded.sessionId,
        usernames: ['proctor1'],
      }),
    ).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(
      await call(admin, 'session:assign-proctors', {
        sessionId: seeded.sessionId,
        usernames: ['nobody'],
      }),
    ).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(
      await call(admin, 'session:assign-proctors', {
        sessionId: seeded.sessionId,
        usernames: ['admin2'],
      }),
    ).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
  });

  it('a supervisor is refused every event that changes something, and reads everything', async () => {
    room = await runningSession(1);
    const { server, seeded, candidates } = room;
    const supervisor = await server.staffClient('supervisor');
    const attemptId = candidates[0]!.attemptId;
    const changing = (Object.keys(socketContract) as ClientEventName[]).filter(
      (event) => !SOCKET_ROLES[event].includes('supervisor') && event !== 'system:ping',
    );
    expect(changing).toContain('proctor:void');
    expect(changing).toContain('incident:confirm');
    const before = auditCount(room);
    for (const event of changing) {
      const reply = await callRaw(supervisor, event, {
        sessionId: seeded.sessionId,
        attemptId,
        reason: '测试',
      });
      expect(reply, event).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    expect(auditCount(room)).toBe(before);
    okData(await call(supervisor, 'console:sessions', {}));
    okData(await call(supervisor, 'incident:list', { sessionId: seeded.sessionId }));
    okData(await call(supervisor, 'results:summary', { sessionId: seeded.sessionId }));
    okData(await call(supervisor, 'console:timeline', { attemptId }));
    const status = okData(await call(supervisor, 'audit:status', {}));
    expect(status.ok).toBe(true);
    expect(status.records).toBeGreaterThan(0);
  });

  it('room actions are exactly the events a proctor may call and a supervisor may not', () => {
    expect(isRoomAction('proctor:extend')).toBe(true);
    expect(isRoomAction('incident:create')).toBe(true);
    expect(isRoomAction('monitor:snapshot')).toBe(false);
    expect(isRoomAction('session:assign-proctors')).toBe(false);
  });
});
