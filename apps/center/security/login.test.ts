import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeStores } from '../test/support/center-db';
import { startTestCenter, TEST_PASSWORD, type TestCenter } from '../test/support/center-server';
import { callFrom, ok } from './support/world';

/*
 * Password guessing and stolen tokens (docs/decisions/1003-center-token-auth.md): failures per
 * (username, address) buy a doubling wait in which even the right password is refused; the real
 * user at another address is not slowed; unknown, disabled and wrong answers look the same; a
 * token dies with logout, disabling and a reset, and stays dead when the account is enabled again.
 * The server's clock is the test's, so waits are stepped, not slept.
 */

describeStores('login attacks', (getDb) => {
  let centre: TestCenter;
  let clock = Date.parse('2026-06-01T02:00:00Z');

  beforeAll(async () => {
    centre = await startTestCenter(getDb(), { now: () => new Date(clock) });
  });
  afterAll(() => centre.close());

  const loginFrom = (address: string, username: string, password: string) =>
    callFrom(centre.url, address, 'POST', '/api/auth/login', {
      type: 'application/json',
      bytes: JSON.stringify({ username, password }),
    });

  it('guessing buys a doubling wait; the right password is refused during it; other addresses are not slowed', async () => {
    const victim = await centre.signIn('centre_admin');
    const laptop = '127.0.0.2';
    for (let i = 0; i < 3; i += 1) {
      expect((await loginFrom(laptop, victim.username, `guess-${String(i)}`)).status).toBe(401);
    }
    // the 4th failure starts the wait: 2 s, then 4 s, 8 s …
    let wait = 2_000;
    for (let round = 0; round < 4; round += 1) {
      expect((await loginFrom(laptop, victim.username, `guess-x${String(round)}`)).status).toBe(
        401,
      );
      const blocked = await loginFrom(laptop, victim.username, TEST_PASSWORD);
      expect([blocked.status, JSON.parse(blocked.body).error.code]).toEqual([429, 'RATE_LIMITED']);
      clock += wait - 1;
      expect((await loginFrom(laptop, victim.username, TEST_PASSWORD)).status).toBe(429);
      // meanwhile the real user at their own desk signs in at once
      expect((await loginFrom('127.0.0.3', victim.username, TEST_PASSWORD)).status).toBe(200);
      clock += 2;
      wait *= 2;
    }
    // after the wait the laptop is heard again (and a success clears the count)
    expect((await loginFrom(laptop, victim.username, TEST_PASSWORD)).status).toBe(200);
    expect((await loginFrom(laptop, victim.username, 'wrong-again')).status).toBe(401);
  });

  it('unknown user, disabled account and wrong password get the same reply, byte for byte', async () => {
    const admin = await centre.signIn('centre_admin');
    const disabled = await centre.signIn('supervisor');
    ok(
      await centre.call('POST', `/api/staff/${disabled.staffId}/disable`, { token: admin.token }),
      'disable',
    );
    const replies = await Promise.all([
      loginFrom('127.0.0.4', 'nobody-here', TEST_PASSWORD),
      loginFrom('127.0.0.5', disabled.username, TEST_PASSWORD),
      loginFrom('127.0.0.6', admin.username, 'not-the-password'),
    ]);
    expect(new Set(replies.map((r) => `${String(r.status)} ${r.body}`)).size).toBe(1);
    expect(replies[0]?.status).toBe(401);
  });

  it('a token dies with logout, with disabling (and stays dead when enabled again), with a reset', async () => {
    const admin = await centre.signIn('centre_admin');
    const me = (token: string) => centre.call('GET', '/api/auth/me', { token });

    const leaver = await centre.signIn('org_staff');
    ok(await centre.call('POST', '/api/auth/logout', { token: leaver.token }), 'logout');
    expect((await me(leaver.token)).status).toBe(401);
    expect((await centre.call('POST', '/api/auth/logout', { token: leaver.token })).status).toBe(
      401,
    );

    const fired = await centre.signIn('org_staff');
    const other = ok(
      await centre.call<{ token: string }>('POST', '/api/auth/login', {
        body: { username: fired.username, password: TEST_PASSWORD },
      }),
      'second session',
    );
    ok(
      await centre.call('POST', `/api/staff/${fired.staffId}/disable`, { token: admin.token }),
      'disable',
    );
    expect((await me(fired.token)).status).toBe(401);
    expect((await me(other.token)).status).toBe(401);
    ok(
      await centre.call('POST', `/api/staff/${fired.staffId}/enable`, { token: admin.token }),
      'enable',
    );
    expect((await me(fired.token)).status).toBe(401);

    const reset = await centre.signIn('supervisor');
    ok(
      await centre.call('POST', `/api/staff/${reset.staffId}/reset-password`, {
        token: admin.token,
      }),
      'reset',
    );
    expect((await me(reset.token)).status).toBe(401);
  });

  it('a token expires', async () => {
    const caller = await centre.signIn('supervisor');
    expect((await centre.call('GET', '/api/auth/me', { token: caller.token })).status).toBe(200);
    clock += 30 * 24 * 3600_000;
    expect((await centre.call('GET', '/api/auth/me', { token: caller.token })).status).toBe(401);
  });

  // Password spraying (decision 1065): failures are also counted per address across usernames,
  // so one address trying a common password on many accounts waits; the wait is the address's,
  // the accounts it tried stay open to their owners elsewhere.
  it('one address spraying a password over many usernames is slowed', async () => {
    const sprayer = '127.0.0.7';
    const statuses: number[] = [];
    for (let i = 0; i < 25; i += 1) {
      statuses.push((await loginFrom(sprayer, `staff-${String(i)}`, 'Password123!')).status);
    }
    expect(statuses).toContain(429);
    const owner = await centre.signIn('org_staff');
    expect((await loginFrom(sprayer, owner.username, TEST_PASSWORD)).status).toBe(429);
    expect((await loginFrom('127.0.0.8', owner.username, TEST_PASSWORD)).status).toBe(200);
  });

  // A stolen token must not become a way to guess the account's password without the login's
  // backoff (decision 1066): wrong current passwords on POST /api/auth/password are counted and
  // waited for exactly like failed logins.
  it('wrong current passwords on the password change are throttled like logins', async () => {
    const caller = await centre.signIn('org_staff');
    const statuses: number[] = [];
    for (let i = 0; i < 6; i += 1) {
      const reply = await centre.call('POST', '/api/auth/password', {
        token: caller.token,
        body: { currentPassword: `guess-${String(i)}`, newPassword: 'Another-Long-Pass-1' },
      });
      statuses.push(reply.status);
    }
    expect(statuses.at(-1)).toBe(429);
  });
});
