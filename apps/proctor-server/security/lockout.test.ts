import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../src/settings';
import { TestClock } from '../test/support/clock';
import { seedSession } from '../test/support/exam-fixture';
import { okData, START } from '../test/support/running-session';
import { call, startTestServer, type TestServer } from '../test/support/util';
import { postFrom } from './support/post-from';

/*
 * A person with a laptop on the exam-room LAN tries to keep candidates and staff out by typing
 * wrong codes and passwords, and to learn which tickets and usernames exist from the replies.
 * The laptop is 127.0.0.2, the real user's PC 127.0.0.3 (the server sees the socket's address).
 */
const LAPTOP = '127.0.0.2';
const REAL_PC = '127.0.0.3';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.closeAll();
  server = undefined;
});

async function seeded(count = 1) {
  const clock = new TestClock(START - 5 * 60_000);
  server = await startTestServer({ now: clock.now });
  const seed = seedSession(server.components.store, {
    count,
    scheduledStart: START,
    now: clock.now(),
  });
  return { clock, server, seed };
}

/** The attacker's script: no kiosk, just HTTP. */
function wrongCode(s: TestServer, ticket: string) {
  return s.post('/api/auth/candidate-login', {
    admissionTicketNumber: ticket,
    examCode: 'WRONG999',
    clientKind: 'web',
  });
}

/** The guesser's script from its laptop: no kiosk, just HTTP. */
function wrongCodeFrom(s: TestServer, ticket: string) {
  return postFrom(LAPTOP, `${s.url}/api/auth/candidate-login`, {
    admissionTicketNumber: ticket,
    examCode: 'WRONG999',
    clientKind: 'web',
  });
}

/**
 * The reviewer's attack: wrong codes until the wait reaches the cap, then a request every few
 * milliseconds so that the first one after each wait is a new failure. Returns the statuses.
 */
async function hammer(
  clock: TestClock,
  send: () => Promise<{ status: number }>,
  rounds: number,
): Promise<number[]> {
  const statuses = [];
  for (let round = 0; round < rounds; round++) {
    for (let i = 0; i < 3; i++) statuses.push((await send()).status);
    clock.advanceMs(DEFAULT_SETTINGS.loginBackoffCapMs + 1);
  }
  statuses.push((await send()).status); // a new failure right as the wait ends
  for (let i = 0; i < 3; i++) statuses.push((await send()).status);
  return statuses;
}

describe('a guesser cannot hold an account (the wait is per account and address)', () => {
  it('hammering a ticket from one laptop leaves the real candidate free to log in at once', async () => {
    const { clock, server: s, seed } = await seeded();
    const c = seed.candidates[0]!;
    const statuses = await hammer(clock, () => wrongCodeFrom(s, c.admissionTicketNumber), 6);
    expect(statuses.slice(0, 4)).toEqual([401, 401, 401, 401]);
    expect(statuses.at(-4)).toBe(401);
    expect(statuses.slice(-3)).toEqual([429, 429, 429]); // the guesser itself waits
    const login = await postFrom(
      REAL_PC,
      `${s.url}/api/auth/candidate-login`,
      s.kioskLogin(c.admissionTicketNumber, c.examCode),
    );
    expect(login.status).toBe(200);
    // the failures are still counted and audited with the guesser's address, for the console
    const audited = s.components.store.db
      .prepare("SELECT payload_json FROM audit_log WHERE action = 'candidate.login-failed'")
      .all() as { payload_json: string }[];
    expect(audited.length).toBe(statuses.filter((x) => x === 401).length);
    expect(audited.every((row) => row.payload_json.includes(LAPTOP))).toBe(true);
  });

  it('hammering during the wait is punished: the laptop runs out of its failure budget', async () => {
    const { server: s, seed } = await seeded(2);
    const [target, other] = seed.candidates;
    const statuses = [];
    for (let i = 0; i < DEFAULT_SETTINGS.loginFailuresPerIp; i++)
      statuses.push((await wrongCodeFrom(s, target!.admissionTicketNumber)).status);
    expect(statuses.filter((x) => x === 401)).toHaveLength(4);
    // every refused request counted against the laptop: a ticket it never tried is refused too
    expect((await wrongCodeFrom(s, other!.admissionTicketNumber)).status).toBe(429);
    // and the real candidates, at their own PCs, are untouched
    for (const c of [target!, other!]) {
      const login = await postFrom(
        REAL_PC,
        `${s.url}/api/auth/candidate-login`,
        s.kioskLogin(c.admissionTicketNumber, c.examCode),
      );
      expect(login.status).toBe(200);
    }
  });

  it('hammering the admin from one laptop leaves the real admin free to log in at once', async () => {
    const clock = new TestClock(START);
    server = await startTestServer({ now: clock.now });
    const s = server;
    await s.staffToken('admin', 'qian');
    const login = (from: string, password: string) =>
      postFrom(from, `${s.url}/api/auth/staff-login`, { username: 'qian', password });
    const statuses = await hammer(clock, () => login(LAPTOP, 'guess-guess'), 6);
    expect(statuses.slice(-3)).toEqual([429, 429, 429]);
    // the account's count shows the attack (for the admin), but holds no one back
    const row = s.components.store.db
      .prepare("SELECT failed_attempts FROM staff WHERE username = 'qian'")
      .get() as { failed_attempts: number };
    expect(row.failed_attempts).toBe(statuses.filter((x) => x === 401).length);
    expect((await login(REAL_PC, '密码-qian-long-enough')).status).toBe(200);
  });
});

