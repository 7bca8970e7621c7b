import type { OneTimePassword, StaffAccount } from '@skillexam/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { adminClient } from '../keys/site-admin-client';
import { startTestServer, type TestServer } from '../support/util';

/*
 * 人员 over HTTP on a real server (port 0): the staff list, an account added with a one-time
 * password that logs in, a reset that ends the old password, disable/enable with a reason in the
 * audit log, unlock; the CLI's rules and words; a proctor is refused every admin route.
 */

let server: TestServer | undefined;
afterEach(async () => {
  await server?.closeAll();
  server = undefined;
});

const login = async (s: TestServer, username: string, password: string) =>
  (await s.post('/api/auth/staff-login', { username, password })).status;

const auditPayloads = (s: TestServer, action: string) =>
  (
    s.components.store.db
      .prepare('SELECT payload_json FROM audit_log WHERE action = ? ORDER BY seq')
      .all(action) as { payload_json: string }[]
  ).map((row) => JSON.parse(row.payload_json) as Record<string, unknown>);

describe('staff routes', () => {
  it('adds an account with a one-time password, resets, disables, enables, unlocks', async () => {
    server = await startTestServer();
    const admin = adminClient(server.url, await server.staffToken('admin', 'admin1'));
    const added = await admin.post<OneTimePassword>('/api/staff', {
      username: 'proctor7',
      role: 'proctor',
    });
    expect(added.data).toMatchObject({ username: 'proctor7', role: 'proctor' });
    const first = added.data?.oneTimePassword ?? '';
    expect(first).toMatch(/^[A-Za-z2-9]{14}$/);
    expect(await login(server, 'proctor7', first)).toBe(200);
    // the password is stored only as a hash
    const stored = server.components.store.db
      .prepare('SELECT password_hash FROM staff WHERE username = ?')
      .get('proctor7') as { password_hash: string };
    expect(stored.password_hash).not.toContain(first);

    const dup = await admin.post('/api/staff', { username: 'proctor7', role: 'proctor' });
    expect(dup.error).toEqual({ code: 'CONFLICT', message: '用户 proctor7 已存在 (user exists)' });
    const badRole = await admin.post('/api/staff', { username: 'x1', role: 'root' });
    expect(badRole.error?.message).toBe('角色 "root" 无效，应为 admin、proctor 或 supervisor');
    const badName = await admin.post('/api/staff', { username: '张 三', role: 'proctor' });
    expect(badName.error?.message).toMatch(/^用户名 "张 三" 无效/);

    const reset = await admin.post<OneTimePassword>('/api/staff/reset-password', {
      username: 'proctor7',
      reason: '忘记密码',
    });
    const second = reset.data?.oneTimePassword ?? '';
    expect(second).not.toBe(first);
    expect(await login(server, 'proctor7', first)).toBe(401);
    expect(await login(server, 'proctor7', second)).toBe(200);

    const disabled = await admin.post('/api/staff/disable', {
      username: 'proctor7',
      reason: '借调外校',
    });
    expect(disabled.status).toBe(200);
    expect(auditPayloads(server, 'staff.disable').at(-1)).toMatchObject({ reason: '借调外校' });
    const list = await admin.get<StaffAccount[]>('/api/staff');
    expect(list.data?.find((s) => s.username === 'proctor7')).toMatchObject({
      role: 'proctor',
      disabled: true,
      locked: false,
    });
    expect(JSON.stringify(list.data)).not.toMatch(/argon|hash/i);
    const self = await admin.post('/api/staff/disable', { username: 'admin1', reason: 'x' });
    expect(self.error?.message).toBe('不能停用自己的账号 (you cannot disable your own account)');
    await admin.post('/api/staff/enable', { username: 'proctor7', reason: '已返回' });
    expect(auditPayloads(server, 'staff.enable').at(-1)).toMatchObject({ reason: '已返回' });
    expect(await login(server, 'proctor7', second)).toBe(200);

    const unknown = await admin.post('/api/staff/unlock', { username: 'nobody' });
    expect(unknown.error?.message).toBe('考务人员 nobody 不存在 (unknown staff user)');
    expect((await admin.post('/api/staff/unlock', { username: 'proctor7' })).status).toBe(200);
  });

  it('shows a running login wait as locked', async () => {
    server = await startTestServer();
    const admin = adminClient(server.url, await server.staffToken('admin', 'admin1'));
    await admin.post('/api/staff', { username: 'p2', role: 'proctor' });
    for (let i = 0; i < 6; i += 1) await login(server, 'p2', 'wrong-password-xx');
    const row = (await admin.get<StaffAccount[]>('/api/staff')).data?.find(
      (s) => s.username === 'p2',
    );
    expect(row?.failedAttempts).toBeGreaterThan(0);
    expect(row?.locked).toBe(true);
    await admin.post('/api/staff/unlock', { username: 'p2' });
    const after = (await admin.get<StaffAccount[]>('/api/staff')).data?.find(
      (s) => s.username === 'p2',
    );
    expect(after).toMatchObject({ locked: false, failedAttempts: 0 });
  });

  it('refuses a proctor every staff route', async () => {
    server = await startTestServer();
    const proctor = adminClient(server.url, await server.staffToken('proctor', 'p1'));
    expect((await proctor.get('/api/staff')).status).toBe(403);
    for (const path of ['/api/staff', '/api/staff/reset-password', '/api/staff/disable']) {
      const reply = await proctor.post(path, { username: 'p1', role: 'admin', reason: 'x' });
      expect(reply.status, path).toBe(403);
    }
    expect(auditPayloads(server, 'staff.add')).toHaveLength(1); // p1 itself, by the test
  });
});
