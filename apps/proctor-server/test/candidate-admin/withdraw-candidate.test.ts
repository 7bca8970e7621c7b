import { afterEach, describe, expect, it } from 'vitest';
import { buildResultsSummary } from '../../src/console/results-summary';
import { call, type TestServer } from '../support/util';
import { okData, START } from '../support/running-session';
import { idNumber } from '../support/exam-fixture';
import { candidateLogin, scheduledSite } from './candidate-admin-support';

/* 撤销考试资格 and 恢复资格 over HTTP on a real server and SQLite (docs/decisions/0973, 0974). */

let server: TestServer | undefined;
afterEach(async () => {
  await server?.closeAll();
  server = undefined;
});

describe('POST /api/sessions/candidates/withdraw and /reinstate', () => {
  it('withdraws with who/when/why, frees the seat, refuses login; reinstate restores the code', async () => {
    const site = await scheduledSite();
    server = site.server;
    const [, second] = site.seeded.candidates;
    const body = { sessionId: 'session-1', attemptId: second!.attemptId };
    const blank = await site.admin.post('/api/sessions/candidates/withdraw', {
      ...body,
      reason: ' ',
    });
    expect(blank.status).toBe(400);
    expect(blank.body.error?.message).toMatch(/请填写原因/);

    const withdrawn = await site.admin.post('/api/sessions/candidates/withdraw', {
      ...body,
      reason: '考生申请取消报名',
    });
    expect(withdrawn.status).toBe(200);
    const row = (await site.admin.list('session-1')).find((r) => r.attemptId === second!.attemptId);
    expect(row).toMatchObject({
      status: 'withdrawn',
      seat: 2,
      withdrawal: {
        by: expect.stringMatching(/^staff:admin1/) as unknown,
        reason: '考生申请取消报名',
      },
    });
    const audit = site.count(
      "SELECT count(*) AS n FROM audit_log WHERE action = 'candidate.withdraw' AND payload_json LIKE '%考生申请取消报名%'",
    );
    expect(audit).toBe(1);
    const again = await site.admin.post('/api/sessions/candidates/withdraw', {
      ...body,
      reason: 'x',
    });
    expect(again.status).toBe(409);

    // the candidate: the right code gets only 请联系监考老师; a wrong code the usual message
    const refused = await candidateLogin(server, second!.admissionTicketNumber, second!.examCode);
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ ok: false, error: { message: /请联系监考老师/ } });
    expect(JSON.stringify(refused.body)).not.toMatch(/撤销|取消报名|withdraw/i);
    const wrong = await candidateLogin(server, second!.admissionTicketNumber, 'ABCD-EFGH');
    expect(wrong.status).toBe(401);
    expect(
      site.count("SELECT count(*) AS n FROM audit_log WHERE action = 'candidate.login-refused'"),
    ).toBe(1);

    // the seat is free: a new candidate without a seat gets it; 准考证号 of the withdrawn refused
    const add = { sessionId: 'session-1', name: '补录', roomId: 'room-1' };
    const sameTicket = await site.admin.post('/api/sessions/candidates', {
      ...add,
      admissionTicketNumber: second!.admissionTicketNumber,
      idNumber: idNumber(950),
    });
    expect(sameTicket.status).toBe(409);
    expect(sameTicket.body.error?.message).toMatch(/恢复资格/);
    const taker = await site.admin.post('/api/sessions/candidates', {
      ...add,
      admissionTicketNumber: 'T900009',
      idNumber: idNumber(951),
    });
    expect(taker.body.data).toMatchObject({ seat: 2 });

    // no admission slip for a withdrawn candidate
    const slip = await fetch(
      `${server.url}/api/sessions/admission-slips?sessionId=session-1&ticket=${second!.admissionTicketNumber}`,
      {
        method: 'POST',
        headers: { authorization: `Bearer ${await server.staffToken('admin', 'a3')}` },
      },
    );
    expect(slip.status).toBe(404);

    // 恢复资格: reason required; seat 2 is taken now, so the first free seat; same exam code
    const noReason = await site.admin.post('/api/sessions/candidates/reinstate', body);
    expect(noReason.status).toBe(400);
    const back = await site.admin.post('/api/sessions/candidates/reinstate', {
      ...body,
      reason: '考生撤回申请',
    });
    expect(back).toMatchObject({ status: 200, body: { data: { seat: 4 } } });
    expect(
      site.count("SELECT count(*) AS n FROM audit_log WHERE action = 'candidate.reinstate'"),
    ).toBe(1);
    const login = await candidateLogin(server, second!.admissionTicketNumber, second!.examCode);
    expect(login.status).toBe(200);
  });

  it('refuses withdrawing a candidate who signed in (void instead) and reinstating after the start', async () => {
    const site = await scheduledSite();
    server = site.server;
    const [first, second] = site.seeded.candidates;
    expect(
      (await candidateLogin(server, first!.admissionTicketNumber, first!.examCode)).status,
    ).toBe(200);
    const late = await site.admin.post('/api/sessions/candidates/withdraw', {
      sessionId: 'session-1',
      attemptId: first!.attemptId,
      reason: '迟到',
    });
    expect(late.status).toBe(409);
    expect(late.body.error?.message).toMatch(/已登录或已开考.*作废/);
    const ok = await site.admin.post('/api/sessions/candidates/withdraw', {
      sessionId: 'session-1',
      attemptId: second!.attemptId,
      reason: '取消报名',
    });
    expect(ok.status).toBe(200);

    // the exam starts and ends: the withdrawn is neither 缺考 nor in the score summary
    const proctor = await server.staffClient('admin', 'boss');
    site.clock.current = START;
    okData(await call(proctor, 'session:start', { sessionId: 'session-1' }));
    const reinstate = await site.admin.post('/api/sessions/candidates/reinstate', {
      sessionId: 'session-1',
      attemptId: second!.attemptId,
      reason: '撤回',
    });
    expect(reinstate.status).toBe(409);
    expect(reinstate.body.error?.message).toMatch(/考试已开始/);
    okData(await call(proctor, 'session:end', { sessionId: 'session-1', reason: '考试结束' }));
    const db = server.components.store.db;
    const statuses = db
      .prepare('SELECT admission_ticket AS t, status FROM attempts ORDER BY t')
      .all();
    expect(statuses).toEqual([
      { t: first!.admissionTicketNumber, status: 'absent' },
      { t: site.seeded.candidates[2]!.admissionTicketNumber, status: 'absent' },
    ]);
    const summary = buildResultsSummary(db, 'session-1', 'admin');
    expect(summary.rows.map((r) => r.admissionTicketNumber)).not.toContain(
      second!.admissionTicketNumber,
    );
    // still listed as withdrawn after the end
    const rows = await site.admin.list('session-1');
    expect(rows.filter((r) => r.status === 'withdrawn')).toHaveLength(1);
    const ended = await site.admin.post('/api/sessions/candidates/withdraw', {
      sessionId: 'session-1',
      attemptId: site.seeded.candidates[2]!.attemptId,
      reason: 'x',
    });
    expect(ended.status).toBe(409);
  });
});
