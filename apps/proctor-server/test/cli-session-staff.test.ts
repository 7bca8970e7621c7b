import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createArgon2Hasher } from '../src/auth/password-hasher';
import { addStaff } from '../src/auth/staff-accounts';
import { buildProgram } from '../src/cli/program';
import { queryAll, sql } from '@skillexam/shared/sql';
import { openStore } from '../src/db/store';
import { assignedProctors, assignedSupervisors } from '../src/sessions/session-proctor-repository';
import { seedSession } from './support/exam-fixture';
import { call, startTestServer, type TestServer } from './support/util';

/*
 * `proctor-server session assign-proctors` and `session create --proctors`: the exam admin's
 * set-up step that lets 监考员 see a session (strict scope, docs/decisions/0221).
 * `session assign-supervisors`: the CLI twin of the 人员 page's 督考人员 (docs/decisions/0985) —
 * same function, same checks and words, audited as cli:<user>.
 */

async function run(...args: string[]): Promise<string[]> {
  const lines: string[] = [];
  const spy = vi.spyOn(console, 'log').mockImplementation((line: string) => lines.push(line));
  try {
    await (await buildProgram()).parseAsync(['node', 'proctor-server', ...args]);
  } finally {
    spy.mockRestore();
  }
  return lines;
}

let server: TestServer | undefined;
afterEach(async () => {
  await server?.closeAll();
  server = undefined;
});

async function siteWithSession(): Promise<string> {
  const data = join(mkdtempSync(join(tmpdir(), 'proctor-assign-cli-')), 'data');
  const store = openStore(data);
  seedSession(store, { count: 1, scheduledStart: Date.now() + 3_600_000 });
  const hasher = createArgon2Hasher();
  for (const [username, role] of [
    ['wang', 'proctor'],
    ['li', 'proctor'],
    ['boss', 'admin'],
    ['zhao', 'supervisor'],
    ['qian', 'supervisor'],
  ] as const) {
    await addStaff(
      store.db,
      store.audit,
      hasher,
      { username, role, password: `密码-${username}-long-enough` },
      'test',
      Date.now(),
    );
  }
  store.close();
  return data;
}

describe('proctor-server session assign-proctors', () => {
  it('assigns (replacing the list), audited as cli:<user>; a running server applies it at once', async () => {
    const data = await siteWithSession();
    server = await startTestServer({ store: openStore(data) });
    const login = await server.post('/api/auth/staff-login', {
      username: 'wang',
      password: '密码-wang-long-enough',
    });
    const wang = await server.createClient((login.body.data as { token: string }).token);
    expect(await call(wang, 'monitor:snapshot', { sessionId: 'session-1' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });

    const printed = await run('session', 'assign-proctors', 'session-1', 'wang,li', '--data', data);
    expect(printed).toEqual(['场次 session-1 的监考员: li, wang']);
    expect(await call(wang, 'monitor:snapshot', { sessionId: 'session-1' })).toMatchObject({
      ok: true,
    });
    await run('session', 'assign-proctors', 'session-1', 'li', '--data', data, '--json');
    expect(assignedProctors(server.components.store.db, 'session-1')).toEqual(['li']);
    expect(await call(wang, 'monitor:snapshot', { sessionId: 'session-1' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    const audited = queryAll<{ actor: string; payload_json: string }>(
      server.components.store.db,
      sql`SELECT actor, payload_json FROM audit_log WHERE action = 'session.assign-proctors' ORDER BY seq`,
    );
    expect(audited.map((row) => JSON.parse(row.payload_json) as unknown)).toEqual([
      { sessionId: 'session-1', usernames: ['wang', 'li'] },
      { sessionId: 'session-1', usernames: ['li'] },
    ]);
    expect(audited.every((row) => row.actor.startsWith('cli:'))).toBe(true);
  });

  it('refuses unknown users, non-proctors, unknown sessions and empty names, changing nothing', async () => {
    const data = await siteWithSession();
    await run('session', 'assign-proctors', 'session-1', 'wang', '--data', data);
    const assign = (...args: string[]) =>
      run('session', 'assign-proctors', ...args, '--data', data);
    await expect(assign('session-1', 'wang', 'nobody')).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: expect.stringContaining('nobody'),
    });
    await expect(assign('session-1', 'boss')).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringContaining('只能指派监考人员'),
    });
    await expect(assign('no-such-session', 'wang')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(assign('session-1', 'wang,,li')).rejects.toThrow(/监考员用户名无效/);
    const store = openStore(data);
    try {
      expect(assignedProctors(store.db, 'session-1')).toEqual(['wang']);
    } finally {
      store.close();
    }
  });

  it('session create --proctors assigns at once; an unknown proctor creates no session', async () => {
    const data = await siteWithSession();
    const create = (id: string, proctors: string) =>
      run(
        'session',
        'create',
        id,
        '--data',
        data,
        '--exam',
        'exam-1',
        '--name',
        '第二场',
        '--start',
        new Date(Date.now() + 7_200_000).toISOString(),
        '--duration',
        '90',
        '--room',
        'r1:第一考场:30',
        '--proctors',
        proctors,
        '--json',
      );
    await expect(create('s-bad', 'wang,nobody')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const printed = await create('s-2', 'wang,li');
    expect(JSON.parse(printed.join('\n'))).toEqual({ sessionId: 's-2', proctors: ['li', 'wang'] });
    const store = openStore(data);
    try {
      const sessions = queryAll<{ id: string }>(store.db, sql`SELECT id FROM sessions ORDER BY id`);
      expect(sessions.map((row) => row.id)).toEqual(['s-2', 'session-1']);
      expect(assignedProctors(store.db, 's-2')).toEqual(['li', 'wang']);
    } finally {
      store.close();
    }
  });
});

describe('proctor-server session assign-supervisors', () => {
  it('records, replaces and clears the list, audited; refuses a proctor, changing nothing', async () => {
    const data = await siteWithSession();
    const assign = (...args: string[]) =>
      run('session', 'assign-supervisors', 'session-1', ...args, '--data', data);
    expect(await assign('zhao,qian')).toEqual(['场次 session-1 的督考人员: qian, zhao']);
    await expect(assign('zhao', 'wang')).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringContaining('只能指派质量督导员为督考人员'),
    });
    await expect(assign('ghost')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const store = openStore(data);
    try {
      expect(assignedSupervisors(store.db, 'session-1')).toEqual(['qian', 'zhao']);
    } finally {
      store.close();
    }
    expect(await assign()).toEqual(['场次 session-1 的督考人员: —']);
    const after = openStore(data);
    try {
      expect(assignedSupervisors(after.db, 'session-1')).toEqual([]);
      const audited = queryAll<{ actor: string; payload_json: string }>(
        after.db,
        sql`SELECT actor, payload_json FROM audit_log WHERE action = 'session.assign-supervisors' ORDER BY seq`,
      );
      expect(audited.map((row) => JSON.parse(row.payload_json) as unknown)).toEqual([
        { sessionId: 'session-1', usernames: ['zhao', 'qian'] },
        { sessionId: 'session-1', usernames: [] },
      ]);
      expect(audited.every((row) => row.actor.startsWith('cli:'))).toBe(true);
    } finally {
      after.close();
    }
  });
});
