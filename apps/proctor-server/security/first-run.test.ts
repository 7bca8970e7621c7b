import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore } from '../src/db/store';
import { FAILURE_WINDOW_MS, FAILURES_PER_ADDRESS } from '../src/setup/first-run';
import { FIRST_RUN_FILE_NAME } from '../src/setup/first-run-file';
import { TestClock } from '../test/support/clock';
import { startTestServer, type TestServer } from '../test/support/util';
import { postFrom } from './support/post-from';
import { serveArgs } from './support/serve-process';

/*
 * Someone with a laptop on the LAN finds a new site whose server has no exam admin yet and tries
 * to become its admin: without the set-up code, by guessing it, by racing the real admin, by
 * reusing the code afterwards, or by fishing it out of a reply or a log (docs/decisions/0970).
 * The laptop is 127.0.0.2, the exam admin's PC 127.0.0.3.
 */
const LAPTOP = '127.0.0.2';
const ADMIN_PC = '127.0.0.3';
const ADMIN = { username: 'kaowu', password: 'correct horse 42' };

let server: TestServer | undefined;
const dirs: string[] = [];
afterEach(async () => {
  await server?.closeAll();
  server = undefined;
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function newSite() {
  const root = mkdtempSync(join(tmpdir(), 'first-run-attack-'));
  dirs.push(root);
  const clock = new TestClock();
  server = await startTestServer({ now: clock.now, store: openStore(join(root, 'data')) });
  const s = server;
  const code = s.app.setup.issue() ?? '';
  const first = (from: string, body: unknown) =>
    postFrom(from, `${s.url}/api/setup/first-admin`, body);
  const staff = () =>
    s.components.store.db.prepare('SELECT username, role FROM staff').all() as {
      username: string;
    }[];
  return { s, clock, code, first, staff };
}

function wrongOf(code: string): string {
  return code.replace(/^./, (c) => (c === 'A' ? 'B' : 'A'));
}

describe('first run: taking over a new site from the LAN', () => {
  it('no code, an empty code, a wrong code: refused, nothing created', async () => {
    const { code, first, staff } = await newSite();
    const none = await first(LAPTOP, ADMIN);
    expect(none.status).toBe(400);
    expect((await first(LAPTOP, { ...ADMIN, setupCode: '' })).status).toBe(400);
    const wrong = await first(LAPTOP, { ...ADMIN, setupCode: wrongOf(code) });
    expect(wrong).toMatchObject({
      status: 401,
      body: { ok: false, error: { code: 'UNAUTHORIZED' } },
    });
    expect(staff()).toEqual([]);
  });

  it('guessing is limited per address: the laptop is stopped, the admin at another PC is not', async () => {
    const { s, clock, code, first, staff } = await newSite();
    for (let i = 0; i < FAILURES_PER_ADDRESS; i += 1) {
      expect((await first(LAPTOP, { ...ADMIN, setupCode: wrongOf(code) })).status).toBe(401);
    }
    // now even the right code is refused from the laptop, for the whole window
    const blocked = await first(LAPTOP, { ...ADMIN, setupCode: code });
    expect(blocked).toMatchObject({ status: 429, body: { error: { code: 'RATE_LIMITED' } } });
    clock.advanceMs(FAILURE_WINDOW_MS - 1_000);
    expect((await first(LAPTOP, { ...ADMIN, setupCode: code })).status).toBe(429);
    expect(staff()).toEqual([]);
    const refusals = s.components.store.db
      .prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'setup.code-refused'")
      .get() as { n: number };
    expect(refusals.n).toBe(FAILURES_PER_ADDRESS); // each wrong guess audited with the address
    // the real admin at another PC is not slowed by it
    const made = await first(ADMIN_PC, { ...ADMIN, setupCode: code });
    expect(made.status).toBe(200);
    expect(staff()).toEqual([{ username: 'kaowu', role: 'admin' }]);
  });

  it('a second admin after the first, a reused code, a race of ten: one admin only', async () => {
    const { s, code, first, staff } = await newSite();
    const race = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        first(i % 2 === 0 ? LAPTOP : ADMIN_PC, {
          ...ADMIN,
          username: `racer${i}`,
          setupCode: code,
        }),
      ),
    );
    expect(race.filter((r) => r.status === 200)).toHaveLength(1);
    expect(race.filter((r) => r.status === 409)).toHaveLength(9);
    expect(staff()).toHaveLength(1);
    const again = await first(LAPTOP, { ...ADMIN, username: 'second', setupCode: code });
    expect(again).toMatchObject({ status: 409, body: { error: { code: 'CONFLICT' } } });
    // even with every admin disabled, the used code stays dead (a restart makes a new one)
    s.components.store.db.prepare('UPDATE staff SET disabled_at = 1').run();
    const reused = await first(LAPTOP, { ...ADMIN, username: 'second', setupCode: code });
    expect(reused).toMatchObject({ status: 409, body: { error: { code: 'CONFLICT' } } });
    expect(staff()).toHaveLength(1);
  });
});

