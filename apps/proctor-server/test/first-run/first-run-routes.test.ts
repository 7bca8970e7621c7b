import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore } from '../../src/db/store';
import { FIRST_RUN_FILE_NAME } from '../../src/setup/first-run-file';
import { startTestServer, type TestServer } from '../support/util';

/* The first run on a real server (port 0) with a real data directory (docs/decisions/0970). */

let server: TestServer | undefined;
const roots: string[] = [];
afterEach(async () => {
  await server?.closeAll();
  server = undefined;
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

async function emptySite() {
  const root = mkdtempSync(join(tmpdir(), 'first-run-'));
  roots.push(root);
  const data = join(root, 'data');
  server = await startTestServer({ store: openStore(data) });
  const s = server;
  const status = async () => {
    const res = await fetch(`${s.url}/api/setup/status`);
    return (await res.json()) as { ok: boolean; data: { firstRun: boolean } };
  };
  const audit = () =>
    s.components.store.db
      .prepare('SELECT actor, action, payload_json AS payload FROM audit_log ORDER BY seq')
      .all() as { actor: string; action: string; payload: string }[];
  return { s, data, file: join(data, FIRST_RUN_FILE_NAME), status, audit };
}

const ADMIN = { username: 'kaowu', password: 'correct horse 42' };

describe('first run: the first exam admin from the console', () => {
  it('issues a code only while no enabled admin exists: printed once, hashed in memory, file 0600', async () => {
    const { s, file, status } = await emptySite();
    expect((await status()).data.firstRun).toBe(false); // serve has not asked for a code yet
    const code = s.app.setup.issue();
    expect(code).toMatch(/^[2-9A-HJ-NP-Z]{4}(-[2-9A-HJ-NP-Z]{4}){2}$/);
    expect(await status()).toEqual({ ok: true, data: { firstRun: true } });
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file, 'utf8')).toContain(`设置码 ${code} 创建考务管理员`);
    // a restart makes a new code, and the old one stops working
    const again = s.app.setup.issue();
    expect(again).not.toBe(code);
    expect(readFileSync(file, 'utf8')).toContain(again);
    const old = await s.post('/api/setup/first-admin', { setupCode: code, ...ADMIN });
    expect(old.status).toBe(401);
  });

  it('creates the admin with the CLI rules and messages, audited as setup-code; the code dies', async () => {
    const { s, file, status, audit } = await emptySite();
    const code = s.app.setup.issue() ?? '';
    const short = await s.post('/api/setup/first-admin', {
      ...ADMIN,
      setupCode: code,
      password: 'short',
    });
    expect(short).toMatchObject({
      status: 400,
      body: {
        ok: false,
        error: { code: 'BAD_REQUEST', message: '密码至少 10 个字符 (password too short)' },
      },
    });
    const badName = await s.post('/api/setup/first-admin', {
      ...ADMIN,
      setupCode: code,
      username: 'a b',
    });
    expect(badName.body).toMatchObject({
      error: {
        code: 'BAD_REQUEST',
        message: '用户名 "a b" 无效：2–64 位字母、数字、_ . - (invalid username)',
      },
    });
    expect(await status()).toEqual({ ok: true, data: { firstRun: true } }); // nothing written
    expect(audit().filter((r) => r.action === 'staff.add')).toEqual([]);

    const typed = code.toLowerCase().replaceAll('-', ' ');
    const made = await s.post('/api/setup/first-admin', { ...ADMIN, setupCode: typed });
    expect(made).toEqual({
      status: 200,
      body: { ok: true, data: { username: 'kaowu', role: 'admin' } },
    });
    expect(existsSync(file)).toBe(false);
    expect((await status()).data.firstRun).toBe(false);
    const login = await s.post('/api/auth/staff-login', ADMIN);
    expect(login.body).toMatchObject({ ok: true, data: { role: 'admin', username: 'kaowu' } });
    const records = audit();
    const added = records.find((r) => r.action === 'staff.add');
    expect(added?.actor).toBe('setup-code');
    expect(JSON.parse(added?.payload ?? '{}')).toEqual({ username: 'kaowu', role: 'admin' });
    expect(records.find((r) => r.action === 'setup.first-admin')).toMatchObject({
      actor: 'setup-code',
    });
    expect(JSON.stringify(records)).not.toContain(code);

    // the same code again: an admin exists, nothing changes
    const before = records.length;
    const twice = await s.post('/api/setup/first-admin', {
      ...ADMIN,
      setupCode: code,
      username: 'second',
    });
    expect(twice.body).toMatchObject({
      ok: false,
      error: {
        code: 'CONFLICT',
        message: '考务管理员已存在，请直接登录 (an exam admin exists: log in instead)',
      },
    });
    expect(audit()).toHaveLength(before);
  });

  it('issues nothing once an admin exists and removes a stale code file; a disabled admin does not count', async () => {
    const { s, data, file, status } = await emptySite();
    writeFileSync(file, 'old code\n', { mode: 0o600 });
    await s.staffToken('admin', 'boss');
    expect(s.app.setup.issue()).toBeUndefined();
    expect(existsSync(file)).toBe(false);
    expect((await status()).data.firstRun).toBe(false);
    const refused = await s.post('/api/setup/first-admin', {
      ...ADMIN,
      setupCode: 'AAAA-BBBB-CCCC',
    });
    expect(refused.body).toMatchObject({ error: { code: 'CONFLICT' } });

    s.components.store.db.prepare("UPDATE staff SET disabled_at = 1 WHERE username = 'boss'").run();
    const code = s.app.setup.issue();
    expect(code).toBeDefined();
    expect(readFileSync(join(data, FIRST_RUN_FILE_NAME), 'utf8')).toContain(code);
    // the disabled admin's name is taken: the CLI's message
    const taken = await s.post('/api/setup/first-admin', {
      ...ADMIN,
      setupCode: code,
      username: 'boss',
    });
    expect(taken.body).toMatchObject({
      error: { code: 'CONFLICT', message: '用户 boss 已存在 (user exists)' },
    });
    expect((await s.post('/api/setup/first-admin', { ...ADMIN, setupCode: code })).status).toBe(
      200,
    );
  });

  it('an admin added with the CLI while the server runs ends the first run', async () => {
    const { s, file, status } = await emptySite();
    const code = s.app.setup.issue() ?? '';
    await s.staffToken('admin', 'from-cli');
    expect((await status()).data.firstRun).toBe(false);
    expect(existsSync(file)).toBe(false);
    const late = await s.post('/api/setup/first-admin', { ...ADMIN, setupCode: code });
    expect(late.body).toMatchObject({ error: { code: 'CONFLICT' } });
  });

  it('refuses a malformed body with the field named', async () => {
    const { s } = await emptySite();
    s.app.setup.issue();
    const res = await s.post('/api/setup/first-admin', {
      username: 'kaowu',
      password: 'x'.repeat(12),
    });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ error: { code: 'BAD_REQUEST' } });
    expect(JSON.stringify(res.body)).toContain('setupCode');
  });
});
