import { afterAll, beforeAll, expect, it } from 'vitest';
import type { CenterRole } from '../src/auth/center-roles';
import type { CenterRoute } from '../src/http/center-route';
import { JSON_BODY_MAX_BYTES } from '../src/http/request-body';
import { CENTER_ROUTES } from '../src/server/routes';
import { describeStores } from '../test/support/center-db';
import { startTestCenter, TEST_PASSWORD, type TestCaller } from '../test/support/center-server';
import {
  auditCount,
  buildWorld,
  callFrom,
  ELECTRICIAN,
  ok,
  theoryResults,
  type World,
} from './support/world';

/*
 * Bad input at the boundary: oversize bodies (413), wrong types and unknown fields on every
 * JSON route (400, nothing written), path traversal in the static files and in route
 * parameters, SQL metacharacters and NUL bytes in the string fields that reach SQL.
 */

const SQL_NASTIES = [
  `'; DROP TABLE batches; --`,
  `' OR '1'='1`,
  `"); DELETE FROM audit_log; --`,
  `\\'; SELECT pg_sleep(5); --`,
  `$1 $$ E'\\x00' %s %n`,
];

/** A body each JSON route accepts (schema-wise), keyed by route. */
function validBodies(world: World): Record<string, Record<string, unknown>> {
  return {
    'POST /api/auth/login': { username: 'someone', password: 'something-long' },
    'POST /api/auth/password': { currentPassword: 'x', newPassword: 'Another-Long-Pass-1' },
    'POST /api/staff': { username: 'valid-user', displayName: '某人', role: 'supervisor' },
    'POST /api/organisations': { kind: 'S', code: '0000', province: '44', name: '某机构' },
    'POST /api/sites': {
      organisationId: world.orgA,
      name: '某考点',
      siteSerial: '123456',
      publicKeyPem: 'x',
    },
    'POST /api/certificate-ranges/requests': {
      siteSerial: '000111',
      year: 2026,
      level: 3,
      size: 5,
    },
    'POST /api/certificate-ranges/requests/:id/refuse': { reason: '不予分配' },
    'POST /api/certificate-ranges/allocate-pending': { year: 2026 },
    'POST /api/certificates/:number/void': { reason: '作废原因' },
    'POST /api/batches': { name: '批次', ...ELECTRICIAN },
    'POST /api/batches/:id/candidates': { examId: 'x' },
    'POST /api/batches/:id/return': { reason: '退回原因' },
  };
}

