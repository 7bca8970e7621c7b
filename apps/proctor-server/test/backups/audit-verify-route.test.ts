import { afterEach, describe, expect, it } from 'vitest';
import { auditVerify, tamper } from '../../security/support/tamper-tools';
import { call, type TestServer } from '../support/util';
import { okData } from '../support/running-session';
import { backupServer, type BackupServer } from './backup-server';

/*
 * 立即校验 (docs/decisions/0983): POST /api/audit/verify runs what `proctor-server audit verify`
 * runs — answers and scores replayed against the chain — where the socket's `audit:status`
 * checks the chain and signatures only. Both are computed when asked, never cached.
 */

interface Verification {
  ok: boolean;
  records: number;
  checkpoints: number;
  lastSeq: number;
  problems: { seq: number; problem: string }[];
  warnings: { seq: number; problem: string }[];
  command?: string;
}

const verifyNow = async (server: TestServer, token: string) => {
  const res = await fetch(`${server.url}/api/audit/verify`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: '{}',
  });
  return (await res.json()) as {
    ok: boolean;
    data?: Verification;
    error?: { code: string; message: string };
  };
};

let room: BackupServer | undefined;
afterEach(async () => {
  await room?.server.closeAll();
  room = undefined;
});

describe('POST /api/audit/verify', () => {
  it('gives the CLI verification, run now; a changed answer is caught that audit:status passes', async () => {
    room = await backupServer();
    const { server, dataDir } = room;
    const supervisorToken = await server.staffToken('supervisor', 'sup1');
    const first = await verifyNow(server, supervisorToken);
    expect(first.data).toMatchObject({ ok: true, problems: [], warnings: [] });
    expect(first.data?.command).toBe(`proctor-server audit verify --data ${dataDir}`);
    const cli = await auditVerify(dataDir);
    expect(cli).toMatchObject({
      exitCode: 0,
      ok: true,
      records: first.data?.records,
      checkpoints: first.data?.checkpoints,
    });

    // a record appended since is counted at once: nothing is cached
    const admin = await server.staffToken('admin', 'admin1');
    const second = await verifyNow(server, admin);
    expect(second.data?.records).toBeGreaterThan(first.data?.records ?? 0);

    // someone with the file changes an answer: the full check names it, as the CLI does
    tamper(
      dataDir,
      `UPDATE answers_current SET value_json = '{"kind":"true_false","value":true}' WHERE item_id = 'tf1'`,
    );
    const caught = await verifyNow(server, supervisorToken);
    const cliCaught = await auditVerify(dataDir);
    expect(caught.data?.ok).toBe(false);
    expect(cliCaught.exitCode).toBe(1);
    expect(caught.data?.problems).toEqual(cliCaught.problems);
    // the socket's quick status keeps to the chain and signatures
    const supervisor = await server.staffClient('supervisor', 'sup2');
    const quick = okData(await call(supervisor, 'audit:status', {}));
    expect(quick.ok).toBe(true);
  }, 60_000);

  it('is refused to proctors, and while a session is under way', async () => {
    room = await backupServer({ ended: false });
    const { server } = room;
    const proctor = await server.staffToken('proctor', 'proctor2');
    expect((await verifyNow(server, proctor)).error?.code).toBe('FORBIDDEN');
    const admin = await server.staffToken('admin', 'admin1');
    const busy = await verifyNow(server, admin);
    expect(busy.error?.code).toBe('CONFLICT');
    expect(busy.error?.message).toContain('考试进行中');
  });
});
