import { afterAll, beforeAll, expect, it } from 'vitest';
import { listAuditRows } from '../../src/audit/audit-repository';
import { verifyAudit } from '../../src/audit/verify-audit';
import { backoffMs } from '../../src/auth/login-backoff';
import { addStaff, setDisabled } from '../../src/auth/staff-admin';
import { countActiveAdmins } from '../../src/auth/staff-repository';
import { describeStores, testContext } from '../support/center-db';
import { startTestCenter, TEST_PASSWORD, type TestCenter } from '../support/center-server';

it('lets three failures pass, then doubles the wait up to five minutes', () => {
  expect([1, 2, 3, 4, 5, 6].map((n) => backoffMs(n))).toEqual([0, 0, 0, 2000, 4000, 8000]);
  expect(backoffMs(40)).toBe(300_000);
});

describeStores('staff login', (getDb) => {
  let centre: TestCenter;
  beforeAll(async () => {
    centre = await startTestCenter(getDb());
  });
  afterAll(() => centre.close());

  it('signs in, tells who is signed in, and signs out for good', async () => {
    const admin = await centre.signIn('centre_admin');
    const me = await centre.call('GET', '/api/auth/me', { token: admin.token });
    expect(me.json).toMatchObject({
      ok: true,
      data: {
        username: admin.username,
        role: 'centre_admin',
        organisationId: null,
        mustChangePassword: false,
      },
    });
    expect(JSON.stringify(me.json)).not.toMatch(/argon2|password_hash/);
    const out = await centre.call('POST', '/api/auth/logout', { token: admin.token });
    expect(out.status).toBe(200);
    expect((await centre.call('GET', '/api/auth/me', { token: admin.token })).status).toBe(401);
    const tokens = await getDb().query<{ token_hash: string }>(
      'SELECT token_hash FROM staff_tokens WHERE staff_id = $1',
      [admin.staffId],
    );
    expect(tokens).toHaveLength(1);
    expect(tokens[0]!.token_hash).not.toBe(admin.token);
    const actions = (await listAuditRows(getDb(), { subject: admin.staffId, limit: 10 })).map(
      (r) => r.action,
    );
    expect(actions).toEqual(['auth.logout', 'auth.login', 'staff.add']);
  });

  it('answers a wrong password, an unknown name and a disabled account alike', async () => {
    const user = await centre.signIn('supervisor');
    const gone = await centre.signIn('supervisor');
    await setDisabled(testContext(getDb()), { username: 'cli' }, gone.staffId, true);
    const replies = [
      await centre.call('POST', '/api/auth/login', {
        body: { username: gone.username, password: TEST_PASSWORD },
      }),
      await centre.call('POST', '/api/auth/login', {
        body: { username: user.username, password: 'wrong-password' },
      }),
      await centre.call('POST', '/api/auth/login', {
        body: { username: 'nobody-here', password: TEST_PASSWORD },
      }),
    ];
    for (const reply of replies) {
      expect(reply.status).toBe(401);
      expect(reply.json?.error?.message).toBe('用户名或密码错误 (wrong username or password)');
    }
  });

  it('slows a guesser at one address down after three failures, and a success clears it', async () => {
    const user = await centre.signIn('supervisor');
    const guess = () =>
      centre.call('POST', '/api/auth/login', {
        body: { username: user.username, password: 'guess-guess' },
      });
    for (let index = 0; index < 4; index += 1) expect((await guess()).status).toBe(401);
    const blocked = await centre.call('POST', '/api/auth/login', {
      body: { username: user.username.toUpperCase(), password: TEST_PASSWORD },
    });
    expect(blocked.status).toBe(429);
    expect(blocked.json?.error?.code).toBe('RATE_LIMITED');
    const [row] = await getDb().query<{ failures: number; blocked_until: Date }>(
      'SELECT failures, blocked_until FROM login_failures WHERE username = $1',
      [user.username],
    );
    expect(row!.failures).toBe(4);
    // once the wait is over (moved into the past here), the right password gets in and clears it
    await getDb().query("UPDATE login_failures SET blocked_until = now() - interval '1 second'");
    const ok = await centre.call('POST', '/api/auth/login', {
      body: { username: user.username, password: TEST_PASSWORD },
    });
    expect(ok.status).toBe(200);
    expect(
      await getDb().query('SELECT 1 FROM login_failures WHERE username = $1', [user.username]),
    ).toEqual([]);
  });

  it('makes a new account change its one-time password before anything else', async () => {
    const admin = await centre.signIn('centre_admin');
    const added = await centre.call<{ staff: { id: string }; oneTimePassword: string }>(
      'POST',
      '/api/staff',
      {
        token: admin.token,
        body: { username: 'Zhang.San', displayName: '张三', role: 'supervisor' },
      },
    );
    expect(added.status).toBe(201);
    const oneTime = added.json!.data!.oneTimePassword;
    expect(oneTime).toMatch(/^[\w]{4}-[\w]{4}-[\w]{4}-[\w]{4}$/);
    const login = await centre.call<{ token: string; staff: { mustChangePassword: boolean } }>(
      'POST',
      '/api/auth/login',
      {
        body: { username: 'zhang.san', password: oneTime },
      },
    );
    expect(login.json?.data?.staff.mustChangePassword).toBe(true);
    const token = login.json!.data!.token;
    expect((await centre.call('GET', '/api/staff', { token })).status).toBe(403);
    const short = await centre.call('POST', '/api/auth/password', {
      token,
      body: { currentPassword: oneTime, newPassword: 'short' },
    });
    expect(short.status).toBe(400);
    expect(short.json?.error?.message).toMatch(/^newPassword: /);
    const changed = await centre.call('POST', '/api/auth/password', {
      token,
      body: { currentPassword: oneTime, newPassword: 'a much longer secret' },
    });
    expect(changed.status).toBe(200);
    expect((await centre.call('GET', '/api/staff', { token })).status).toBe(200);
    const relogin = await centre.call('POST', '/api/auth/login', {
      body: { username: 'zhang.san', password: oneTime },
    });
    expect(relogin.status).toBe(401);
  });

  it('disables an account: its sessions end and it cannot sign in', async () => {
    const admin = await centre.signIn('centre_admin');
    const victim = await centre.signIn('org_staff');
    const disabled = await centre.call('POST', `/api/staff/${victim.staffId}/disable`, {
      token: admin.token,
    });
    expect(disabled.json).toMatchObject({ ok: true, data: { staff: { disabled: true } } });
    expect((await centre.call('GET', '/api/auth/me', { token: victim.token })).status).toBe(401);
    const login = await centre.call('POST', '/api/auth/login', {
      body: { username: victim.username, password: TEST_PASSWORD },
    });
    expect(login.status).toBe(401);
    const self = await centre.call('POST', `/api/staff/${admin.staffId}/disable`, {
      token: admin.token,
    });
    expect(self.status).toBe(409);
    const missing = await centre.call('POST', '/api/staff/no-such-id/disable', {
      token: admin.token,
    });
    expect(missing.status).toBe(404);
  });

  it('binds org_staff to an existing organisation and nobody else to one', async () => {
    const admin = await centre.signIn('centre_admin');
    const add = (body: Record<string, unknown>) =>
      centre.call('POST', '/api/staff', { token: admin.token, body });
    const orphan = await add({ username: 'orphan1', displayName: '甲', role: 'org_staff' });
    expect(orphan.json?.error?.message).toMatch(/^organisationId: /);
    const ghost = await add({
      username: 'ghost1',
      displayName: '乙',
      role: 'org_staff',
      organisationId: 'nope',
    });
    expect(ghost.json?.error?.message).toMatch(/不存在/);
    const organisationId = await centre.addOrganisation();
    const wrongRole = await add({
      username: 'sup1',
      displayName: '丙',
      role: 'supervisor',
      organisationId,
    });
    expect(wrongRole.status).toBe(400);
    const ok = await add({
      username: 'org1',
      displayName: '丁',
      role: 'org_staff',
      organisationId,
    });
    expect(ok.status).toBe(201);
    expect((await add({ username: 'ORG1', displayName: '戊', role: 'supervisor' })).status).toBe(
      409,
    );
  });

  it('adds and lists organisations; org staff see only their own', async () => {
    const admin = await centre.signIn('centre_admin');
    const created = await centre.call<{ organisation: { id: string } }>(
      'POST',
      '/api/organisations',
      {
        token: admin.token,
        body: {
          kind: 'Y',
          code: '0123',
          province: '11',
          name: '北京某评价机构',
          filedAt: '2025-01-02T03:04:05Z',
        },
      },
    );
    expect(created.status).toBe(201);
    const id = created.json!.data!.organisation.id;
    const bad = await centre.call('POST', '/api/organisations', {
      token: admin.token,
      body: { kind: 'X', code: '12', province: '11', name: '坏' },
    });
    expect(bad.json?.error?.message).toMatch(/kind: .*code: /);
    const dup = await centre.call('POST', '/api/organisations', {
      token: admin.token,
      body: { kind: 'Y', code: '0124', province: '11', name: '北京某评价机构' },
    });
    expect(dup.status).toBe(409);
    const member = await centre.signIn('org_staff', { organisationId: id });
    const mine = await centre.call<{ organisations: { id: string }[] }>(
      'GET',
      '/api/organisations',
      { token: member.token },
    );
    expect(mine.json?.data?.organisations.map((o) => o.id)).toEqual([id]);
    const all = await centre.call<{ organisations: { id: string }[] }>(
      'GET',
      '/api/organisations',
      { token: admin.token },
    );
    expect(all.json!.data!.organisations.length).toBeGreaterThan(1);
  });

  it('keeps the last centre admin enabled', async () => {
    const ctx = testContext(getDb());
    const rows = await getDb().query<{ id: string }>(
      "SELECT id FROM staff WHERE role = 'centre_admin' AND NOT disabled ORDER BY username",
    );
    const admin = await centre.signIn('centre_admin');
    for (const row of rows) {
      await centre.call('POST', `/api/staff/${row.id}/disable`, { token: admin.token });
    }
    expect(await countActiveAdmins(getDb())).toBe(1);
    // the command line acts as nobody in particular: only the last-admin rule stops it
    await expect(setDisabled(ctx, { username: 'cli' }, admin.staffId, true)).rejects.toThrow(
      /最后一个/,
    );
    await addStaff(
      ctx,
      { username: 'test' },
      { username: 'spare-admin', displayName: '备用', role: 'centre_admin' },
    );
    await setDisabled(ctx, { username: 'cli' }, admin.staffId, true);
  });

  it('audited every write in a chain that verifies', async () => {
    const verification = await verifyAudit(getDb());
    expect(verification.ok).toBe(true);
    const admin = await centre.signIn('centre_admin');
    const reply = await centre.call<{ ok: boolean; records: number }>('GET', '/api/audit/verify', {
      token: admin.token,
    });
    expect(reply.json?.data?.ok).toBe(true);
    const listed = await centre.call<{ records: { action: string }[] }>(
      'GET',
      '/api/audit?action=organisation.add&limit=5',
      {
        token: admin.token,
      },
    );
    expect(listed.json?.data?.records.every((r) => r.action === 'organisation.add')).toBe(true);
    const badLimit = await centre.call('GET', '/api/audit?limit=0', { token: admin.token });
    expect(badLimit.json?.error?.message).toMatch(/^limit: /);
  });
});
