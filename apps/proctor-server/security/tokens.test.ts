import { afterEach, describe, expect, it } from 'vitest';
import { TestClock } from '../test/support/clock';
import { kioskProof, unenrolledPrivateKey } from '../test/support/enrolled-kiosk';
import { seedSession } from '../test/support/exam-fixture';
import { okData, START } from '../test/support/running-session';
import { call, startTestServer, type TestClient, type TestServer } from '../test/support/util';

/*
 * A staff token that was logged out, revoked or has expired must not keep working on a socket
 * that is already open; leaving the kiosk must not put a staff session on the candidate's PC.
 */

let server: TestServer | undefined;
afterEach(async () => {
  await server?.closeAll();
  server = undefined;
});

/** Resolves when the server drops the socket, or rejects after `ms`. */
function disconnectedWithin(client: TestClient, ms: number): Promise<void> {
  if (!client.connected) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`still connected after ${ms} ms`)), ms);
    client.once('disconnect', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

async function staffLogin(s: TestServer, username: string): Promise<string> {
  const res = await s.post('/api/auth/staff-login', {
    username,
    password: `密码-${username}-long-enough`,
  });
  return (res.body.data as { token: string }).token;
}

describe('tokens that really die', () => {
  it('logout disconnects every other socket opened with the same token', async () => {
    server = await startTestServer();
    await server.staffToken('proctor', 'sun');
    const token = await staffLogin(server, 'sun');
    const first = await server.createClient(token);
    const second = await server.createClient(token);
    okData(await call(first, 'auth:logout', {}));
    await disconnectedWithin(second, 1000);
  });

  it('an expired staff token disconnects its socket within a second', async () => {
    const clock = new TestClock();
    server = await startTestServer({ now: clock.now, settings: { staffTokenTtlMs: 60_000 } });
    const socket = await server.staffClient('admin', 'wu');
    clock.advanceMs(61_000);
    await disconnectedWithin(socket, 1000);
  });

  it('a token revoked elsewhere (another process, an admin) disconnects its socket', async () => {
    server = await startTestServer();
    const socket = await server.staffClient('admin', 'zheng');
    server.components.store.db
      .prepare('UPDATE auth_tokens SET revoked_at = ? WHERE revoked_at IS NULL')
      .run(Date.now());
    await disconnectedWithin(socket, 1000);
  });
});

describe('an admin ending an account', () => {
  async function adminPost(s: TestServer, token: string, path: string, body: unknown) {
    const res = await fetch(`${s.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(body),
    });
    return res.status;
  }

  it('disabling drops the account’s sockets within a second; its login fails like a wrong password', async () => {
    server = await startTestServer();
    const admin = await server.staffToken('admin', 'boss');
    const socket = await server.staffClient('proctor', 'leaver');
    expect(
      await adminPost(server, admin, '/api/staff/disable', { username: 'leaver', reason: '离职' }),
    ).toBe(200);
    await disconnectedWithin(socket, 1000);
    const again = await server.post('/api/auth/staff-login', {
      username: 'leaver',
      password: '密码-leaver-long-enough',
    });
    const unknown = await server.post('/api/auth/staff-login', {
      username: 'nobody-here',
      password: '密码-leaver-long-enough',
    });
    expect([again.status, again.body]).toEqual([unknown.status, unknown.body]);
    // a proctor cannot do it
    const proctor = await server.staffToken('proctor', 'peer');
    expect(await adminPost(server, proctor, '/api/staff/disable', { username: 'boss' })).toBe(403);
  });

  it('a disabled account’s token dies even if nobody revoked it (an edit of the database)', async () => {
    server = await startTestServer();
    const token = await server.staffToken('proctor', 'edited');
    const socket = await server.createClient(token);
    server.components.store.db
      .prepare("UPDATE staff SET disabled_at = 1 WHERE username = 'edited'")
      .run();
    await disconnectedWithin(socket, 1000);
    const setup = await fetch(`${server.url}/api/sessions`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(setup.status).toBe(401);
  });

  it('a new password ends the old logins', async () => {
    server = await startTestServer();
    const admin = await server.staffToken('admin', 'boss');
    const socket = await server.staffClient('proctor', 'forgetful');
    expect(
      await adminPost(server, admin, '/api/staff/password', {
        username: 'forgetful',
        password: 'a-brand-new-password',
      }),
    ).toBe(200);
    await disconnectedWithin(socket, 1000);
    const login = await server.post('/api/auth/staff-login', {
      username: 'forgetful',
      password: 'a-brand-new-password',
    });
    expect(login.status).toBe(200);
  });
});

describe('the kiosk exit grant', () => {
  async function kioskWithCandidate() {
    const clock = new TestClock(START - 5 * 60_000);
    const s = await startTestServer({ now: clock.now });
    server = s;
    const seeded = seedSession(s.components.store, {
      count: 1,
      scheduledStart: START,
      now: clock.now(),
    });
    const [c] = seeded.candidates;
    const login = await s.candidateClient(c!.admissionTicketNumber, c!.examCode);
    await s.staffToken('proctor', 'feng');
    s.assignProctors(seeded.sessionId, ['feng']);
    await s.staffToken('supervisor', 'chen');
    const ask = (body: unknown, bearer: string | null = login.token) =>
      fetch(`${s.url}/api/kiosk/exit-grant`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(bearer === null ? {} : { authorization: `Bearer ${bearer}` }),
        },
        body: JSON.stringify(body),
      });
    return { clock, s, login, ask };
  }
  const proctor = { username: 'feng', password: '密码-feng-long-enough' };

  it('is single-use, short-lived and never a staff token', async () => {
    const { clock, s, ask } = await kioskWithCandidate();
    const res = await ask(proctor);
    expect(res.status).toBe(200);
    const { data } = (await res.json()) as { data: { grant: string; expiresAt: number } };
    expect(data.expiresAt - s.components.now()).toBeLessThanOrEqual(60_000);
    // not a staff session: neither a socket nor a setup endpoint accepts it
    await expect(s.createClient(data.grant)).rejects.toThrow(/UNAUTHORIZED/);
    const setup = await fetch(`${s.url}/api/sessions`, {
      headers: { authorization: `Bearer ${data.grant}` },
    });
    expect(setup.status).toBe(401);
    const staffTokens = s.components.store.db
      .prepare("SELECT COUNT(*) AS n FROM auth_tokens WHERE kind = 'staff'")
      .get() as { n: number };
    expect(staffTokens.n).toBe(2); // the two staffToken() logins of the setup, nothing more
    expect((await s.post('/api/kiosk/exit', { grant: data.grant })).status).toBe(200);
    expect((await s.post('/api/kiosk/exit', { grant: data.grant })).status).toBe(403);
    // an unspent grant dies after a minute
    const late = ((await (await ask(proctor)).json()) as { data: { grant: string } }).data;
    clock.advanceMs(61_000);
    expect((await s.post('/api/kiosk/exit', { grant: late.grant })).status).toBe(403);
    const audited = s.components.store.db
      .prepare("SELECT action FROM audit_log WHERE action LIKE 'kiosk.exit%' ORDER BY seq")
      .all();
    expect(audited).toEqual([
      { action: 'kiosk.exit-granted' },
      { action: 'kiosk.exit' },
      { action: 'kiosk.exit-granted' },
    ]);
  });

  it('needs a candidate login or an enrolled kiosk, and a proctor or admin', async () => {
    const { ask } = await kioskWithCandidate();
    expect((await ask(proctor, null)).status).toBe(401);
    expect((await ask(proctor, 'made-up-token')).status).toBe(401);
    expect((await ask({ username: 'chen', password: '密码-chen-long-enough' })).status).toBe(403);
    expect((await ask({ username: 'feng', password: 'wrong-password' })).status).toBe(401);
  });

  it('an enrolled kiosk with nobody logged in asks with its proof; a forged proof is refused', async () => {
    const { s, ask } = await kioskWithCandidate();
    const now = s.components.now();
    const signed = kioskProof(s.kiosk, 'exit-grant', ['feng'], now);
    const res = await ask({ ...proctor, kioskProof: signed }, null);
    expect(res.status).toBe(200);
    expect((await ask({ ...proctor, kioskProof: signed }, null)).status).toBe(401); // replayed
    const forged = {
      kioskId: s.kiosk.kioskId,
      kioskPrivateKey: unenrolledPrivateKey(),
    };
    expect(
      (await ask({ ...proctor, kioskProof: kioskProof(forged, 'exit-grant', ['feng'], now) }, null))
        .status,
    ).toBe(401);
    // a proof made for another proctor's name does not carry over
    const other = kioskProof(s.kiosk, 'exit-grant', ['someone-else'], now);
    expect((await ask({ ...proctor, kioskProof: other }, null)).status).toBe(401);
  });

  it('a kiosk whose clock is off is told so, like at login', async () => {
    const { s, ask } = await kioskWithCandidate();
    const stale = kioskProof(s.kiosk, 'exit-grant', ['feng'], s.components.now() - 6 * 60_000);
    const res = await ask({ ...proctor, kioskProof: stale }, null);
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHORIZED', message: expect.stringContaining('时钟') },
    });
  });

  it('revoking the kiosk ends the session running on it and voids its unspent grant', async () => {
    const { s, login, ask } = await kioskWithCandidate();
    const signed = kioskProof(s.kiosk, 'exit-grant', ['feng'], s.components.now());
    const granted = await ask({ ...proctor, kioskProof: signed }, null);
    const { grant } = ((await granted.json()) as { data: { grant: string } }).data;
    const adminToken = await s.staffToken('admin', 'wang');
    const revoked = await fetch(`${s.url}/api/kiosks/revoke`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${adminToken}` },
      body: JSON.stringify({ kioskId: s.kiosk.kioskId, reason: '考试机丢失' }),
    });
    expect(revoked.status).toBe(200);
    // the candidate's socket at that PC drops within a second; its token opens nothing more
    await disconnectedWithin(login.client, 1000);
    await expect(s.createClient(login.token)).rejects.toThrow(/UNAUTHORIZED/);
    expect((await ask(proctor)).status).toBe(401);
    // the grant issued before the revocation cannot be spent
    expect((await s.post('/api/kiosk/exit', { grant })).status).toBe(403);
    const audited = s.components.store.db
      .prepare("SELECT payload_json FROM audit_log WHERE action = 'kiosk.revoke'")
      .all() as { payload_json: string }[];
    expect(audited.map((row) => JSON.parse(row.payload_json) as unknown)).toEqual([
      { kioskId: s.kiosk.kioskId, reason: '考试机丢失', revokedTokens: 1, voidedExitGrants: 1 },
    ]);
  });
});
