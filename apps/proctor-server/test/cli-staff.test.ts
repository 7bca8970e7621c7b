import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildProgram } from '../src/cli/program';
import { openStore } from '../src/db/store';
import { startTestServer, type TestServer } from './support/util';

async function run(...args: string[]): Promise<void> {
  const spy = vi.spyOn(console, 'log').mockImplementation(() => undefined);
  try {
    await (await buildProgram()).parseAsync(['node', 'proctor-server', ...args]);
  } finally {
    spy.mockRestore();
  }
}

let server: TestServer | undefined;
afterEach(async () => {
  await server?.closeAll();
  server = undefined;
  process.exitCode = undefined;
});

describe('proctor-server user disable | enable | unlock', () => {
  it('a CLI command in another connection ends the running server’s sockets of that account', async () => {
    const data = join(mkdtempSync(join(tmpdir(), 'proctor-staff-cli-')), 'data');
    server = await startTestServer({ store: openStore(data) });
    const socket = await server.staffClient('proctor', 'ma');
    const gone = new Promise<void>((resolve) => socket.once('disconnect', () => resolve()));
    await run('user', 'disable', 'ma', '--data', data);
    await expect(
      Promise.race([
        gone,
        new Promise((_, reject) => setTimeout(() => reject(new Error('still connected')), 1000)),
      ]),
    ).resolves.toBeUndefined();
    const password = '密码-ma-long-enough';
    expect((await server.post('/api/auth/staff-login', { username: 'ma', password })).status).toBe(
      401,
    );
    await run('user', 'enable', 'ma', '--data', data);
    for (let i = 0; i < 5; i++)
      await server.post('/api/auth/staff-login', { username: 'ma', password: 'wrong-password' });
    expect((await server.post('/api/auth/staff-login', { username: 'ma', password })).status).toBe(
      429,
    );
    await run('user', 'unlock', 'ma', '--data', data);
    expect((await server.post('/api/auth/staff-login', { username: 'ma', password })).status).toBe(
      200,
    );
    await expect(run('user', 'disable', 'nobody', '--data', data)).rejects.toThrow(/不存在/);
  });
});
