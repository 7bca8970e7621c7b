import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backUpNow, backupServer, type BackupServer } from '../test/backups/backup-server';

/*
 * A backup holds every candidate's answers, names and ID numbers. GET /api/backups and
 * GET /api/backups/file are the exam admin's alone, and the file route serves a listed backup
 * (or the witness beside it) by its listed name only: no path, no `../`, no absolute name, no
 * other file of the backup folder or the data folder (docs/decisions/0981).
 */

let room: BackupServer;
let adminToken: string;
let backupName: string;

beforeAll(async () => {
  room = await backupServer();
  adminToken = await room.server.staffToken('admin', 'admin1');
  backupName = await backUpNow(room.server.url, adminToken);
  // things in the backup folder that are not listed backups
  writeFileSync(join(room.backupDir, 'notes.txt'), 'private');
  writeFileSync(join(room.backupDir, 'server-20261121T013000000Z.db.partial'), 'half');
}, 60_000);
afterAll(async () => {
  await room.server.closeAll();
});

const get = (path: string, token: string) =>
  fetch(`${room.server.url}${path}`, { headers: { authorization: `Bearer ${token}` } });

async function codeOf(res: Response): Promise<string> {
  const body = (await res.json()) as { ok: boolean; error?: { code: string } };
  return body.error?.code ?? 'OK';
}

describe('backup downloads', () => {
  it('are refused to proctors, supervisors and anyone without a token', async () => {
    for (const role of ['proctor', 'supervisor'] as const) {
      const token = await room.server.staffToken(role);
      expect(await codeOf(await get('/api/backups', token)), role).toBe('FORBIDDEN');
      const file = await get(`/api/backups/file?name=${backupName}`, token);
      expect(file.status, role).toBe(403);
      expect(await codeOf(file)).toBe('FORBIDDEN');
    }
    expect((await fetch(`${room.server.url}/api/backups/file?name=${backupName}`)).status).toBe(
      401,
    );
    // the admin gets it
    expect((await get(`/api/backups/file?name=${backupName}`, adminToken)).status).toBe(200);
  });

  it('serve nothing but a listed name: no traversal, no absolute path, no other file', async () => {
    const names = [
      `../data/server.db`,
      `..%2Fdata%2Fserver.db`,
      `../backups/${backupName}`,
      `./${backupName}`,
      join(room.backupDir, backupName), // absolute
      '/etc/passwd',
      `${backupName}/../${backupName}`,
      `${backupName}%00`,
      'notes.txt',
      'server-20261121T013000000Z.db.partial',
      'server-20261121T013000000Z.db', // the right shape, but not in the list
      'server.db',
      'audit-head.json',
      '',
    ];
    for (const name of names) {
      const res = await get(`/api/backups/file?name=${encodeURIComponent(name)}`, adminToken);
      expect(res.status, name).toBeGreaterThanOrEqual(400);
      expect(['BAD_REQUEST', 'NOT_FOUND'], name).toContain(await codeOf(res));
    }
    // the raw, unencoded forms too
    for (const raw of ['../data/server.db', '/etc/passwd', '..\\data\\server.db']) {
      const res = await get(`/api/backups/file?name=${raw}`, adminToken);
      expect(res.status, raw).toBeGreaterThanOrEqual(400);
    }
  });
});
