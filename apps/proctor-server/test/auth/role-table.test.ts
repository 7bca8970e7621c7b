import { afterEach, describe, expect, it } from 'vitest';
import { HTTP_ROUTES, ROUTE_ROLES, SOCKET_ROLES, type RoutePath } from '../../src/auth/roles';
import { Router } from '../../src/http/router';
import { startTestServer, type TestServer } from '../support/util';

/*
 * One role table (src/auth/roles.ts) for socket events and HTTP routes: every route and event the
 * real application registers has an entry, the table has no entry nobody registers, and the
 * staff routes take their roles from it.
 */

let server: TestServer | undefined;
afterEach(async () => {
  await server?.closeAll();
  server = undefined;
});

const sorted = (keys: Iterable<string>): string[] => [...keys].sort();

describe('the role table', () => {
  it('lists exactly the HTTP routes the application registers', async () => {
    server = await startTestServer();
    expect(sorted(server.app.routes)).toEqual(sorted(HTTP_ROUTES));
    expect(sorted(Object.keys(ROUTE_ROLES))).toEqual(sorted(HTTP_ROUTES));
  });

  it('lists exactly the socket events a connection registers', async () => {
    server = await startTestServer();
    await server.staffClient('admin');
    const [socket] = [...server.app.io.sockets.sockets.values()];
    if (socket === undefined) throw new Error('no server socket');
    const reserved = new Set(['disconnect', 'disconnecting', 'error']);
    const registered = socket
      .eventNames()
      .filter((name): name is string => typeof name === 'string' && !reserved.has(name));
    expect(sorted(registered)).toEqual(sorted(Object.keys(SOCKET_ROLES)));
  });

  it('the router refuses a route without an entry, and a route registered twice', () => {
    const handler = (): void => undefined;
    expect(() => new Router().get('/api/unlisted' as RoutePath<'GET'>, handler)).toThrow(
      /ROUTE_ROLES/,
    );
    expect(() => new Router().post('/api/health' as RoutePath<'POST'>, handler)).toThrow(
      /ROUTE_ROLES/,
    );
    expect(() => new Router().get('/api/health', handler).get('/api/health', handler)).toThrow(
      /registered twice/,
    );
  });

  it('staff routes answer 401 without a token and 403 to a role the table leaves out', async () => {
    server = await startTestServer();
    const { url } = server;
    const tokens = {
      proctor: await server.staffToken('proctor'),
      supervisor: await server.staffToken('supervisor'),
    };
    const staffOnly = HTTP_ROUTES.filter((key) => !ROUTE_ROLES[key].includes('anonymous'));
    expect(staffOnly).toContain('POST /api/sessions');
    for (const key of staffOnly) {
      const [method, path] = key.split(' ') as [string, string];
      const call = async (token?: string) =>
        (
          await fetch(`${url}${path}`, {
            method,
            headers: token === undefined ? {} : { authorization: `Bearer ${token}` },
          })
        ).status;
      expect(await call(), key).toBe(401);
      for (const role of ['proctor', 'supervisor'] as const) {
        if (!ROUTE_ROLES[key].includes(role)) expect(await call(tokens[role]), key).toBe(403);
      }
    }
  });
});