interface Served {
  readonly child: ChildProcessWithoutNullStreams;
  readonly url: string;
  readonly out: () => string;
  readonly err: () => string;
}

async function serve(dataDir: string): Promise<Served> {
  const child = spawn(
    process.execPath,
    serveArgs(dataDir, '--insecure-http', '--log-level', 'debug'),
    {
      stdio: ['pipe', 'pipe', 'pipe'],
    },
  );
  let out = '';
  let err = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', () => {
      const line = out.split('\n').find((l) => l.startsWith('{"event":"listening"'));
      if (line !== undefined) resolve((JSON.parse(line) as { url: string }).url);
    });
    child.once('exit', (status) =>
      reject(new Error(`serve exited with ${String(status)}: ${err}`)),
    );
  });
  return { child, url, out: () => out, err: () => err };
}

/** Waits (at most 10 s) for output another pipe of the process may deliver a little later. */
async function until(done: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !done(); i += 1) await new Promise((r) => setTimeout(r, 50));
}

async function stop(served: Served): Promise<void> {
  if (served.child.exitCode !== null) return;
  const exited = new Promise((resolve) => served.child.once('exit', resolve));
  served.child.kill('SIGTERM');
  await exited;
}

describe('first run: the real `serve` on an empty data folder', () => {
  it('prints the code on its console only; no reply and no other log line carries it', async () => {
    const root = mkdtempSync(join(tmpdir(), 'first-run-serve-'));
    dirs.push(root);
    const dataDir = join(root, 'data');
    const served = await serve(dataDir);
    const replies: string[] = [];
    let code = '';
    try {
      const lines = served.out().split('\n');
      const at = lines.findIndex((l) => l.startsWith('{"event":"listening"'));
      const line = JSON.parse(lines[at + 1] ?? '{}') as { event?: string; setupCode?: string };
      expect(line.event).toBe('first-run'); // right after the listening line
      code = line.setupCode ?? '';
      expect(code).toMatch(/^[2-9A-HJ-NP-Z]{4}(-[2-9A-HJ-NP-Z]{4}){2}$/);
      await until(() => served.err().includes('首次使用'));
      expect(served.err()).toContain(`首次使用：在控制台输入设置码 ${code} 创建考务管理员`);
      const file = join(dataDir, FIRST_RUN_FILE_NAME);
      expect(statSync(file).mode & 0o777).toBe(0o600);
      expect(readFileSync(file, 'utf8')).toContain(code);

      const post = async (body: unknown) => {
        const reply = await postFrom(LAPTOP, `${served.url}/api/setup/first-admin`, body);
        replies.push(JSON.stringify(reply.body));
        return reply;
      };
      const status = await fetch(`${served.url}/api/setup/status`);
      replies.push(await status.text());
      expect(JSON.parse(replies[0] ?? '{}')).toEqual({ ok: true, data: { firstRun: true } });
      await post({ ...ADMIN, setupCode: wrongOf(code) });
      await post({ ...ADMIN, setupCode: code, password: 'short' });
      expect((await post({ ...ADMIN, setupCode: code })).status).toBe(200);
      await post({ ...ADMIN, setupCode: code, username: 'second' });
      expect(existsSync(file)).toBe(false);
    } finally {
      await stop(served);
    }
    for (const reply of replies) expect(reply).not.toContain(code);
    for (const reply of replies) expect(reply).not.toContain(code.replaceAll('-', ''));
    const logLines = [...served.out().split('\n'), ...served.err().split('\n')].filter(
      (l) => l.includes(code.replaceAll('-', '').slice(0, 8)) || l.includes(code),
    );
    expect(logLines).toEqual([
      JSON.stringify({ event: 'first-run', setupCode: code }),
      `首次使用：在控制台输入设置码 ${code} 创建考务管理员`,
    ]);

    // with an admin in the store, a restart prints no code
    const again = await serve(dataDir);
    try {
      expect(again.out()).not.toContain('first-run');
      expect(again.err()).not.toContain('设置码');
      const status = await fetch(`${again.url}/api/setup/status`);
      expect(await status.json()).toEqual({ ok: true, data: { firstRun: false } });
    } finally {
      await stop(again);
    }
  });
});
