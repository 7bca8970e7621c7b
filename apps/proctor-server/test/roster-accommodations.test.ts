import type { AttemptView } from '@skillexam/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { TestClock } from './support/clock';
import { idNumber, seedSession } from './support/exam-fixture';
import { okData, START } from './support/running-session';
import { call, startTestServer, type TestServer } from './support/util';

/*
 * 考生便利措施 end to end on a real server: the roster upload carries 延长时间/分钟, 大字体 and
 * 高对比度; the candidate's login returns them (the kiosk presets its display from them), the
 * deadline includes the extra time as audited 补时, and a proctor's own 补时 cap does not count it.
 */

let server: TestServer | undefined;
afterEach(async () => {
  await server?.closeAll();
  server = undefined;
});

const ROSTER = [
  '准考证号,姓名,身份证号,考场,座位号,延长时间/分钟,大字体,高对比度',
  `A0001,张三,${idNumber(1)},第1考场,1,30,是,否`,
  `A0002,李四,${idNumber(2)},第1考场,2,,,`,
].join('\n');

describe('roster accommodations', () => {
  it('are imported from the roster, returned at login, and extend the deadline', async () => {
    const clock = new TestClock(START - 10 * 60_000);
    server = await startTestServer({ now: clock.now });
    const { sessionId } = seedSession(server.components.store, {
      count: 0,
      scheduledStart: START,
      durationMinutes: 90,
      rules: { extensionCapMinutes: 10 },
    });
    const admin = await server.staffToken('admin');
    const upload = await fetch(
      `${server.url}/api/sessions/roster?sessionId=${sessionId}&fileName=roster.csv`,
      {
        method: 'POST',
        headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/octet-stream' },
        body: Buffer.from(ROSTER, 'utf8'),
      },
    );
    const imported = (await upload.json()) as {
      ok: boolean;
      data: { candidates: { admissionTicketNumber: string; examCode: string }[] };
    };
    expect(imported.ok).toBe(true);
    const codeOf = (ticket: string) =>
      imported.data.candidates.find((c) => c.admissionTicketNumber === ticket)?.examCode ?? '';

    // login: the kiosk learns the presets; the 30 minutes are already 补时
    const login = await server.post(
      '/api/auth/candidate-login',
      server.kioskLogin('A0001', codeOf('A0001')),
    );
    const attempt = (login.body.data as { attempt: AttemptView }).attempt;
    expect(attempt.accommodations).toEqual({
      extraMinutes: 30,
      largeText: true,
      highContrast: false,
    });
    expect(attempt.extensionMs).toBe(30 * 60_000);
    const other = await server.post(
      '/api/auth/candidate-login',
      server.kioskLogin('A0002', codeOf('A0002')),
    );
    expect((other.body.data as { attempt: AttemptView }).attempt).not.toHaveProperty(
      'accommodations',
    );

    // the deadline: start + 90 minutes + 30 minutes
    const candidate = await server.candidateClient('A0001', codeOf('A0001'));
    okData(await call(candidate.client, 'attempt:confirm-identity', {}));
    const proctor = await server.staffClient('proctor', 'proctor1');
    server.assignProctors(sessionId, ['proctor1']);
    okData(await call(proctor, 'proctor:admit', { sessionId }));
    clock.current = START;
    okData(await call(proctor, 'session:start', { sessionId }));
    const started = okData(await call(candidate.client, 'attempt:state', {})) as AttemptView;
    expect(started.deadlineAt).toBe(START + 120 * 60_000);

    // the proctors' 补时 cap (10 minutes) is theirs to spend in full
    const extend = (minutes: number) =>
      call(proctor, 'proctor:extend', {
        attemptId: candidate.attemptId,
        minutes,
        reason: '设备故障',
      });
    expect(await extend(10)).toMatchObject({ ok: true });
    expect(await extend(1)).toMatchObject({ ok: false });

    // the roster's extra time is in the audit log as 补时 granted at import
    const audited = server.components.store.db
      .prepare(`SELECT actor, payload_json FROM audit_log WHERE action = 'attempt.extend'`)
      .all() as { actor: string; payload_json: string }[];
    expect(audited.map((row) => JSON.parse(row.payload_json))).toEqual([
      {
        attemptId: candidate.attemptId,
        minutes: 30,
        reason: '考生名单：延长时间 (roster accommodation)',
      },
      { attemptId: candidate.attemptId, minutes: 10, reason: '设备故障' },
    ]);
  });
});
