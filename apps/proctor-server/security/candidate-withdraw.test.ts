import { afterEach, describe, expect, it } from 'vitest';
import { issueToken } from '../src/auth/tokens';
import { idNumber } from '../test/support/exam-fixture';
import { call, type TestServer } from '../test/support/util';
import {
  candidateLogin,
  scheduledSite,
  staffApi,
} from '../test/candidate-admin/candidate-admin-support';

/*
 * 考生管理 (docs/decisions/0973–0976) attacked: a proctor or supervisor with a script cannot add,
 * withdraw, reinstate or list; a withdrawn candidate cannot sign in (and learns only 请联系监考老师)
 * nor use a token minted before; a candidate who signed in cannot be withdrawn silently (void in
 * the monitor instead); the reason is required and bounded.
 */

let server: TestServer | undefined;
afterEach(async () => {
  await server?.closeAll();
  server = undefined;
});

describe('candidate withdrawal and addition', () => {
  it('a proctor or supervisor cannot add, withdraw, reinstate or list; nothing changes', async () => {
    const site = await scheduledSite();
    server = site.server;
    const [first] = site.seeded.candidates;
    const rows = () => site.count('SELECT count(*) AS n FROM attempts');
    const audits = () =>
      site.count(
        "SELECT count(*) AS n FROM audit_log WHERE action LIKE 'candidate.%' OR action LIKE 'roster.%'",
      );
    const before = { rows: rows(), audits: audits() };
    const target = { sessionId: 'session-1', attemptId: first!.attemptId, reason: '取消报名' };
    for (const role of ['proctor', 'supervisor'] as const) {
      const username = `${role}-x`;
      const api = staffApi(server, await server.staffToken(role, username));
      if (role === 'proctor') server.assignProctors('session-1', [username]);
      const add = {
        sessionId: 'session-1',
        admissionTicketNumber: 'T990001',
        name: '冒名',
        idNumber: idNumber(990),
        roomId: 'room-1',
      };
      for (const [path, body] of [
        ['/api/sessions/candidates', add],
        ['/api/sessions/candidates/withdraw', target],
        ['/api/sessions/candidates/reinstate', target],
      ] as const) {
        const reply = await api.post(path, body);
        expect(reply.status, `${role} ${path}`).toBe(403);
      }
      expect((await api.get('/api/sessions/candidates?sessionId=session-1')).status).toBe(403);
    }
    const anonymous = await fetch(`${server.url}/api/sessions/candidates/withdraw`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(target),
    });
    expect(anonymous.status).toBe(401);
    expect({ rows: rows(), audits: audits() }).toEqual(before);
    expect(site.count('SELECT count(*) AS n FROM candidate_withdrawals')).toBe(0);
  });

  it('a withdrawn candidate cannot sign in, nor use a token minted before the withdrawal', async () => {
    const site = await scheduledSite();
    server = site.server;
    const [, second] = site.seeded.candidates;
    const { db } = server.components.store;
    // a live token of the still-registered candidate (as if minted before): it connects now …
    const minted = issueToken(db, 'candidate', second!.attemptId, site.clock.now(), 3_600_000);
    (await server.createClient(minted.token)).close();
    const reply = await site.admin.post('/api/sessions/candidates/withdraw', {
      sessionId: 'session-1',
      attemptId: second!.attemptId,
      reason: '考生申请取消报名',
    });
    expect(reply.status).toBe(200);
    // … and is dead after the withdrawal: no socket, so no answer:save
    await expect(server.createClient(minted.token)).rejects.toThrow();
    const login = await candidateLogin(server, second!.admissionTicketNumber, second!.examCode);
    expect(login.status).toBe(403);
    expect(login.body).toEqual({
      ok: false,
      error: {
        code: 'FORBIDDEN',
        message: '无法登录，请联系监考老师 (please contact the proctor)',
      },
    });
    // the web client (practice) path is refused the same way
    const web = await server.post('/api/auth/candidate-login', {
      admissionTicketNumber: second!.admissionTicketNumber,
      examCode: second!.examCode,
      clientKind: 'web',
    });
    expect(web.status).toBe(403);
    const live = db
      .prepare('SELECT count(*) AS n FROM auth_tokens WHERE subject = ? AND revoked_at IS NULL')
      .get(second!.attemptId) as { n: number };
    expect(live.n).toBe(0);
  });

  it('a candidate who signed in cannot be withdrawn; their token keeps working (void instead)', async () => {
    const site = await scheduledSite();
    server = site.server;
    const [first] = site.seeded.candidates;
    const signedIn = await server.candidateClient(first!.admissionTicketNumber, first!.examCode);
    const refused = await site.admin.post('/api/sessions/candidates/withdraw', {
      sessionId: 'session-1',
      attemptId: first!.attemptId,
      reason: '迟到',
    });
    expect(refused.status).toBe(409);
    expect(refused.body.error?.message).toMatch(/请在监考台作废试卷/);
    const state = await call(signedIn.client, 'attempt:state', {});
    expect(state).toMatchObject({ ok: true, data: { status: 'logged_in' } });
    expect(site.count('SELECT count(*) AS n FROM candidate_withdrawals')).toBe(0);
  });

  it('the reason is required (trimmed, ≤ 500) and an attempt of another session is not found', async () => {
    const site = await scheduledSite();
    server = site.server;
    const [first] = site.seeded.candidates;
    const send = (body: Record<string, unknown>) =>
      site.admin.post('/api/sessions/candidates/withdraw', {
        sessionId: 'session-1',
        attemptId: first!.attemptId,
        ...body,
      });
    expect((await send({})).status).toBe(400);
    expect((await send({ reason: '   ' })).status).toBe(400);
    expect((await send({ reason: '长'.repeat(501) })).status).toBe(400);
    expect((await send({ reason: 'x', extra: 1 })).status).toBe(400);
    expect((await send({ reason: 'x', sessionId: 'other' })).status).toBe(404);
    expect(site.count('SELECT count(*) AS n FROM candidate_withdrawals')).toBe(0);
  });
});
