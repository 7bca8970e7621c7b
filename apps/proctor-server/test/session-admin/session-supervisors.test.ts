import { afterEach, describe, expect, it } from 'vitest';
import { seedSession } from '../support/exam-fixture';
import { okData } from '../support/running-session';
import { call, startTestServer, type TestServer } from '../support/util';
import { pdfText } from '../pdf/pdf-tools';

/*
 * 督考人员 of a session (docs/decisions/0985) on a real server (port 0, real SQLite): the exam
 * admin records supervisors with `session:assign-supervisors` (audited, replacing the list), the
 * server refuses names that are not supervisors and changes nothing, the console's session list
 * and the 考场情况记录 PDF show them, and a recorded supervisor gains no rights.
 */

let server: TestServer | undefined;
afterEach(async () => {
  await server?.closeAll();
  server = undefined;
});

const auditOf = (s: TestServer, action: string) =>
  (
    s.components.store.db
      .prepare('SELECT actor, payload_json FROM audit_log WHERE action = ? ORDER BY seq')
      .all(action) as { actor: string; payload_json: string }[]
  ).map((row) => ({ actor: row.actor, payload: JSON.parse(row.payload_json) as unknown }));

describe('session:assign-supervisors', () => {
  it('records supervisors, audited; refuses others without a change; shown and printed', async () => {
    server = await startTestServer();
    const { sessionId } = seedSession(server.components.store, {
      count: 1,
      scheduledStart: Date.now() + 3_600_000,
    });
    const admin = await server.staffClient('admin', 'admin1');
    const sup1 = await server.staffClient('supervisor', 'sup1');
    await server.staffToken('supervisor', 'sup2');
    await server.staffToken('proctor', 'p1');

    const first = okData(
      await call(admin, 'session:assign-supervisors', {
        sessionId,
        usernames: ['sup2', 'sup1', 'sup2'],
      }),
    );
    expect(first).toEqual({ supervisors: ['sup1', 'sup2'] });
    expect(auditOf(server, 'session.assign-supervisors')).toEqual([
      { actor: 'staff:admin1', payload: { sessionId, usernames: ['sup2', 'sup1'] } },
    ]);

    // a proctor, an unknown name or an unknown session: refused, the record unchanged
    const proctor = await call(admin, 'session:assign-supervisors', {
      sessionId,
      usernames: ['sup1', 'p1'],
    });
    expect(proctor).toMatchObject({
      ok: false,
      error: {
        code: 'BAD_REQUEST',
        message:
          'p1 的角色是 proctor，只能指派质量督导员为督考人员 (only supervisors are recorded)',
      },
    });
    const unknown = await call(admin, 'session:assign-supervisors', {
      sessionId,
      usernames: ['ghost'],
    });
    expect(unknown).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', message: '考务人员 ghost 不存在 (unknown staff user)' },
    });
    const noSession = await call(admin, 'session:assign-supervisors', {
      sessionId: 'nope',
      usernames: [],
    });
    expect(noSession.ok).toBe(false);
    expect(auditOf(server, 'session.assign-supervisors')).toHaveLength(1);

    // the console's session list, for every staff role that sees the session
    const listed = okData(await call(sup1, 'console:sessions', {})).sessions;
    expect(listed.find((s) => s.session.id === sessionId)).toMatchObject({
      supervisors: ['sup1', 'sup2'],
    });

    // recorded or not, a supervisor changes nothing: the event is the exam admin's
    const bySupervisor = await call(sup1, 'session:assign-supervisors', {
      sessionId,
      usernames: [],
    });
    expect(bySupervisor).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await call(sup1, 'session:open-check-in', { sessionId }).then((ack) => ack.ok)).toBe(
      false,
    );

    // the 考场情况记录 prints them
    const token = await server.staffToken('admin', 'admin2');
    const url = `${server.url}/api/console/download?sessionId=${sessionId}&file=incident-record`;
    const res = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    const compact = pdfText(new Uint8Array(await res.arrayBuffer())).text.replace(/\s+/g, '');
    expect(compact).toContain('督考人员：sup1、sup2');

    // an empty list clears the record, audited
    okData(await call(admin, 'session:assign-supervisors', { sessionId, usernames: [] }));
    const cleared = okData(await call(admin, 'console:sessions', {})).sessions;
    expect(cleared.find((s) => s.session.id === sessionId)?.supervisors).toEqual([]);
    expect(auditOf(server, 'session.assign-supervisors')).toHaveLength(2);
  });
});
