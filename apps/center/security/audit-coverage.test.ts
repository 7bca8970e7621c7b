import { afterAll, beforeAll, expect, it } from 'vitest';
import { CENTER_ROUTES } from '../src/server/routes';
import { SITE_PUSH_PATH } from '../src/ingest/ingest.routes';
import { FakeSite } from '../test/ingest/fake-site';
import { csvOf } from '../test/batches/support/score-sheets';
import { describeStores } from '../test/support/center-db';
import { startTestCenter, TEST_PASSWORD, type CallOptions } from '../test/support/center-server';
import {
  auditCount,
  buildWorld,
  ELECTRICIAN,
  ok,
  theoryResults,
  type World,
} from './support/world';

/*
 * Every write is audited in its own transaction (docs/decisions/1002-center-audit-chain.md). Each
 * write route is driven for real; first with the audit append made to fail (a trigger on
 * audit_log, as a full disk or a crash at that point would) — the route must fail and leave every
 * table exactly as it was — then normally, when it must add at least one audit record. The test
 * ends by checking that it drove every write route of the route table.
 */

/** Routes that change nothing: the public lookup form post is a read. */
const NOT_WRITES = new Set(['POST /verify']);

describeStores('every write is audited in the same transaction', (getDb) => {
  let world: World;
  const covered = new Set<string>();

  beforeAll(async () => {
    const db = getDb();
    world = await buildWorld(await startTestCenter(db), db);
    await db.exec(`
      CREATE TABLE sec_audit_block (blocked boolean PRIMARY KEY);
      CREATE FUNCTION sec_audit_block_fn() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF EXISTS (SELECT 1 FROM sec_audit_block) THEN RAISE EXCEPTION 'audit append failed (test)'; END IF;
        RETURN NEW;
      END; $$;
      CREATE TRIGGER sec_audit_block BEFORE INSERT ON audit_log
        FOR EACH ROW EXECUTE FUNCTION sec_audit_block_fn();`);
  });
  afterAll(() => world.centre.close());

  /** A digest of every table the application writes (the audit chain itself aside). */
  async function fingerprint(): Promise<Record<string, string>> {
    const tables = await world.db.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables
        WHERE table_schema = 'public' AND table_type = 'BASE TABLE'
          AND table_name NOT IN ('audit_log', 'audit_head', 'sec_audit_block')
        ORDER BY table_name`,
    );
    const digest: Record<string, string> = {};
    for (const { table_name: table } of tables) {
      const [row] = await world.db.query<{ h: string | null }>(
        `SELECT md5(string_agg(t::text, '|' ORDER BY t::text)) AS h FROM "${table}" t`,
      );
      digest[table] = row?.h ?? '';
    }
    return digest;
  }

  async function write<T>(route: string, path: string, options: CallOptions = {}): Promise<T> {
    const [method] = route.split(' ') as [string];
    const before = await fingerprint();
    const auditBefore = await auditCount(world.db);
    await world.db.query('INSERT INTO sec_audit_block VALUES (true)');
    const failed = await world.centre.call(method, path, options);
    await world.db.query('DELETE FROM sec_audit_block');
    expect({ route, failed: failed.status >= 400 }).toEqual({ route, failed: true });
    expect({ route, tables: await fingerprint() }).toEqual({ route, tables: before });
    expect(await auditCount(world.db)).toBe(auditBefore);
    const reply = await world.centre.call<T>(method, path, options);
    expect({ route, status: reply.status, error: reply.json?.error }).toMatchObject({
      route,
      status: expect.any(Number) as unknown as number,
    });
    const data = ok(reply, route);
    expect({ route, audited: (await auditCount(world.db)) > auditBefore }).toEqual({
      route,
      audited: true,
    });
    covered.add(route);
    return data;
  }

  it('accounts and organisations', async () => {
    const { admin } = world;
    const token = admin.token;
    await write('POST /api/auth/login', '/api/auth/login', {
      body: { username: world.a1.username, password: TEST_PASSWORD },
    });
    await write('POST /api/organisations', '/api/organisations', {
      token,
      body: { kind: 'S', code: '0000', province: '44', name: '丙评价机构' },
    });
    const added = await write<{ staff: { id: string }; oneTimePassword: string }>(
      'POST /api/staff',
      '/api/staff',
      { token, body: { username: 'audit-new', displayName: '新人', role: 'supervisor' } },
    );
    const id = added.staff.id;
    await write('POST /api/staff/:id/disable', `/api/staff/${id}/disable`, { token });
    await write('POST /api/staff/:id/enable', `/api/staff/${id}/enable`, { token });
    const reset = await write<{ oneTimePassword: string }>(
      'POST /api/staff/:id/reset-password',
      `/api/staff/${id}/reset-password`,
      { token },
    );
    const session = ok(
      await world.centre.call<{ token: string }>('POST', '/api/auth/login', {
        body: { username: 'audit-new', password: reset.oneTimePassword },
      }),
      'login',
    );
    await write('POST /api/auth/password', '/api/auth/password', {
      token: session.token,
      body: { currentPassword: reset.oneTimePassword, newPassword: 'Granite-Harbour-42' },
    });
    await write('POST /api/auth/logout', '/api/auth/logout', { token: session.token });
  });

  it('sites and results packages', async () => {
    const { admin, a1, orgA } = world;
    const site = new FakeSite('审计考点');
    await write('POST /api/sites', '/api/sites', {
      token: admin.token,
      body: {
        organisationId: orgA,
        name: site.name,
        siteSerial: '660001',
        publicKeyPem: site.publicKeyPem,
      },
    });
    await write('POST /api/packages', '/api/packages', {
      token: a1.token,
      body: site.makePackage({ sessionId: 'audit-1', examId: 'audit-exam' }),
    });
    await write(`POST ${SITE_PUSH_PATH}`, SITE_PUSH_PATH, {
      body: site.makePackage({ sessionId: 'audit-2', examId: 'audit-exam' }),
    });
  });

  it('number ranges', async () => {
    const { admin, a1, year } = world;
    const request = (serial: string) =>
      write<{ id: string }>(
        'POST /api/certificate-ranges/requests',
        '/api/certificate-ranges/requests',
        {
          token: a1.token,
          body: { siteSerial: serial, year, level: ELECTRICIAN.level, size: 20 },
        },
      );
    const first = await request('660001');
    await write(
      'POST /api/certificate-ranges/requests/:id/allocate',
      `/api/certificate-ranges/requests/${first.id}/allocate`,
      { token: admin.token },
    );
    const second = await request('660002');
    await write(
      'POST /api/certificate-ranges/requests/:id/refuse',
      `/api/certificate-ranges/requests/${second.id}/refuse`,
      { token: admin.token, body: { reason: '序列码有误' } },
    );
    await request('660003');
    await write(
      'POST /api/certificate-ranges/allocate-pending',
      '/api/certificate-ranges/allocate-pending',
      {
        token: admin.token,
        body: { year },
      },
    );
  });

  it('a batch from creation to issued and voided certificates', async () => {
    const { a1, a2 } = world;
    const batch = await write<{ id: string }>('POST /api/batches', '/api/batches', {
      token: a1.token,
      body: { name: '审计批次', ...ELECTRICIAN },
    });
    const base = `/api/batches/${batch.id}`;
    const added = await write<{ added: number }>(
      'POST /api/batches/:id/candidates',
      `${base}/candidates`,
      {
        token: a1.token,
        body: { examId: (await theoryResults(world, world.orgA, 2)).examId },
      },
    );
    expect(added.added).toBeGreaterThan(0);
    const ids = await world.db.query<{ id_number: string }>(
      'SELECT id_number FROM batch_candidates WHERE batch_id = $1',
      [batch.id],
    );
    await write('POST /api/batches/:id/scores', `${base}/scores?fileName=s.csv`, {
      token: a1.token,
      body: csvOf([['身份证号', '实操成绩'], ...ids.map((r) => [r.id_number, '95'])]),
    });
    await write('POST /api/batches/:id/submit', `${base}/submit`, { token: a1.token });
    await write('POST /api/batches/:id/return', `${base}/return`, {
      token: a2.token,
      body: { reason: '再核对' },
    });
    ok(await world.centre.call('POST', `${base}/submit`, { token: a1.token }), 'resubmit');
    await write('POST /api/batches/:id/approve', `${base}/approve`, { token: a2.token });
    const issued = await write<{ issued: { number: string }[] }>(
      'POST /api/batches/:id/issue',
      `${base}/issue`,
      { token: a1.token },
    );
    const number = issued.issued[0]?.number ?? '';
    await write('POST /api/certificates/:number/void', `/api/certificates/${number}/void`, {
      token: a1.token,
      body: { reason: '姓名录入错误' },
    });
  });

  it('drove every write route of the route table', () => {
    const writes = CENTER_ROUTES.filter((r) => r.method !== 'GET')
      .map((r) => `${r.method} ${r.path}`)
      .filter((name) => !NOT_WRITES.has(name));
    expect(writes.filter((name) => !covered.has(name))).toEqual([]);
  });
});
