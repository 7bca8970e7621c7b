import { afterAll, beforeAll, expect, it } from 'vitest';
import { CENTER_ROUTES } from '../src/server/routes';
import { describeStores } from '../test/support/center-db';
import { startTestCenter } from '../test/support/center-server';
import {
  allocatedRange,
  approvedBatch,
  auditCount,
  buildWorld,
  issue,
  ok,
  type World,
} from './support/world';

/*
 * A hostile organisation B: its staff member takes ids from their own lists, guesses A's ids, and
 * tries every route that takes an id on A's batch, certificates and range requests. Each refusal
 * must look exactly like "no such thing" (no probing) or be a plain FORBIDDEN, and nothing may
 * change (audit rows and the rows attacked are counted before and after).
 */

describeStores('organisation scoping', (getDb) => {
  let world: World;
  let batchA = '';
  let numbersA: string[] = [];
  let requestA = '';

  beforeAll(async () => {
    const db = getDb();
    world = await buildWorld(await startTestCenter(db), db);
    ({ requestId: requestA } = await allocatedRange(world, world.a1, '000701'));
    ({ batchId: batchA } = await approvedBatch(world, world.a1, world.a2, 3, world.orgA));
    numbersA = await issue(world, world.a1, batchA);
  });
  afterAll(() => world.centre.close());

  async function snapshot() {
    const db = world.db;
    return {
      audit: await auditCount(db),
      batches: await db.query('SELECT id, status, approved_by FROM batches ORDER BY id'),
      candidates: await db.query(
        'SELECT id, skills_score, outcome FROM batch_candidates ORDER BY id',
      ),
      certificates: await db.query('SELECT number, status, name FROM certificates ORDER BY number'),
      ranges: await db.query('SELECT id, next_serial FROM certificate_ranges ORDER BY id'),
      requests: await db.query('SELECT id, status FROM certificate_range_requests ORDER BY id'),
    };
  }

  it('B reads none of A through the listings', async () => {
    const { centre, b1, orgA } = world;
    const batches = ok(
      await centre.call<{ id: string }[]>('GET', '/api/batches', { token: b1.token }),
      'list',
    );
    expect(batches.map((b) => b.id)).not.toContain(batchA);
    const packages = ok(
      await centre.call<{ site: { organisationId: string } }[]>('GET', '/api/packages', {
        token: b1.token,
      }),
      'packages',
    );
    expect(packages.filter((p) => p.site.organisationId === orgA)).toEqual([]);
    const sites = ok(
      await centre.call<{ organisationId: string }[]>('GET', '/api/sites', { token: b1.token }),
      'sites',
    );
    expect(sites.filter((s) => s.organisationId === orgA)).toEqual([]);
    const ranges = ok(
      await centre.call<{
        ranges: { organisationId?: string; organisation_id?: string }[];
        requests: unknown[];
      }>('GET', '/api/certificate-ranges', { token: b1.token }),
      'ranges',
    );
    expect(ranges).toEqual({ ranges: [], requests: [] });
    const orgs = ok(
      await centre.call<{ organisations: { id: string }[] }>('GET', '/api/organisations', {
        token: b1.token,
      }),
      'orgs',
    );
    expect(orgs.organisations.map((o) => o.id)).toEqual([world.orgB]);
    // asking for A by name in the query is refused, not answered
    for (const path of [
      `/api/certificate-ranges?organisationId=${orgA}`,
      `/api/certificates/export?month=${String(world.year)}-01&organisationId=${orgA}`,
      `/api/certificates/statistics?month=${String(world.year)}-01&organisationId=${orgA}`,
    ]) {
      const reply = await centre.call('GET', path, { token: b1.token });
      expect({ path, status: reply.status }).toEqual({ path, status: 403 });
    }
  });

  it("every id route on A's batch answers B exactly like a batch that does not exist", async () => {
    const { centre, b1 } = world;
    const before = await snapshot();
    const batchRoutes = CENTER_ROUTES.filter((r) => r.path.startsWith('/api/batches/:id'));
    expect(batchRoutes.length).toBeGreaterThanOrEqual(7);
    for (const route of batchRoutes) {
      if (!(route.roles as readonly string[]).includes('org_staff')) continue;
      const body: unknown =
        route.raw !== undefined
          ? new TextEncoder().encode('身份证号,实操成绩\r\n')
          : route.path.endsWith('/return')
            ? { reason: '重新审核' }
            : route.path.endsWith('/candidates')
              ? { examId: 'x' }
              : undefined;
      const call = (id: string) =>
        centre.call(
          route.method,
          `${route.path.replace(':id', encodeURIComponent(id))}?fileName=a.csv`,
          { token: b1.token, ...(body === undefined ? {} : { body }) },
        );
      const real = await call(batchA);
      const made = await call('B-00000000-0000-4000-8000-000000000000');
      const name = `${route.method} ${route.path}`;
      expect({ name, status: real.status, code: real.json?.error?.code }).toEqual({
        name,
        status: 404,
        code: 'NOT_FOUND',
      });
      expect(real.json?.error?.message.replace(batchA, 'ID')).toBe(
        made.json?.error?.message.replace('B-00000000-0000-4000-8000-000000000000', 'ID'),
      );
    }
    expect(await snapshot()).toEqual(before);
  });

  it("every route an organisation's staff may call with an id is attacked here", () => {
    const attacked = new Set([
      'GET /api/certificates/:number/pdf',
      'POST /api/certificates/:number/void',
    ]);
    const withIds = CENTER_ROUTES.filter(
      (r) =>
        r.path.includes('/:') &&
        r.roles !== 'public' &&
        r.roles.includes('org_staff') &&
        !r.path.startsWith('/api/batches/:id'),
    ).map((r) => `${r.method} ${r.path}`);
    expect(withIds.filter((name) => !attacked.has(name))).toEqual([]);
  });

  it("B can neither void, download nor issue A's certificates, nor touch A's range", async () => {
    const { centre, b1, supervisor } = world;
    const before = await snapshot();
    const number = numbersA[0] ?? '';
    const absent = `${number.slice(0, 16)}999999`;
    for (const n of [number, absent]) {
      const voided = await centre.call('POST', `/api/certificates/${n}/void`, {
        token: b1.token,
        body: { reason: '恶意作废' },
      });
      expect([voided.status, voided.json?.error?.message]).toEqual([404, `证书 ${n} 不存在`]);
      const pdf = await centre.call('GET', `/api/certificates/${n}/pdf`, { token: b1.token });
      expect([pdf.status, pdf.json?.error?.message]).toEqual([404, `证书 ${n} 不存在`]);
    }
    // a range request of A is not B's to decide, and B cannot request for A
    for (const action of ['allocate', 'refuse']) {
      const reply = await centre.call(
        'POST',
        `/api/certificate-ranges/requests/${requestA}/${action}`,
        { token: b1.token, body: { reason: '不予分配' } },
      );
      expect(reply.status).toBe(403);
    }
    const smuggled = await centre.call<{ organisation_id?: string; organisationId?: string }>(
      'POST',
      '/api/certificate-ranges/requests',
      {
        token: b1.token,
        body: {
          siteSerial: '000702',
          year: world.year,
          level: 3,
          size: 5,
          organisationId: world.orgA,
        },
      },
    );
    // an unknown field is refused, or ignored: never a request in A's name
    if (smuggled.status === 201) {
      const row = smuggled.json?.data;
      expect(row?.organisation_id ?? row?.organisationId).toBe(world.orgB);
    } else {
      expect(smuggled.status).toBe(400);
    }
    const afterSmuggle = await world.db.query<{ n: string }>(
      `SELECT count(*)::text AS n FROM certificate_range_requests WHERE organisation_id = $1`,
      [world.orgA],
    );
    expect(afterSmuggle[0]?.n).toBe('1');
    // the supervisor cannot void either
    const bySupervisor = await centre.call('POST', `/api/certificates/${number}/void`, {
      token: supervisor.token,
      body: { reason: '督导作废' },
    });
    expect(bySupervisor.status).toBe(403);
    const now = await snapshot();
    // the smuggled request (if taken, in B's name) is the only change allowed
    expect({ ...now, audit: 0, requests: 0 }).toEqual({ ...before, audit: 0, requests: 0 });
  });

  it("B's approved batch never draws numbers from A's range", async () => {
    const { centre, b1, db } = world;
    const b2 = await centre.signIn('org_staff', { organisationId: world.orgB });
    const { batchId } = await approvedBatch(world, b1, b2, 1, world.orgB);
    // B has no range: issuing must fail rather than borrow A's (same prefix fields, A has serials left)
    const reply = await centre.call('POST', `/api/batches/${batchId}/issue`, { token: b1.token });
    expect([reply.status, reply.json?.error?.code]).toEqual([409, 'CONFLICT']);
    const rangesOfA = await db.query<{ next_serial: number }>(
      'SELECT next_serial FROM certificate_ranges WHERE organisation_id = $1',
      [world.orgA],
    );
    expect(rangesOfA.map((r) => Number(r.next_serial))).toEqual([numbersA.length + 1]);
    // and B's staff cannot issue A's approved batch, which has nobody left to certify anyway
    const foreign = await centre.call('POST', `/api/batches/${batchA}/issue`, { token: b1.token });
    expect(foreign.status).toBe(404);
  });
});
