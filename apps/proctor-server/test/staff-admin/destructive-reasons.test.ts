import { afterEach, describe, expect, it } from 'vitest';
import { adminClient } from '../keys/site-admin-client';
import { okData, runningSession } from '../support/running-session';
import { call, callRaw, startTestServer, type TestServer } from '../support/util';

/*
 * Every destructive action the console offers needs a reason (non-empty, trimmed, ≤ 500) that
 * the server writes into the audit chain (docs/decisions/0986): staff disable / enable / password
 * reset, kiosk revoke, signing-key revoke, 结束考试, 作废 and 强制交卷. Without one the server
 * refuses and changes nothing. Real server on port 0, real SQLite.
 */

let server: TestServer | undefined;
afterEach(async () => {
  await server?.closeAll();
  server = undefined;
});

const audit = (s: TestServer, action: string) =>
  (
    s.components.store.db
      .prepare('SELECT payload_json FROM audit_log WHERE action = ? ORDER BY seq')
      .all(action) as { payload_json: string }[]
  ).map((row) => JSON.parse(row.payload_json) as Record<string, unknown>);

const login = async (s: TestServer, username: string, password: string) =>
  (await s.post('/api/auth/staff-login', { username, password })).status;

const BAD_REASONS = [undefined, '', '   ', 'x'.repeat(501)] as const;

describe('reasons on destructive admin routes', () => {
  it('staff disable, enable and reset refuse a missing reason, then audit the given one', async () => {
    server = await startTestServer();
    const admin = adminClient(server.url, await server.staffToken('admin', 'admin1'));
    await server.staffToken('proctor', 'p7');
    const password = '密码-p7-long-enough';
    for (const path of ['/api/staff/disable', '/api/staff/reset-password']) {
      for (const reason of BAD_REASONS) {
        const reply = await admin.post(path, { username: 'p7', reason });
        expect(reply.status, `${path} ${String(reason)}`).toBe(400);
        expect(reply.error?.message).toMatch(/原因|reason/);
      }
    }
    // nothing changed: the account is enabled and its password still works (a second token),
    // nothing audited
    expect(await login(server, 'p7', password)).toBe(200);
    expect(audit(server, 'staff.disable')).toEqual([]);
    expect(audit(server, 'staff.password')).toEqual([]);

    const reset = await admin.post<{ oneTimePassword: string }>('/api/staff/reset-password', {
      username: 'p7',
      reason: '  本人遗忘密码  ',
    });
    expect(reset.status).toBe(200);
    expect(await login(server, 'p7', password)).toBe(401);
    expect(audit(server, 'staff.password')).toEqual([
      { username: 'p7', revokedTokens: 2, reason: '本人遗忘密码' },
    ]);
    expect(
      (await admin.post('/api/staff/disable', { username: 'p7', reason: '调离' })).status,
    ).toBe(200);
    expect(audit(server, 'staff.disable').at(-1)).toMatchObject({ username: 'p7', reason: '调离' });
    expect((await admin.post('/api/staff/enable', { username: 'p7' })).status).toBe(400);
    expect((await admin.post('/api/staff/enable', { username: 'p7', reason: '返回' })).status).toBe(
      200,
    );
    expect(audit(server, 'staff.enable').at(-1)).toMatchObject({ username: 'p7', reason: '返回' });
  });

  it('kiosk and signing-key revocation refuse a missing reason, then audit the given one', async () => {
    server = await startTestServer();
    const admin = adminClient(server.url, await server.staffToken('admin', 'admin1'));
    const { kioskId } = server.kiosk;
    for (const reason of BAD_REASONS) {
      const reply = await admin.post('/api/kiosks/revoke', { kioskId, reason });
      expect(reply.status, String(reason)).toBe(400);
      const key = await admin.post('/api/keys/trusted/revoke', {
        keyId: '0123456789abcdef',
        reason,
      });
      expect(key.status, String(reason)).toBe(400);
    }
    const live = await admin.get<{ kioskId: string; revokedAt?: number }[]>('/api/kiosks');
    expect(live.data?.find((k) => k.kioskId === kioskId)?.revokedAt).toBeUndefined();
    expect(audit(server, 'kiosk.revoke')).toEqual([]);

    const revoked = await admin.post<{ revokedAt?: number }>('/api/kiosks/revoke', {
      kioskId,
      reason: '第1考场-01 主板故障，已更换',
    });
    expect(revoked.status).toBe(200);
    expect(revoked.data?.revokedAt).toEqual(expect.any(Number));
    expect(audit(server, 'kiosk.revoke')).toEqual([
      { kioskId, reason: '第1考场-01 主板故障，已更换', revokedTokens: 0, voidedExitGrants: 0 },
    ]);
  });
});

describe('reasons on destructive room actions', () => {
  it('结束考试, 作废 and 强制交卷 refuse a missing reason and audit the given one', async () => {
    const room = await runningSession(2);
    server = room.server;
    const { proctor, seeded, candidates } = room;
    const [first, second] = candidates.map((c) => c.attemptId);
    for (const reason of BAD_REASONS) {
      const end = await callRaw(proctor, 'session:end', { sessionId: seeded.sessionId, reason });
      expect(end.ok, `end ${String(reason)}`).toBe(false);
      const voided = await callRaw(proctor, 'proctor:void', { attemptId: first, reason });
      expect(voided.ok).toBe(false);
      const forced = await callRaw(proctor, 'proctor:force-submit', { attemptId: second, reason });
      expect(forced.ok).toBe(false);
    }
    const snapshot = okData(
      await call(proctor, 'monitor:snapshot', { sessionId: seeded.sessionId }),
    );
    expect(snapshot.session.status).toBe('running');
    expect(snapshot.attempts.map((a) => a.status)).toEqual(['in_progress', 'in_progress']);

    okData(await call(proctor, 'proctor:void', { attemptId: first ?? '', reason: '夹带手机' }));
    okData(
      await call(proctor, 'proctor:force-submit', { attemptId: second ?? '', reason: '身体不适' }),
    );
    okData(
      await call(proctor, 'session:end', { sessionId: seeded.sessionId, reason: '考试时间到' }),
    );
    expect(audit(server, 'attempt.void').at(-1)).toMatchObject({ reason: '夹带手机' });
    expect(audit(server, 'attempt.force-submit').at(-1)).toMatchObject({ reason: '身体不适' });
    expect(audit(server, 'session.end')).toEqual([
      expect.objectContaining({ sessionId: seeded.sessionId, reason: '考试时间到' }),
    ]);
  });
});
