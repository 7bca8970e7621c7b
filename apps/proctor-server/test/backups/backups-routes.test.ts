import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { iterateAuditRecords } from '../../src/audit/audit-repository';
import { restoreCommandOf } from '../../src/backup/backup-list';
import { openStore } from '../../src/db/store';
import { cliJson } from '../../security/support/tamper-tools';
import { endedSession } from '../jobs/ended-session';
import { backUpNow, backupServer, getJson, type BackupServer } from './backup-server';

/*
 * 备份与恢复 over HTTP (docs/decisions/0981, 0982): the admin lists the server's backup folder —
 * name, time, size, the backup's chain head — with the exact restore and verify commands for
 * this server, and downloads a listed backup (audited).
 */

interface Listing {
  available: boolean;
  backupDir: string;
  dataDir: string;
  serverPid: number;
  backups: {
    name: string;
    at: number;
    bytes: number;
    head?: { seq: number; hash: string };
    headFile?: string;
    restoreCommand: string;
    verifyCommand: string;
  }[];
}

let room: BackupServer | undefined;
afterEach(async () => {
  await room?.server.closeAll();
  room = undefined;
});

describe('GET /api/backups and /api/backups/file', () => {
  it('lists each backup with its head and commands, newest first, and serves it', async () => {
    room = await backupServer();
    const { server, dataDir, backupDir } = room;
    const token = await server.staffToken('admin', 'admin1');
    const empty = await getJson(server.url, token, '/api/backups');
    expect(empty.status).toBe(200);
    expect(empty.body.data).toMatchObject({ available: true, dataDir, backupDir, backups: [] });

    const first = await backUpNow(server.url, token);
    room.clock.advanceMinutes(5); // the next backup's name is later
    const second = await backUpNow(server.url, token);
    expect(first).not.toBe(second);
    const listing = (await getJson(server.url, token, '/api/backups')).body.data as Listing;
    expect(listing.serverPid).toBe(process.pid);
    expect(listing.backups.map((b) => b.name)).toEqual([second, first]);
    const newest = listing.backups[0]!;
    const path = join(backupDir, second);
    expect(newest.bytes).toBe(statSync(path).size);
    expect(new Date(newest.at).toISOString().replace(/[-:.]/g, '')).toBe(
      second.slice('server-'.length, -'.db'.length),
    );
    const witness = JSON.parse(readFileSync(`${path}.head.json`, 'utf8')) as { seq: number };
    expect(newest.head?.seq).toBe(witness.seq);
    expect(newest.headFile).toBe(`${second}.head.json`);
    expect(newest.restoreCommand).toBe(`proctor-server restore ${path} --data ${dataDir}`);
    expect(newest.verifyCommand).toBe(
      `proctor-server audit verify --data ${dataDir} --file ${path}`,
    );

    const res = await fetch(`${server.url}/api/backups/file?name=${second}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(res.status).toBe(200);
    const bytes = Buffer.from(await res.arrayBuffer());
    expect(bytes.equals(readFileSync(path))).toBe(true);
    expect(bytes.subarray(0, 15).toString('latin1')).toBe('SQLite format 3');
    const head = await fetch(`${server.url}/api/backups/file?name=${second}.head.json`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(await head.text()).toBe(readFileSync(`${path}.head.json`, 'utf8'));
    // the download is on record: who, which file, how large
    const records = [...iterateAuditRecords(server.components.store.db)].filter(
      (r) => r.action === 'backup.downloaded',
    );
    expect(records.map((r) => [r.actor, JSON.parse(r.payload_json)])).toEqual([
      ['staff:admin1', { name: second, bytes: bytes.byteLength }],
      ['staff:admin1', { name: `${second}.head.json`, bytes: statSync(`${path}.head.json`).size }],
    ]);
  }, 60_000);

  it('says there is no backup folder for an in-memory database', async () => {
    const memory = await endedSession(1, { settings: {} });
    try {
      const token = await memory.server.staffToken('admin', 'admin1');
      const listing = await getJson(memory.server.url, token, '/api/backups');
      expect(listing.body.data).toMatchObject({ available: false, backups: [] });
      const file = await getJson(
        memory.server.url,
        token,
        '/api/backups/file?name=server-20261121T013000000Z.db',
      );
      expect(file.body.error?.code).toBe('UNAVAILABLE');
    } finally {
      await memory.server.closeAll();
    }
  });
});

describe('the restore instructions', () => {
  it('give a command that, run as shown with the server stopped, restores the backup', async () => {
    room = await backupServer();
    const { server } = room;
    const token = await server.staffToken('admin', 'admin1');
    const name = await backUpNow(server.url, token);
    const listing = (await getJson(server.url, token, '/api/backups')).body.data as Listing;
    const entry = listing.backups.find((b) => b.name === name)!;
    await server.closeAll(); // step 1: stop the server
    room = undefined;
    const [program, ...args] = entry.restoreCommand.split(' ');
    expect(program).toBe('proctor-server');
    // the console adds the reason the admin typed; without one the CLI changes nothing
    await expect(cliJson(...args)).rejects.toThrow(/--reason/);
    const restored = await cliJson<{ restoredFrom: string; auditRecords: number }>(
      ...args,
      '--reason',
      '服务器磁盘故障',
    );
    expect(restored.exitCode).toBe(0);
    expect(restored.data.restoredFrom).toBe(join(listing.backupDir, name));
    expect(restored.data.auditRecords).toBeGreaterThanOrEqual(entry.head?.seq ?? 1);
    const [, ...verifyArgs] = entry.verifyCommand.split(' ');
    const verified = await cliJson<{ ok: boolean }>(...verifyArgs);
    expect(verified).toEqual({ exitCode: 0, data: expect.objectContaining({ ok: true }) });
    // the restore itself is the restored chain's next record, and the chain still verifies
    const store = openStore(listing.dataDir);
    try {
      const last = [...iterateAuditRecords(store.db)].at(-1);
      expect(last?.action).toBe('backup.restored');
      expect(JSON.parse(last?.payload_json ?? '{}')).toMatchObject({
        backup: name,
        reason: '服务器磁盘故障',
      });
    } finally {
      store.close();
    }
    const live = await cliJson<{ ok: boolean }>('audit', 'verify', '--data', listing.dataDir);
    expect(live.data).toMatchObject({ ok: true });
  }, 60_000);

  it('quote a folder with spaces or quotes as one shell word', () => {
    expect(restoreCommandOf('/b/server-1.db', '/srv/my data')).toBe(
      "proctor-server restore /b/server-1.db --data '/srv/my data'",
    );
  });
});
