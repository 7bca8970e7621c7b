import { afterAll, beforeAll, expect, it } from 'vitest';
import { CENTER_ROLES } from '../../src/auth/center-roles';
import type { CenterRoute } from '../../src/http/center-route';
import { CENTER_ROUTES } from '../../src/server/routes';
import { describeStores } from '../support/center-db';
import { startTestCenter, type TestCaller, type TestCenter } from '../support/center-server';

/*
 * The refusal table: every registered route (CENTER_ROUTES, so routes other folders add are
 * covered without touching this file) refuses a caller without a token, with a forged token,
 * and with each role it does not list.
 */

const probePath = (route: CenterRoute) =>
  route.path.replace(/:(\w+)/g, (_, name: string) => `probe-${name}`);
const probeBody = (route: CenterRoute) =>
  route.raw === undefined ? {} : new Uint8Array([1, 2, 3]);
const guarded = CENTER_ROUTES.filter((route) => route.roles !== 'public');

it('registers routes that need a role', () => {
  expect(guarded.length).toBeGreaterThan(5);
});

describeStores('refusal table', (getDb) => {
  let centre: TestCenter;
  const callers = new Map<string, TestCaller>();
  beforeAll(async () => {
    centre = await startTestCenter(getDb());
    for (const role of CENTER_ROLES) callers.set(role, await centre.signIn(role));
  });
  afterAll(() => centre.close());

  it.each(guarded.map((route) => [`${route.method} ${route.path}`, route] as const))(
    '%s refuses the unauthenticated and the wrong roles',
    async (_name, route) => {
      const path = probePath(route);
      const body = route.method === 'GET' ? undefined : probeBody(route);
      const anonymous = await centre.call(route.method, path, {
        ...(body === undefined ? {} : { body }),
      });
      expect(anonymous.status).toBe(401);
      expect(anonymous.json).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
      const forged = await centre.call(route.method, path, {
        token: 'A'.repeat(43),
        ...(body === undefined ? {} : { body }),
      });
      expect(forged.status).toBe(401);
      const roles = route.roles as readonly string[];
      for (const role of CENTER_ROLES.filter((r) => !roles.includes(r))) {
        const reply = await centre.call(route.method, path, {
          token: callers.get(role)!.token,
          ...(body === undefined ? {} : { body }),
        });
        expect({ role, status: reply.status }).toEqual({ role, status: 403 });
        expect(reply.json).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      }
    },
  );
});
