import { afterAll, beforeAll, expect, it } from 'vitest';
import type { CenterRole } from '../src/auth/center-roles';
import { ONE_TIME_PASSWORD_PATHS } from '../src/http/authenticate';
import type { CenterRoute } from '../src/http/center-route';
import { CENTER_ROUTES } from '../src/server/routes';
import { describeStores } from '../test/support/center-db';
import { startTestCenter } from '../test/support/center-server';
import {
  allocatedRange,
  approvedBatch,
  auditCount,
  buildWorld,
  draftBatch,
  issue,
  ok,
  theoryResults,
  type World,
} from './support/world';

/*
 * Two roles that must not write: the supervisor (质量督导员, read only, every non-GET route refused
 * with real ids of real objects — and nothing changes), and any account still holding its
 * one-time password (only "who am I", sign out and change the password until it is changed).
 */

const writes = CENTER_ROUTES.filter((r) => r.method !== 'GET' && r.roles !== 'public');

describeStores('roles that may not write', (getDb) => {
  let world: World;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    const db = getDb();
    world = await buildWorld(await startTestCenter(db), db);
    const { requestId } = await allocatedRange(world, world.a1, '000801');
    const { batchId } = await approvedBatch(world, world.a1, world.a2, 1, world.orgA);
    ids['number'] = (await issue(world, world.a1, batchId))[0] ?? '';
    const { examId, idNumbers } = await theoryResults(world, world.orgA, 1);
    const submitted = await draftBatch(world, world.a1, examId, idNumbers);
    ok(
      await world.centre.call('POST', `/api/batches/${submitted}/submit`, {
        token: world.a1.token,
      }),
      'submit',
    );
    ids['batch'] = submitted;
    ids['staff'] = world.a2.staffId;
    ids['request'] = requestId;
    const pending = ok(
      await world.centre.call<{ id: string }>('POST', '/api/certificate-ranges/requests', {
        token: world.a1.token,
        body: { siteSerial: '000802', year: world.year, level: 3, size: 5 },
      }),
      'pending request',
    );
    ids['pending'] = pending.id;
  });
  afterAll(() => world.centre.close());

  function realPath(route: CenterRoute): string {
    return route.path
      .replace('/api/batches/:id', `/api/batches/${ids['batch'] ?? ''}`)
      .replace('/api/staff/:id', `/api/staff/${ids['staff'] ?? ''}`)
      .replace('/requests/:id', `/requests/${ids['pending'] ?? ''}`)
      .replace(':number', ids['number'] ?? '');
  }

  function someBody(route: CenterRoute): unknown {
    if (route.raw !== undefined) return new TextEncoder().encode('身份证号,实操成绩\r\n');
    if (route.body === undefined) return undefined;
    return { reason: '督导操作', year: world.year };
  }

  it('every write route is refused to a supervisor, with real ids, and nothing changes', async () => {
    expect(writes.length).toBeGreaterThan(15);
    const before = {
      audit: await auditCount(world.db),
      batches: await world.db.query('SELECT id, status FROM batches ORDER BY id'),
      certificates: await world.db.query('SELECT number, status FROM certificates ORDER BY number'),
      requests: await world.db.query(
        'SELECT id, status FROM certificate_range_requests ORDER BY id',
      ),
      staff: await world.db.query('SELECT id, disabled, password_hash FROM staff ORDER BY id'),
    };
    const refused: string[] = [];
    for (const route of writes) {
      if (ONE_TIME_PASSWORD_PATHS.has(`${route.method} ${route.path}`)) continue; // own session
      const body = someBody(route);
      const reply = await world.centre.call(route.method, realPath(route), {
        token: world.supervisor.token,
        ...(body === undefined ? {} : { body }),
      });
      const name = `${route.method} ${route.path}`;
      expect({ name, status: reply.status, code: reply.json?.error?.code }).toEqual({
        name,
        status: 403,
        code: 'FORBIDDEN',
      });
      refused.push(name);
    }
    expect(refused.length).toBe(writes.length - 2); // all but logout and own password
    expect({
      audit: await auditCount(world.db),
      batches: await world.db.query('SELECT id, status FROM batches ORDER BY id'),
      certificates: await world.db.query('SELECT number, status FROM certificates ORDER BY number'),
      requests: await world.db.query(
        'SELECT id, status FROM certificate_range_requests ORDER BY id',
      ),
      staff: await world.db.query('SELECT id, disabled, password_hash FROM staff ORDER BY id'),
    }).toEqual(before);
  });

  it('a one-time password opens nothing but me, logout and the password change', async () => {
    const { centre, admin } = world;
    const tokens = new Map<CenterRole, string>();
    for (const role of ['centre_admin', 'org_staff', 'supervisor'] as const) {
      const added = ok(
        await centre.call<{ oneTimePassword: string; staff: { username: string } }>(
          'POST',
          '/api/staff',
          {
            token: admin.token,
            body: {
              username: `otp-${role.replace('_', '-')}`,
              displayName: '新同事',
              role,
              ...(role === 'org_staff' ? { organisationId: world.orgA } : {}),
            },
          },
        ),
        'add staff',
      );
      const signedIn = ok(
        await centre.call<{ token: string }>('POST', '/api/auth/login', {
          body: { username: added.staff.username, password: added.oneTimePassword },
        }),
        'otp login',
      );
      tokens.set(role, signedIn.token);
    }
    const auditBefore = await auditCount(world.db);
    for (const route of CENTER_ROUTES.filter((r) => r.roles !== 'public')) {
      const name = `${route.method} ${route.path}`;
      if (ONE_TIME_PASSWORD_PATHS.has(name)) continue;
      const role = (route.roles as readonly CenterRole[])[0] as CenterRole;
      const body = route.method === 'GET' ? undefined : someBody(route);
      const reply = await centre.call(route.method, realPath(route), {
        token: tokens.get(role) ?? '',
        ...(body === undefined ? {} : { body }),
      });
      expect({ name, role, status: reply.status, message: reply.json?.error?.message }).toEqual({
        name,
        role,
        status: 403,
        message: '请先修改初始密码 (change your one-time password first)',
      });
    }
    expect(await auditCount(world.db)).toBe(auditBefore);
    const me = await centre.call('GET', '/api/auth/me', { token: tokens.get('org_staff') ?? '' });
    expect(me.status).toBe(200);
  });

  it('the one-time password works once: after the change it is dead, and a reset ends sessions', async () => {
    const { centre, admin } = world;
    const added = ok(
      await centre.call<{ oneTimePassword: string; staff: { id: string; username: string } }>(
        'POST',
        '/api/staff',
        {
          token: admin.token,
          body: { username: 'otp-once', displayName: '一次', role: 'supervisor' },
        },
      ),
      'add',
    );
    const login = (password: string) =>
      centre.call<{ token: string }>('POST', '/api/auth/login', {
        body: { username: 'otp-once', password },
      });
    const first = ok(await login(added.oneTimePassword), 'first login').token;
    const second = ok(await login(added.oneTimePassword), 'second login').token;
    // the new password may not be the one-time one, nor contain the username
    for (const newPassword of [added.oneTimePassword, 'otp-once-2026-x']) {
      const refused = await centre.call('POST', '/api/auth/password', {
        token: first,
        body: { currentPassword: added.oneTimePassword, newPassword },
      });
      expect(refused.status).toBe(400);
    }
    ok(
      await centre.call('POST', '/api/auth/password', {
        token: first,
        body: { currentPassword: added.oneTimePassword, newPassword: 'Lantern-Quiet-7791' },
      }),
      'change',
    );
    expect((await login(added.oneTimePassword)).status).toBe(401);
    expect((await centre.call('GET', '/api/auth/me', { token: second })).status).toBe(401);
    expect((await centre.call('GET', '/api/audit', { token: first })).status).toBe(200);
    // the admin resets it: the current session ends and a new one-time password is required
    const reset = ok(
      await centre.call<{ oneTimePassword: string }>(
        'POST',
        `/api/staff/${added.staff.id}/reset-password`,
        { token: admin.token },
      ),
      'reset',
    );
    expect((await centre.call('GET', '/api/auth/me', { token: first })).status).toBe(401);
    expect((await login('Lantern-Quiet-7791')).status).toBe(401);
    const again = ok(await login(reset.oneTimePassword), 'login after reset').token;
    expect((await centre.call('GET', '/api/audit', { token: again })).status).toBe(403);
  });
});
