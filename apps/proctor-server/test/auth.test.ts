import { afterEach, describe, expect, it } from 'vitest';
import { ARGON2_OPTIONS } from '../src/auth/password-hasher';
import { SOCKET_ROLES } from '../src/auth/roles';
import { socketContract } from '@skillexam/shared';
import { TestClock } from './support/clock';
import { seedSession } from './support/exam-fixture';
import { okData, runningSession, START, type RunningSession } from './support/running-session';
import { call, startTestServer, type TestServer } from './support/util';

let server: TestServer | undefined;
let running: RunningSession | undefined;
afterEach(async () => {
  await server?.closeAll();
  await running?.server.closeAll();
  server = undefined;
  running = undefined;
});

describe('staff authentication', () => {
  it('hashes with argon2id at or above the OWASP minimum and stores no plain password', async () => {
    expect(ARGON2_OPTIONS.memoryCost).toBeGreaterThanOrEqual(19_456);
    expect(ARGON2_OPTIONS.timeCost).toBeGreaterThanOrEqual(2);
    expect(ARGON2_OPTIONS.parallelism).toBe(1);
    server = await startTestServer();
    await server.staffClient('admin', 'zhang');
    const row = server.components.store.db
      .prepare("SELECT password_hash FROM staff WHERE username = 'zhang'")
      .get() as { password_hash: string };
    expect(row.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,p=1,t=2\$/);
    expect(row.password_hash).not.toContain('zhang-long-enough');
  });

  it('makes the failing address wait for the account, even for the right password, briefly', async () => {
    const clock = new TestClock();
    server = await startTestServer({
      now: clock.now,
      settings: { loginBackoffFreeFailures: 2, loginBackoffBaseMs: 10_000 },
    });
    await server.staffClient('proctor', 'li');
    for (let i = 0; i < 3; i++) {
      const bad = await server.post('/api/auth/staff-login', {
        username: 'li',
        password: 'wrong-password',
      });
      expect(bad.status).toBe(401);
    }
    const locked = await server.post('/api/auth/staff-login', {
      username: 'li',
      password: '密码-li-long-enough',
    });
    expect(locked.status).toBe(429);
    expect(JSON.stringify(locked.body)).toContain('登录尝试过于频繁');
    clock.current += 11_000;
    expect(
      (
        await server.post('/api/auth/staff-login', {
          username: 'li',
          password: '密码-li-long-enough',
        })
      ).status,
    ).toBe(200);
    expect(
      (await server.post('/api/auth/staff-login', { username: 'nobody', password: 'x' })).status,
    ).toBe(401);
  });

  it('limits failed logins per client IP', async () => {
    server = await startTestServer({ settings: { loginFailuresPerIp: 3 } });
    const codes = [];
    for (let i = 0; i < 4; i++)
      codes.push(
        (await server.post('/api/auth/staff-login', { username: `u${i}`, password: 'x' })).status,
      );
    expect(codes).toEqual([401, 401, 401, 429]);
  });

  it('refuses sockets with unknown, revoked (logged out) or expired tokens', async () => {
    const clock = new TestClock();
    server = await startTestServer({ now: clock.now, settings: { staffTokenTtlMs: 60_000 } });
    await expect(server.createClient('not-a-token')).rejects.toThrow(/UNAUTHORIZED/);
    await server.staffClient('admin', 'wang');
    const login = await server.post('/api/auth/staff-login', {
      username: 'wang',
      password: '密码-wang-long-enough',
    });
    const { token } = login.body.data as { token: string };
    const socket = await server.createClient(token);
    okData(await call(socket, 'auth:logout', {}));
    await expect(server.createClient(token)).rejects.toThrow(/UNAUTHORIZED/); // replay after logout
    const second = (
      await server.post('/api/auth/staff-login', {
        username: 'wang',
        password: '密码-wang-long-enough',
      })
    ).body.data as { token: string };
    const live = await server.createClient(second.token);
    clock.advanceMinutes(2);
    expect(await call(live, 'monitor:snapshot', { sessionId: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHORIZED' },
    });
    await expect(server.createClient(second.token)).rejects.toThrow(/UNAUTHORIZED/);
  });
});

describe('roles', () => {
  it('every event has an entry in the role table', () => {
    expect(Object.keys(SOCKET_ROLES).sort()).toEqual(Object.keys(socketContract).sort());
  });

  it('a supervisor sees everything but cannot change anything; anonymous sockets only ping', async () => {
    running = await runningSession(1);
    const supervisor = await running.server.staffClient('supervisor');
    const { sessionId } = running.seeded;
    const attemptId = running.candidates[0]!.attemptId;
    expect(okData(await call(supervisor, 'monitor:snapshot', { sessionId })).attempts).toHaveLength(
      1,
    );
    const writes = [
      call(supervisor, 'session:pause', { sessionId, reason: '停电' }),
      call(supervisor, 'proctor:extend', { attemptId, minutes: 5, reason: '故障' }),
      call(supervisor, 'proctor:void', { attemptId, reason: '作弊' }),
      call(supervisor, 'proctor:admit', { sessionId }),
      call(supervisor, 'answer:save', {
        attemptId,
        seq: 1,
        itemId: 'tf1',
        value: null,
        clientTime: new Date().toISOString(),
      }),
    ];
    for (const ack of await Promise.all(writes))
      expect(ack).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const anonymous = await running.server.createClient();
    expect(okData(await call(anonymous, 'system:ping', { sentAt: 1 })).serverVersion).toBe('test');
    expect(await call(anonymous, 'attempt:state', {})).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(okData(await call(running.candidates[0]!.client, 'attempt:state', {})).status).toBe(
      'in_progress',
    );
  });
});

describe('candidate login', () => {
  it('backs off the failing address after wrong exam codes until a proctor unlocks; a new login revokes the old token', async () => {
    const clock = new TestClock(START - 5 * 60_000);
    server = await startTestServer({ now: clock.now, settings: { loginBackoffFreeFailures: 2 } });
    const seeded = seedSession(server.components.store, {
      count: 1,
      scheduledStart: START,
      now: clock.now(),
    });
    const c = seeded.candidates[0]!;
    for (let i = 0; i < 3; i++) {
      const bad = await server.post(
        '/api/auth/candidate-login',
        server.kioskLogin(c.admissionTicketNumber, 'WRONG123'),
      );
      expect(bad.status).toBe(401);
    }
    const locked = await server.post(
      '/api/auth/candidate-login',
      server.kioskLogin(c.admissionTicketNumber, c.examCode),
    );
    expect(locked.status).toBe(429);
    const proctor = await server.staffClient('proctor', 'proctor1');
    server.assignProctors(seeded.sessionId, ['proctor1']);
    okData(await call(proctor, 'proctor:unlock', { attemptId: c.attemptId }));
    const first = await server.candidateClient(c.admissionTicketNumber, c.examCode);
    // the web shell is refused for a secure exam
    expect(
      (
        await server.post('/api/auth/candidate-login', {
          admissionTicketNumber: c.admissionTicketNumber,
          examCode: c.examCode,
          clientKind: 'web',
        })
      ).status,
    ).toBe(403);
    await server.candidateClient(c.admissionTicketNumber, c.examCode);
    await expect(server.createClient(first.token)).rejects.toThrow(/UNAUTHORIZED/);
  });
});