describeStores('input at the boundary', (getDb) => {
  let world: World;
  const callers = new Map<CenterRole, TestCaller>();

  beforeAll(async () => {
    const db = getDb();
    world = await buildWorld(await startTestCenter(db), db);
    callers.set('centre_admin', world.admin);
    callers.set('supervisor', world.supervisor);
    callers.set('org_staff', world.a1);
  });
  afterAll(() => world.centre.close());

  const jsonRoutes = CENTER_ROUTES.filter((r) => r.body !== undefined);
  const key = (route: CenterRoute) => `${route.method} ${route.path}`;
  const tokenFor = (route: CenterRoute) =>
    route.roles === 'public' ? undefined : callers.get(route.roles[0] as CenterRole)?.token;
  const pathOf = (route: CenterRoute) => route.path.replace(/:(\w+)/g, 'probe');

  it('every JSON route refuses wrong types and unknown fields with 400, and writes nothing', async () => {
    const bodies = validBodies(world);
    expect(jsonRoutes.map(key).filter((k) => bodies[k] === undefined)).toEqual([]);
    const before = await auditCount(world.db);
    for (const route of jsonRoutes) {
      const valid = bodies[key(route)] ?? {};
      const token = tokenFor(route);
      const attempts: unknown[] = [
        [],
        'text',
        42,
        Object.fromEntries(Object.keys(valid).map((k) => [k, { $gt: '' }])),
        {
          ...valid,
          organisationId: world.orgB,
          status: 'approved',
          role: 'centre_admin',
          isAdmin: true,
          unexpected: 1,
        },
      ];
      for (const body of attempts) {
        const reply = await world.centre.call(route.method, pathOf(route), {
          ...(token === undefined ? {} : { token }),
          body,
        });
        expect({
          route: key(route),
          body,
          status: reply.status,
          code: reply.json?.error?.code,
        }).toEqual({
          route: key(route),
          body,
          status: 400,
          code: 'BAD_REQUEST',
        });
      }
    }
    expect(await auditCount(world.db)).toBe(before);
  });

  it('an oversize JSON body is refused with 413 before it is read, declared or not', async () => {
    const big = JSON.stringify({ name: 'x'.repeat(JSON_BODY_MAX_BYTES), ...ELECTRICIAN });
    const declared = await world.centre.call('POST', '/api/batches', {
      token: world.a1.token,
      body: JSON.parse(big) as unknown,
    });
    expect(declared.status).toBe(413);
    // chunked, without a content-length
    const url = new URL('/api/batches', world.centre.url);
    const chunks = (async function* () {
      for (let i = 0; i < 20; i += 1) yield new TextEncoder().encode('x'.repeat(100_000));
    })();
    const chunked = await fetch(url, {
      method: 'POST',
      headers: { authorization: `Bearer ${world.a1.token}`, 'content-type': 'application/json' },
      body: ReadableStream.from(chunks),
      duplex: 'half',
    } as RequestInit);
    expect(chunked.status).toBe(413);
    const batches = await world.db.query('SELECT id FROM batches');
    expect(batches).toEqual([]);
  });

  it('path traversal reaches no file outside the web folder, and no route parameter escapes', async () => {
    for (const path of [
      '/../../../../etc/passwd',
      '/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd',
      '/assets/..%2f..%2f..%2f..%2f..%2fetc%2fpasswd',
      '/..%5c..%5c..%5cetc%5cpasswd',
      '/%2e%2e%2f%2e%2e%2fpackage.json',
      '/%00/etc/passwd',
    ]) {
      const reply = await callFrom(world.centre.url, '127.0.0.1', 'GET', path);
      expect({ path, leaked: /root:|"name":\s*"@skillexam/.test(reply.body) }).toEqual({
        path,
        leaked: false,
      });
      expect(reply.status).toBeLessThan(500);
    }
    for (const path of [
      '/api/certificates/..%2F..%2F..%2Fetc%2Fpasswd/pdf',
      '/api/batches/..%2F..%2Fstaff/candidates',
      '/api/statistics/exams/..%2F..%2F..%2Fetc%2Fpasswd/responses',
      '/api/batches/%E0%A4%A',
      '/api/batches/%00',
    ]) {
      const reply = await callFrom(world.centre.url, '127.0.0.1', 'GET', path);
      expect({ path, status: reply.status < 500, leaked: reply.body.includes('root:') }).toEqual({
        path,
        status: true,
        leaked: false,
      });
    }
  });

  it('SQL metacharacters in every string field are data: stored verbatim, matched literally', async () => {
    const { centre, a1, admin, db } = world;
    for (const nasty of SQL_NASTIES) {
      const batch = ok(
        await centre.call<{ id: string; name: string; occupationName: string }>(
          'POST',
          '/api/batches',
          {
            token: a1.token,
            body: { ...ELECTRICIAN, name: nasty, occupationName: nasty },
          },
        ),
        'batch with a nasty name',
      );
      expect([batch.name, batch.occupationName]).toEqual([nasty, nasty]);
      const added = ok(
        await centre.call<{ added: number }>('POST', `/api/batches/${batch.id}/candidates`, {
          token: a1.token,
          body: { examId: nasty, sessionId: nasty, occupationAndLevel: nasty },
        }),
        'candidates filter',
      );
      expect(added.added).toBe(0);
      const org = ok(
        await centre.call<{ organisation: { name: string } }>('POST', '/api/organisations', {
          token: admin.token,
          body: { kind: 'S', code: '0000', province: '44', name: `机构 ${nasty}` },
        }),
        'organisation',
      );
      expect(org.organisation.name).toBe(`机构 ${nasty}`);
      const audit = ok(
        await centre.call<{ records: unknown[] }>(
          'GET',
          `/api/audit?subject=${encodeURIComponent(nasty)}&action=${encodeURIComponent(nasty)}`,
          { token: admin.token },
        ),
        'audit filter',
      );
      expect(audit.records).toEqual([]);
      const login = await centre.call('POST', '/api/auth/login', {
        body: { username: nasty, password: nasty },
      });
      expect(login.status).toBe(401);
      for (const reason of [nasty]) {
        const refused = await centre.call(
          'POST',
          `/api/certificates/${encodeURIComponent(nasty)}/void`,
          {
            token: a1.token,
            body: { reason },
          },
        );
        expect(refused.status).toBe(400);
      }
      const lookup = await callFrom(centre.url, '127.0.0.9', 'POST', '/verify', {
        type: 'application/x-www-form-urlencoded',
        bytes: new URLSearchParams({ number: nasty, proof: nasty }).toString(),
      });
      expect(lookup.status).toBe(400);
    }
    const tables = await db.query<{ n: string }>(
      `SELECT count(*)::text AS n FROM information_schema.tables WHERE table_name IN ('batches', 'audit_log')`,
    );
    expect(tables[0]?.n).toBe('2');
    expect(
      (await centre.call<{ ok: boolean }>('GET', '/api/audit/verify', { token: admin.token })).json
        ?.data,
    ).toMatchObject({ ok: true });
    // a theory result filter with a LIKE wildcard matches nothing it should not
    await theoryResults(world, world.orgA, 1);
    const wild = ok(
      await centre.call<{ id: string }>('POST', '/api/batches', {
        token: a1.token,
        body: { ...ELECTRICIAN, name: '通配' },
      }),
      'batch',
    );
    for (const examId of ['%', '_%', '.*', 'P-%']) {
      const added = ok(
        await centre.call<{ added: number }>('POST', `/api/batches/${wild.id}/candidates`, {
          token: a1.token,
          body: { examId },
        }),
        'wildcard',
      );
      expect({ examId, added: added.added }).toEqual({ examId, added: 0 });
    }
  });

  it('a NUL byte in a text field is a 400, not a database error', async () => {
    const { centre, a1, admin } = world;
    const attempts: [string, string, string | undefined, unknown][] = [
      ['POST', '/api/batches', a1.token, { ...ELECTRICIAN, name: 'a\u0000b' }],
      [
        'POST',
        '/api/organisations',
        admin.token,
        { kind: 'S', code: '0000', province: '44', name: 'a\u0000b' },
      ],
      ['POST', '/api/auth/login', undefined, { username: 'a\u0000b', password: TEST_PASSWORD }],
      [
        'POST',
        '/api/staff',
        admin.token,
        { username: 'nul-user', displayName: 'a\u0000b', role: 'supervisor' },
      ],
    ];
    for (const [method, path, token, body] of attempts) {
      const reply = await centre.call(method, path, {
        ...(token === undefined ? {} : { token }),
        body,
      });
      expect({ path, status: reply.status }).toEqual({ path, status: 400 });
    }
    for (const path of [
      '/api/audit?subject=a%00b',
      '/api/batches/a%00b',
      '/api/sites/a%00b/alerts',
    ]) {
      const reply = await centre.call('GET', path, { token: admin.token });
      expect({ path, status: reply.status }).toEqual({
        path,
        status: expect.any(Number) as unknown as number,
      });
      expect({ path, serverError: reply.status >= 500 }).toEqual({ path, serverError: false });
    }
  });
});