describe('no lockout denial of service', () => {
  it('wrong exam codes delay the guessing address by at most the cap, again and again', async () => {
    const { clock, server: s, seed } = await seeded();
    const c = seed.candidates[0]!;
    for (let i = 0; i < 12; i++) await wrongCode(s, c.admissionTicketNumber);
    const refused = await s.post('/api/auth/candidate-login', {
      admissionTicketNumber: c.admissionTicketNumber,
      examCode: c.examCode,
      clientKind: 'web',
    });
    expect(refused.status).toBe(429);
    clock.advanceMs(DEFAULT_SETTINGS.loginBackoffCapMs + 1);
    // one more wrong code after the wait: still only a short wait, never a lock
    await wrongCode(s, c.admissionTicketNumber);
    clock.advanceMs(DEFAULT_SETTINGS.loginBackoffCapMs + 1);
    const login = await s.candidateClient(c.admissionTicketNumber, c.examCode);
    expect(login.attemptId).toBe(c.attemptId);
  });

  it('a proctor clears the wait from the console at once (proctor:unlock)', async () => {
    const { server: s, seed } = await seeded();
    const c = seed.candidates[0]!;
    for (let i = 0; i < 8; i++) await wrongCode(s, c.admissionTicketNumber);
    const proctor = await s.staffClient('proctor', 'proctor1');
    s.assignProctors(seed.sessionId, ['proctor1']);
    const snapshot = okData(await call(proctor, 'monitor:snapshot', { sessionId: seed.sessionId }));
    expect(snapshot.attempts[0]?.lockedUntil).toBeGreaterThan(s.components.now());
    okData(await call(proctor, 'proctor:unlock', { attemptId: c.attemptId }));
    expect((await s.candidateClient(c.admissionTicketNumber, c.examCode)).attemptId).toBe(
      c.attemptId,
    );
  });

  it('replies the same for a ticket that exists and one that does not', async () => {
    const { server: s, seed } = await seeded();
    const real = [];
    const fake = [];
    for (let i = 0; i < 7; i++) {
      const a = await wrongCode(s, seed.candidates[0]!.admissionTicketNumber);
      const b = await wrongCode(s, 'NO-SUCH-TICKET');
      real.push([a.status, a.body]);
      fake.push([b.status, b.body]);
    }
    expect(real).toEqual(fake);
    expect(real.at(-1)?.[0]).toBe(429);
    expect(JSON.stringify(real)).not.toMatch(/锁定|locked/);
  });

  it('replies the same for a username that exists and one that does not', async () => {
    server = await startTestServer();
    await server.staffToken('proctor', 'zhou');
    const real = [];
    const fake = [];
    for (let i = 0; i < 6; i++) {
      const a = await server.post('/api/auth/staff-login', { username: 'zhou', password: 'bad' });
      const b = await server.post('/api/auth/staff-login', { username: 'zhao', password: 'bad' });
      real.push([a.status, a.body]);
      fake.push([b.status, b.body]);
    }
    expect(real).toEqual(fake);
    expect(real.at(-1)?.[0]).toBe(429);
  });

  it('counts parallel wrong passwords atomically, so a parallel guesser is slowed', async () => {
    server = await startTestServer();
    await server.staffToken('admin', 'qian');
    const s = server;
    const replies = await Promise.all(
      Array.from({ length: 10 }, () =>
        s.post('/api/auth/staff-login', { username: 'qian', password: 'guess-guess' }),
      ),
    );
    const verified = replies.filter((r) => r.status === 401).length;
    expect(replies.filter((r) => r.status === 429).length).toBeGreaterThan(0);
    const row = s.components.store.db
      .prepare("SELECT failed_attempts, locked_until FROM staff WHERE username = 'qian'")
      .get() as { failed_attempts: number; locked_until: number | null };
    expect(row.failed_attempts).toBe(verified);
    expect(row.locked_until).toBeGreaterThan(Date.now());
  });

  it('lets 70 honest kiosks behind one address log in within a minute', async () => {
    const { server: s, seed } = await seeded(70);
    for (const c of seed.candidates) {
      const login = await s.candidateClient(c.admissionTicketNumber, c.examCode);
      login.client.disconnect();
    }
  });

  it('stops one address that keeps failing, across any number of tickets', async () => {
    const { server: s } = await seeded();
    const statuses = [];
    for (let i = 0; i < DEFAULT_SETTINGS.loginFailuresPerIp + 1; i++)
      statuses.push((await wrongCode(s, `GUESS-${i}`)).status);
    expect(statuses.at(-2)).toBe(401);
    expect(statuses.at(-1)).toBe(429);
  });
});
