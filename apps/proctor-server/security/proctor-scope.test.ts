import type { AttemptView } from '@skillexam/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { queryAll, sql } from '@skillexam/shared/sql';
import { enrollKiosk } from '../src/kiosks/kiosk-registry';
import { kioskLoginBody, kioskProof } from '../test/support/enrolled-kiosk';
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

  it('a session nobody is assigned to is open to no proctor until the exam admin assigns one', async () => {
    room = await runningSession(1);
    const { server, clock } = room;
    // session-2: set up, roster imported, check-in open — but no 监考员 assigned yet
    const other = seedSession(server.components.store, {
      count: 1,
      scheduledStart: START,
      sessionId: 'session-2',
      examId: 'exam-2',
      now: clock.now(),
      ticketPrefix: 'S',
    });
    const adminToken = await server.staffToken('admin');
    const admin = await server.createClient(adminToken);
    okData(await call(admin, 'session:open-check-in', { sessionId: other.sessionId }));
    const candidate = other.candidates[0]!;
    // …at an exam PC of the second room, enrolled like every PC (proctor-server kiosk enroll)
    const { db, audit } = server.components.store;
    const room2Pc = enrollKiosk(db, audit, '第2考场-01', 'test', clock.now());
    const loggedIn = await server.post(
      '/api/auth/candidate-login',
      kioskLoginBody(
        room2Pc,
        { admissionTicketNumber: candidate.admissionTicketNumber, examCode: candidate.examCode },
        clock.now(),
      ),
    );
    const { token: candidateToken, attempt } = okData(loggedIn.body) as {
      token: string;
      attempt: { attemptId: string };
    };
    const login = { token: candidateToken, client: await server.createClient(candidateToken) };
    const attemptId = attempt.attemptId;
    // a hostile proctor of another room, assigned to nothing, with a script
    const roamerToken = await server.staffToken('proctor', 'roamer');
    const roamer = await server.createClient(roamerToken);
    const pushes: string[] = [];
    roamer.onAny((event: string, ...args: unknown[]) => pushes.push(JSON.stringify([event, args])));

    const attempts = [
      ['monitor:snapshot', { sessionId: other.sessionId }],
      ['results:summary', { sessionId: other.sessionId }],
      ['incident:list', { sessionId: other.sessionId }],
      ['console:timeline', { attemptId }],
      ['proctor:admit', { sessionId: other.sessionId }],
      ['proctor:unlock', { attemptId }],
      ['proctor:message', { sessionId: other.sessionId, attemptId, text: '请离开考场' }],
      ['session:start', { sessionId: other.sessionId }],
      ['incident:create', { sessionId: other.sessionId, category: 'other', description: 'x' }],
    ] as const;
    for (const [event, payload] of attempts) {
      // refused to the roamer and to the proctor of session-1 alike
      for (const client of [roamer, room.proctor]) {
        expect(await callRaw(client, event, payload), event).toMatchObject({
          ok: false,
          error: { code: 'FORBIDDEN', message: expect.stringContaining('未被指派') },
        });
      }
    }
    expect(okData(await call(roamer, 'console:sessions', {})).sessions).toEqual([]);
    const listed = await fetch(`${server.url}/api/sessions`, {
      headers: { authorization: `Bearer ${roamerToken}` },
    });
    expect(((await listed.json()) as { data: unknown[] }).data).toEqual([]);
    const download = `/api/console/download?sessionId=${other.sessionId}&file=incident-record`;
    expect(await getStatus(server, roamerToken, download)).toBe(403);
    expect(await getStatus(server, roamerToken, `/api/console/photo?attemptId=${attemptId}`)).toBe(
      403,
    );
    // the kiosk exit grant (a proctor's password typed at the candidate's PC) is scoped too; the
    // real kiosk asks with its enrollment proof alone, no candidate bearer token (0218)
    const exitGrant = (username: string, bearer?: string) =>
      fetch(`${server.url}/api/kiosk/exit-grant`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(bearer === undefined ? {} : { authorization: `Bearer ${bearer}` }),
        },
        body: JSON.stringify({
          username,
          password: `密码-${username}-long-enough`,
          kioskProof: kioskProof(room2Pc, 'exit-grant', [username], clock.now()),
        }),
      });
    const refused = await exitGrant('roamer');
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', message: expect.stringContaining('未被指派') },
    });
    expect((await exitGrant('roamer', login.token)).status).toBe(403);
    // the candidate confirms, the admin admits: pushes about session-2 reach no proctor
    okData(await call(login.client, 'attempt:confirm-identity', {}));
    okData(await call(admin, 'proctor:admit', { sessionId: other.sessionId }));
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(pushes.filter((text) => text.includes('session-2'))).toEqual([]);

    // the exam admin's set-up step (POST /api/sessions/proctors) takes effect at once
    const assigned = await fetch(`${server.url}/api/sessions/proctors`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${adminToken}` },
      body: JSON.stringify({ sessionId: other.sessionId, usernames: ['roamer'] }),
    });
    expect(await assigned.json()).toEqual({ ok: true, data: { proctors: ['roamer'] } });
    const hears = waitFor<AttemptView>(
      roamer,
      'monitor:attempt',
      2000,
      (v) => v.attemptId === attemptId,
    );
    okData(await call(roamer, 'session:start', { sessionId: other.sessionId }));
    await hears;
    expect(
      okData(await call(roamer, 'monitor:snapshot', { sessionId: other.sessionId })),
    ).toMatchObject({
      session: { id: other.sessionId },
    });
    expect((await exitGrant('roamer')).status).toBe(200);
    // the grant and its audit record name the candidate's attempt, not only the PC
    const granted = queryAll<{ payload_json: string }>(
      server.components.store.db,
      sql`SELECT payload_json FROM audit_log WHERE action = 'kiosk.exit-granted'`,
    ).map((row) => JSON.parse(row.payload_json) as unknown);
    expect(granted).toEqual([expect.objectContaining({ attemptId, kioskId: room2Pc.kioskId })]);
    // …and the proctor of session-1 is still refused there
    expect(
      await callRaw(room.proctor, 'monitor:snapshot', { sessionId: other.sessionId }),
    ).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
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

describe('a proctor cannot probe which sessions exist through downloads', () => {
  it('answers FORBIDDEN for an unknown session exactly as for one they are not assigned to', async () => {
    room = await runningSession(1);
    const { server, clock } = room;
    seedSession(server.components.store, {
      count: 1,
      scheduledStart: START,
      sessionId: 'session-2',
      examId: 'exam-2',
      now: clock.now(),
      ticketPrefix: 'S',
    });
    const roamerToken = await server.staffToken('proctor', 'roamer');
    const download = (token: string, sessionId: string) =>
      fetch(`${server.url}/api/console/download?sessionId=${sessionId}&file=incident-record`, {
        headers: { authorization: `Bearer ${token}` },
      }).then(async (res) => ({ status: res.status, body: await res.text() }));
    const exists = await download(roamerToken, 'session-2');
    const unknown = await download(roamerToken, 'no-such-session');
    expect(exists.status).toBe(403);
    expect(unknown.status).toBe(403);
    expect(unknown.body).toContain('not assigned to this session');
    // the exam admin still gets a plain NOT_FOUND
    const adminToken = await server.staffToken('admin');
    expect((await download(adminToken, 'no-such-session')).status).toBe(404);
  });
});
