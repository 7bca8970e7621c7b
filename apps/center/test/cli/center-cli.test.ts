import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createInterface } from 'node:readline';
import { afterAll, describe, expect, it } from 'vitest';
import { openTestStore, testStoreKinds, type TestStore } from '../support/center-db';

/* The `center` command as an operator runs it: the bin (the bundle the test setup builds). */

const BIN = fileURLToPath(new URL('../../bin/center.js', import.meta.url));
const TIMEOUT = 120_000;

interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

function center(
  args: readonly string[],
  env: Record<string, string | undefined> = {},
): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      env: { ...process.env, DATABASE_URL: '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('error', reject);
    child.once('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('center command (embedded store)', { timeout: TIMEOUT }, () => {
  const data = mkdtempSync(join(tmpdir(), 'center-cli-'));
  dirs.push(data);

  it('prints its commands', async () => {
    const help = await center(['--help']);
    expect(help.code).toBe(0);
    for (const name of ['serve', 'migrate', 'staff', 'organisation', 'audit'])
      expect(help.stdout).toContain(name);
  });

  it('migrates, adds an organisation and its staff, and verifies the audit chain', async () => {
    const migrated = await center(['migrate', '--data', data, '--json']);
    expect(migrated.code).toBe(0);
    expect(JSON.parse(migrated.stdout).applied).toContain(10);
    const org = await center([
      'organisation',
      'add',
      '--data',
      data,
      '--json',
      '--name',
      '广东某评价机构',
      '--kind',
      'S',
      '--code',
      '0000',
      '--province',
      '44',
    ]);
    expect(org.code).toBe(0);
    const { id } = JSON.parse(org.stdout) as { id: string };
    const staff = await center([
      'staff',
      'add',
      'Li.Si',
      '--role',
      'org_staff',
      '--organisation',
      id,
      '--name',
      '李四',
      '--data',
      data,
      '--json',
    ]);
    expect(staff.code).toBe(0);
    const added = JSON.parse(staff.stdout) as {
      staff: { username: string; organisationId: string };
      oneTimePassword: string;
    };
    expect(added.staff).toMatchObject({ username: 'li.si', organisationId: id });
    expect(added.oneTimePassword).toMatch(/^\S{4}-\S{4}-\S{4}-\S{4}$/);
    const verified = await center(['audit', 'verify', '--data', data, '--json']);
    expect(JSON.parse(verified.stdout)).toMatchObject({ ok: true, records: 2 });
  });

  it('prints the head as an anchor and verifies against anchors given and filed', async () => {
    const head = await center(['audit', 'head', '--data', data]);
    expect(head.code).toBe(0);
    const anchor = head.stdout.split(' ')[0] ?? '';
    expect(anchor).toMatch(/^2:[0-9a-f]{64}$/);
    const file = join(data, 'anchors.txt');
    writeFileSync(file, `// 督导记录\n${anchor}  // 2026-12-06\n`);
    const both = await center([
      'audit',
      'verify',
      '--data',
      data,
      '--anchor',
      anchor,
      '--anchors',
      file,
    ]);
    expect(both.code).toBe(0);
    expect(both.stdout).toMatch(/审计链完整 .*核对外部锚点 2 个/);
    const wrong = await center([
      'audit',
      'verify',
      '--data',
      data,
      '--anchor',
      `2:${'0'.repeat(64)}`,
    ]);
    expect(wrong.code).toBe(1);
    expect(wrong.stdout).toMatch(/at 2: 审计链与外部锚点 #2 不符/);
    writeFileSync(file, `${anchor}\n2:zz\n`);
    const bad = await center(['audit', 'verify', '--data', data, '--anchors', file]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain(`${file} 第 2 行: 锚点应写作`);
  });

  it('refuses bad input with exit 2 and a message naming the field', async () => {
    const role = await center(['staff', 'add', 'wang', '--role', 'boss', '--data', data]);
    expect(role.code).toBe(2);
    expect(role.stderr).toMatch(/^错误: role: /);
    const orgless = await center(['staff', 'add', 'wang', '--role', 'org_staff', '--data', data]);
    expect(orgless.code).toBe(2);
    expect(orgless.stderr).toMatch(/organisationId/);
  });

  it('serves on a free port, refuses a second process on its store, and stops cleanly', async () => {
    const child = spawn(
      process.execPath,
      [BIN, 'serve', '--data', data, '--port', '0', '--host', '127.0.0.1'],
      {
        env: { ...process.env, DATABASE_URL: '' },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    try {
      const url = await new Promise<string>((resolve, reject) => {
        child.once('exit', (code) => reject(new Error(`serve exited ${String(code)}`)));
        createInterface({ input: child.stdout }).on('line', (line) => {
          if (line.startsWith('{"event":"listening"'))
            resolve((JSON.parse(line) as { url: string }).url);
        });
      });
      const health = (await (await fetch(`${url}/api/health`)).json()) as unknown;
      expect(health).toEqual({ ok: true, data: { status: 'ok', store: 'pglite' } });
      const second = await center(['staff', 'list', '--data', data]);
      expect(second.code).toBe(1);
      expect(second.stderr).toMatch(/正被进程/);
    } finally {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    const after = await center(['staff', 'list', '--data', data, '--json']);
    expect(after.code).toBe(0);
    expect((JSON.parse(after.stdout) as unknown[]).length).toBe(1);
  });
});

if (testStoreKinds().includes('postgres')) {
  describe('center command (DATABASE_URL)', { timeout: TIMEOUT }, () => {
    let store: TestStore | undefined;
    afterAll(() => store?.dispose());

    it('uses the PostgreSQL server named by DATABASE_URL', async () => {
      store = await openTestStore('postgres', { migrated: false });
      const env = { DATABASE_URL: store.databaseUrl };
      expect((await center(['migrate', '--json'], env)).code).toBe(0);
      const added = await center(
        ['staff', 'add', 'pgadmin', '--role', 'centre_admin', '--json'],
        env,
      );
      expect(added.code).toBe(0);
      const rows = await store.db.query<{ username: string }>('SELECT username FROM staff');
      expect(rows).toEqual([{ username: 'pgadmin' }]);
    });
  });
}
