import { KioskEnrollmentSchema } from '@skillexam/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { TestClock } from '../test/support/clock';
import { kioskLoginBody, kioskProof } from '../test/support/enrolled-kiosk';
import { seedSession } from '../test/support/exam-fixture';
import { START } from '../test/support/running-session';
import { startTestServer, type TestServer } from '../test/support/util';

/*
 * A candidate with a script (or a laptop) instead of the exam kiosk: claiming to be a kiosk is
 * not enough; only a PC the exam admin enrolled can sit a session that forbids practice clients.
 */

let server: TestServer | undefined;
afterEach(async () => {
  await server?.closeAll();
  server = undefined;
});

async function setup(rules: Record<string, unknown> = {}) {
  const clock = new TestClock(START - 5 * 60_000);
  const s = await startTestServer({ now: clock.now });
  server = s;
  const seeded = seedSession(s.components.store, {
    count: 2,
    scheduledStart: START,
    now: clock.now(),
    rules,
  });
  const [c, d] = seeded.candidates;
  return { clock, s, c: c!, d: d! };
}

function rejections(s: TestServer): number {
  return (
    s.components.store.db
      .prepare("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'candidate.client-rejected'")
      .get() as { n: number }
  ).n;
}

describe('attested kiosks', () => {
  it('refuses a script that only claims to be a kiosk, and audits it', async () => {
    const { s, c } = await setup();
    const res = await s.post('/api/auth/candidate-login', {
      admissionTicketNumber: c.admissionTicketNumber,
      examCode: c.examCode,
      clientKind: 'kiosk',
    });
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({ ok: false, error: { code: 'CLIENT_REJECTED' } });
    expect(rejections(s)).toBe(1);
  });

  it('refuses forged, replayed, stale, moved and revoked proofs', async () => {
    const { s, c, d, clock } = await setup();
    const login = (body: unknown) => s.post('/api/auth/candidate-login', body);
    const request = { admissionTicketNumber: c.admissionTicketNumber, examCode: c.examCode };
    const forged = {
      kioskId: s.kiosk.kioskId,
      kioskSecret: Buffer.alloc(32, 7).toString('base64'),
    };
    expect((await login(kioskLoginBody(forged, request, clock.now()))).status).toBe(403);
    const unknown = { ...s.kiosk, kioskId: 'kiosk-not-enrolled' };
    expect((await login(kioskLoginBody(unknown, request, clock.now()))).status).toBe(403);
    const stale = await login(kioskLoginBody(s.kiosk, request, clock.now() - 10 * 60_000));
    expect(stale.status).toBe(403);
    expect(JSON.stringify(stale.body)).toContain('时钟');
    // a proof for one candidate's request cannot carry another candidate's ticket
    const moved = {
      ...kioskLoginBody(s.kiosk, request, clock.now()),
      admissionTicketNumber: d.admissionTicketNumber,
      examCode: d.examCode,
    };
    expect((await login(moved)).status).toBe(403);
    const good = kioskLoginBody(s.kiosk, request, clock.now());
    expect((await login(good)).status).toBe(200);
    expect((await login(good)).status).toBe(403); // replayed
    const admin = await s.staffToken('admin', 'kiosk-admin');
    const revoke = await fetch(`${s.url}/api/kiosks/revoke`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}` },
      body: JSON.stringify({ kioskId: s.kiosk.kioskId }),
    });
    expect(revoke.status).toBe(200);
    expect((await login(kioskLoginBody(s.kiosk, request, clock.now()))).status).toBe(403);
    expect(rejections(s)).toBe(6);
  });

  it('lets the web client into practice sessions only', async () => {
    const secure = await setup();
    const web = {
      admissionTicketNumber: secure.c.admissionTicketNumber,
      examCode: secure.c.examCode,
      clientKind: 'web',
    };
    expect((await secure.s.post('/api/auth/candidate-login', web)).status).toBe(403);
    await secure.s.closeAll();
    server = undefined;
    const practice = await setup({ allowPracticeClients: true });
    const res = await practice.s.post('/api/auth/candidate-login', {
      ...web,
      admissionTicketNumber: practice.c.admissionTicketNumber,
      examCode: practice.c.examCode,
    });
    expect(res.status).toBe(200);
  });

  it('an admin enrolls a PC over HTTP; the file signs logins; nobody else can enroll', async () => {
    const { s, c, clock } = await setup();
    const enroll = (token: string, body: unknown) =>
      fetch(`${s.url}/api/kiosks/enroll`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify(body),
      });
    const proctor = await s.staffToken('proctor', 'p-enroll');
    expect((await enroll(proctor, { name: 'PC-07' })).status).toBe(403);
    const admin = await s.staffToken('admin', 'a-enroll');
    const res = await enroll(admin, { name: 'PC-07', serverUrl: s.url });
    expect(res.status).toBe(200);
    const file = KioskEnrollmentSchema.parse(((await res.json()) as { data: unknown }).data);
    expect(file.kioskName).toBe('PC-07');
    expect((await enroll(admin, { name: 'PC-07' })).status).toBe(409);
    const listed = await (
      await fetch(`${s.url}/api/kiosks`, { headers: { authorization: `Bearer ${admin}` } })
    ).text();
    expect(listed).toContain(file.kioskId);
    expect(listed).not.toContain(file.kioskSecret);
    const request = { admissionTicketNumber: c.admissionTicketNumber, examCode: c.examCode };
    const login = await s.post(
      '/api/auth/candidate-login',
      kioskLoginBody(file, request, clock.now()),
    );
    expect(login.status).toBe(200);
    // the proof never contains the secret itself
    expect(JSON.stringify(kioskProof(file, 'candidate-login', [], clock.now()))).not.toContain(
      file.kioskSecret,
    );
  });
});
