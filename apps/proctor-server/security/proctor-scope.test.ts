import type { AttemptView } from '@skillexam/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { queryAll, sql } from '../src/db/sql';
import { seedSession } from '../test/support/exam-fixture';
import {
  okData,
  runningSession,
  START,
  type RunningSession,
} from '../test/support/running-session';
import { call, callRaw, waitFor, type TestServer } from '../test/support/util';

/*
 * A proctor of another room (or anyone holding their console token) looks into a session they
 * were not assigned to — its monitor, results, timelines, incidents, marking queue, downloads
 * and photos — and a proctor grants one candidate hours of 补时 in small steps. Proctors read
 * and act only on their own sessions; 补时 has a per-candidate cap that only an exam admin can
 * raise, with a reason that is audited.
 */

let room: RunningSession | undefined;
afterEach(async () => {
  await room?.server.closeAll();
  room = undefined;
});

const MINUTE = 60_000;

async function getStatus(server: TestServer, token: string, path: string): Promise<number> {
  const res = await fetch(`${server.url}${path}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  await res.arrayBuffer();
  return res.status;
}

describe('proctors read and act only on the sessions they are assigned to', () => {
  it('refuses every read of another session to a proctor and allows it to a supervisor', async () => {
    room = await runningSession(2);
    const { server, seeded, candidates, clock } = room;
    const other = seedSession(server.components.store, {
      count: 1,
      scheduledStart: START,
      sessionId: 'session-2',
      examId: 'exam-2',
      now: clock.now(),
    });
    const admin = await server.staffClient('admin');
    const outsiderToken = await server.staffToken('proctor', 'proctor-2');
    const outsider = await server.createClient(outsiderToken);
    const supervisor = await server.staffClient('supervisor');
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
    const attemptId = candidates[0]!.attemptId;
    // pushes are reads too: the outsider hears nothing about session-1
    const outsiderPushes: string[] = [];
    outsider.onAny((event: string, ...args: unknown[]) => {
      outsiderPushes.push(JSON.stringify([event, args]));
    });
    const supervisorHears = waitFor<AttemptView>(
      supervisor,
      'monitor:attempt',
      2000,
      (view) => view.attemptId === attemptId && view.status === 'paused',
    );
    okData(await call(room.proctor, 'proctor:pause', { attemptId, reason: '检查证件' }));
    okData(
      await call(room.proctor, 'incident:create', {
        sessionId: seeded.sessionId,
        category: 'other',
        description: '考生举手',
      }),
    );
    okData(await call(room.proctor, 'proctor:resume', { attemptId }));
    await supervisorHears;
    okData(await call(outsider, 'session:open-check-in', { sessionId: other.sessionId }));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(outsiderPushes.some((text) => text.includes('session-2'))).toBe(true);
    expect(outsiderPushes.filter((text) => text.includes(seeded.sessionId))).toEqual([]);

    const reads = [
      ['monitor:snapshot', { sessionId: seeded.sessionId }],
      ['results:summary', { sessionId: seeded.sessionId }],
      ['incident:list', { sessionId: seeded.sessionId }],
      ['marking:queue', { sessionId: seeded.sessionId }],
      ['console:timeline', { attemptId }],
    ] as const;
    for (const [event, payload] of reads) {
      expect(await callRaw(outsider, event, payload), event).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN', message: expect.stringContaining('未被指派') },
      });
      // supervisors read everything they may call at all (marking is for 考评人员)
      if (event !== 'marking:queue')
        expect(await callRaw(supervisor, event, payload), event).toMatchObject({ ok: true });
      expect(await callRaw(room.proctor, event, payload), event).toMatchObject({ ok: true });
    }
    // pairing their own session with another session's candidate does not help either
    for (const [event, payload] of [
      ['proctor:message', { sessionId: other.sessionId, attemptId, text: '请交卷' }],
      ['proctor:admit', { sessionId: other.sessionId, attemptIds: [attemptId] }],
    ] as const) {
      expect(await callRaw(outsider, event, payload), event).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN' },
      });
    }
    // the session list shows the outsider only their own session
    const listed = okData(await call(outsider, 'console:sessions', {}));
    expect(listed.sessions.map((s) => s.session.id)).toEqual(['session-2']);
    const all = okData(await call(supervisor, 'console:sessions', {}));
    expect(all.sessions.map((s) => s.session.id)).toEqual(['session-1', 'session-2']);

    // HTTP: the session list, the 考场情况记录 and the candidate photo of another session
    const listedOverHttp = await fetch(`${server.url}/api/sessions`, {
      headers: { authorization: `Bearer ${outsiderToken}` },
    });
    const httpSessions = (await listedOverHttp.json()) as { data: { id: string }[] };
    expect(httpSessions.data.map((s) => s.id)).toEqual(['session-2']);
    const download = `/api/console/download?sessionId=${seeded.sessionId}&file=incident-record`;
    expect(await getStatus(server, outsiderToken, download)).toBe(403);
    expect(
      await getStatus(server, outsiderToken, `/api/console/photo?attemptId=${attemptId}`),
    ).toBe(403);
    expect(
      await getStatus(
        server,
        outsiderToken,
        `/api/console/download?sessionId=${other.sessionId}&file=incident-record`,
      ),
    ).toBe(200);
  });

  it('caps 补时 per candidate; only an exam admin raises the cap, with an audited reason', async () => {
    room = await runningSession(1);
    const { server, candidates } = room;
    const attemptId = candidates[0]!.attemptId;
    const extend = (minutes: number) =>
      callRaw(room!.proctor, 'proctor:extend', { attemptId, minutes, reason: '设备故障' });

    // the attack: 5 × 240 minutes on one candidate
    for (let i = 0; i < 5; i += 1) {
      expect(await extend(240)).toMatchObject({
        ok: false,
        error: { code: 'EXTENSION_CAP_EXCEEDED', message: expect.stringContaining('60 分钟') },
      });
    }
    okData(await call(room.proctor, 'proctor:extend', { attemptId, minutes: 40, reason: '断电' }));
    okData(await call(room.proctor, 'proctor:extend', { attemptId, minutes: 20, reason: '断电' }));
    expect(await extend(1)).toMatchObject({
      ok: false,
      error: { code: 'EXTENSION_CAP_EXCEEDED', message: expect.stringContaining('还可补 0 分钟') },
    });
    const before = okData(await call(candidates[0]!.client, 'attempt:state', {}));
    expect(before.extensionMs).toBe(60 * MINUTE);

    // a proctor cannot raise the cap; an admin can, for this candidate, with a reason
    expect(
      await callRaw(room.proctor, 'proctor:extension-cap', {
        attemptId,
        capMinutes: 600,
        reason: '自行提高',
      }),
    ).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const admin = await server.staffClient('admin');
    expect(
      await callRaw(admin, 'proctor:extension-cap', { attemptId, capMinutes: 90 }),
    ).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    const raised = okData(
      await call(admin, 'proctor:extension-cap', {
        attemptId,
        capMinutes: 90,
        reason: '考生突发疾病，经考务组批准',
      }),
    );
    expect(raised.extensionCapMs).toBe(90 * MINUTE);
    okData(await call(room.proctor, 'proctor:extend', { attemptId, minutes: 30, reason: '就医' }));
    expect(await extend(1)).toMatchObject({
      ok: false,
      error: { code: 'EXTENSION_CAP_EXCEEDED' },
    });
    const after = okData(await call(candidates[0]!.client, 'attempt:state', {}));
    expect(after.extensionMs).toBe(90 * MINUTE);
    expect(after.deadlineAt).toBe((before.deadlineAt ?? 0) + 30 * MINUTE);
    const audited = queryAll<{ actor: string; payload_json: string }>(
      server.components.store.db,
      sql`SELECT actor, payload_json FROM audit_log WHERE action = 'attempt.extension-cap'`,
    );
    expect(audited).toHaveLength(1);
    expect(audited[0]?.actor).toBe('staff:admin2');
    expect(JSON.parse(audited[0]!.payload_json)).toMatchObject({
      attemptId,
      capMinutes: 90,
      reason: '考生突发疾病，经考务组批准',
    });
    // …and shows in the candidate's timeline on every console
    const timeline = okData(await call(room.proctor, 'console:timeline', { attemptId }));
    expect(timeline.entries).toContainEqual(
      expect.objectContaining({
        kind: 'attempt.extension-cap',
        actor: 'staff:admin2',
        detail: '补时上限 90 分钟 · 考生突发疾病，经考务组批准',
      }),
    );
  });

  it('takes the cap from the session rules', async () => {
    room = await runningSession(1, {});
    const { server, seeded, candidates } = room;
    server.components.store.db
      .prepare('UPDATE sessions SET rules_json = json_set(rules_json, ?, 10) WHERE id = ?')
      .run('$.extensionCapMinutes', seeded.sessionId);
    const attemptId = candidates[0]!.attemptId;
    expect(
      await callRaw(room.proctor, 'proctor:extend', { attemptId, minutes: 11, reason: '断电' }),
    ).toMatchObject({ ok: false, error: { code: 'EXTENSION_CAP_EXCEEDED' } });
    okData(await call(room.proctor, 'proctor:extend', { attemptId, minutes: 10, reason: '断电' }));
  });
});
