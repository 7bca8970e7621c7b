import type { IncidentView } from '@skillexam/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { queryAll, sql } from '@skillexam/shared/sql';
import { pdfText } from '../pdf/pdf-tools';
import { okData, runningSession, type RunningSession } from '../support/running-session';
import { call, callRaw, waitFor } from '../support/util';

let room: RunningSession | undefined;
afterEach(async () => {
  await room?.server.closeAll();
  room = undefined;
});

function auditActions(r: RunningSession): string[] {
  return queryAll<{ action: string }>(
    r.server.components.store.db,
    sql`SELECT action FROM audit_log WHERE action LIKE 'incident.%' ORDER BY seq`,
  ).map((row) => row.action);
}

describe('考场情况记录: incidents confirmed by two proctors', () => {
  it('records an incident, refuses the same proctor and a supervisor, accepts a second proctor', async () => {
    room = await runningSession(2);
    const { server, proctor, seeded, candidates } = room;
    const second = await server.staffClient('proctor', 'proctor-b');
    server.assignProctors(seeded.sessionId, ['proctor1', 'proctor-b']);
    const supervisor = await server.staffClient('supervisor');
    const [c1] = candidates;

    const pushed = waitFor<IncidentView>(second, 'monitor:incident');
    const created = okData(
      await call(proctor, 'incident:create', {
        sessionId: seeded.sessionId,
        category: 'violation',
        description: '考生携带手机进入考场',
        attemptIds: [c1!.attemptId],
        action: '警告',
      }),
    );
    expect(created).toMatchObject({
      category: 'violation',
      description: '考生携带手机进入考场',
      action: '警告',
      source: 'manual',
      createdBy: 'staff:proctor1',
      candidates: [{ attemptId: c1!.attemptId, name: '考生1', seat: 1 }],
    });
    expect(created.confirmedBy).toBeUndefined();
    expect((await pushed).id).toBe(created.id);

    const own = await call(proctor, 'incident:confirm', { incidentId: created.id });
    expect(own).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    const bySupervisor = await call(supervisor, 'incident:confirm', { incidentId: created.id });
    expect(bySupervisor).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(
      await call(supervisor, 'incident:create', {
        sessionId: seeded.sessionId,
        category: 'other',
        description: 'x',
      }),
    ).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(auditActions(room)).toEqual(['incident.create']);

    const confirmed = okData(await call(second, 'incident:confirm', { incidentId: created.id }));
    expect(confirmed.confirmedBy).toBe('staff:proctor-b');
    expect(confirmed.confirmedAt).toBeTypeOf('number');
    const again = await call(second, 'incident:confirm', { incidentId: created.id });
    expect(again).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(auditActions(room)).toEqual(['incident.create', 'incident.confirm']);

    const list = okData(await call(supervisor, 'incident:list', { sessionId: seeded.sessionId }));
    expect(list.incidents).toHaveLength(1);
    expect(list.incidents[0]).toEqual(confirmed);
  });

  it('rejects bad input with a specific message and changes nothing', async () => {
    room = await runningSession(1);
    const { proctor, seeded } = room;
    const bad = await callRaw(proctor, 'incident:create', {
      sessionId: seeded.sessionId,
      category: 'weather',
      description: 'x',
    });
    expect(bad).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    expect(JSON.stringify(bad)).toContain('category');
    const blank = await callRaw(proctor, 'incident:create', {
      sessionId: seeded.sessionId,
      category: 'other',
      description: '   ',
    });
    expect(blank).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    const stranger = await call(proctor, 'incident:create', {
      sessionId: seeded.sessionId,
      category: 'other',
      description: '有人',
      attemptIds: ['no-such-attempt'],
    });
    expect(stranger).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    expect(await call(proctor, 'incident:confirm', { incidentId: 999 })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(okData(await call(proctor, 'incident:list', { sessionId: seeded.sessionId }))).toEqual({
      incidents: [],
    });
  });

  it('lists incidents recorded by 试卷作废 as 违纪 and prints them in the PDF', async () => {
    room = await runningSession(2);
    const { server, proctor, seeded, candidates } = room;
    const [, c2] = candidates;
    okData(await call(proctor, 'proctor:void', { attemptId: c2!.attemptId, reason: '夹带小抄' }));
    okData(
      await call(proctor, 'incident:create', {
        sessionId: seeded.sessionId,
        category: 'power_network',
        description: '9:40 第一考场断电 5 分钟',
      }),
    );
    const { incidents } = okData(
      await call(proctor, 'incident:list', { sessionId: seeded.sessionId }),
    );
    expect(incidents.map((i) => [i.category, i.source, i.action, i.candidates.length])).toEqual([
      ['violation', 'void', '试卷作废', 1],
      ['power_network', 'manual', '', 0],
    ]);

    const login = await server.post('/api/auth/staff-login', {
      username: 'proctor1',
      password: '密码-proctor1-long-enough',
    });
    const { token } = login.body.data as { token: string };
    const url = `${server.url}/api/console/download?sessionId=${seeded.sessionId}&file=incident-record`;
    expect((await fetch(url)).status).toBe(401);
    const res = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    const { text } = pdfText(new Uint8Array(await res.arrayBuffer()));
    expect(text).toContain('考场情况记录');
    expect(text).toContain('违纪');
    expect(text).toContain('夹带小抄');
    expect(text).toContain('断电断网');
    expect(text).toContain('待确认');
    // Results exports are the exam admin's (results:export)
    const xlsx = await fetch(
      `${server.url}/api/console/download?sessionId=${seeded.sessionId}&file=score-summary`,
      { headers: { authorization: `Bearer ${token}` } },
    );
    expect(xlsx.status).toBe(403);
  });
});
