import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { createArgon2Hasher } from '../src/auth/password-hasher';
import { addStaff } from '../src/auth/staff-accounts';
import { buildProgram } from '../src/cli/program';
import { queryAll, sql } from '@skillexam/shared/sql';
import { openStore } from '../src/db/store';
import { assignedSupervisors } from '../src/sessions/session-proctor-repository';
import { seedSession } from './support/exam-fixture';

/*
 * `proctor-server session assign-supervisors`: the CLI twin of the 人员 page's 督考人员
 * (docs/decisions/0985) — same function, same checks and words, audited as cli:<user>.
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

async function site(): Promise<string> {
  const data = join(mkdtempSync(join(tmpdir(), 'proctor-sup-cli-')), 'data');
  const store = openStore(data);
  seedSession(store, { count: 1, scheduledStart: Date.now() + 3_600_000 });
  const hasher = createArgon2Hasher();
  for (const [username, role] of [
    ['zhao', 'supervisor'],
    ['qian', 'supervisor'],
    ['wang', 'proctor'],
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

describe('proctor-server session assign-supervisors', () => {
  it('records, replaces and clears the list, audited; refuses a proctor, changing nothing', async () => {
    const data = await site();
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
