import { randomBytes } from 'node:crypto';
import type { CenterRole } from '../../src/auth/center-roles';
import { addOrganisation } from '../../src/auth/organisations';
import { addStaff } from '../../src/auth/staff-admin';
import type { CenterDb } from '../../src/db/center-db';
import type { CenterRoute } from '../../src/http/center-route';
import { createCenterServer, type CenterServer } from '../../src/server/center-server';
import { testContext } from './test-context';

/*
 * A real centre server on port 0 over a test store, and signed-in callers of each role:
 *
 *   const centre = await startTestCenter(getDb());
 *   const admin = await centre.signIn('centre_admin');
 *   const orgStaff = await centre.signIn('org_staff', { organisationId });
 *   const reply = await centre.call('GET', '/api/organisations', { token: admin.token });
 *   await centre.close();
 */

export interface TestCaller {
  readonly username: string;
  readonly staffId: string;
  readonly token: string;
}

export interface CallOptions {
  readonly token?: string;
  /** A JSON body (stringified) or raw bytes. */
  readonly body?: unknown;
  readonly headers?: Record<string, string>;
}

export interface TestReply<T = unknown> {
  readonly status: number;
  readonly headers: Headers;
  /** The parsed JSON reply (`{ ok, data | error }`), or undefined for other content. */
  readonly json: { ok: boolean; data?: T; error?: { code: string; message: string } } | undefined;
  readonly bytes: Uint8Array;
}

export interface TestCenter {
  readonly url: string;
  readonly server: CenterServer;
  /** A new enabled staff account of `role` (its own random username), signed in over HTTP. */
  signIn(role: CenterRole, options?: { readonly organisationId?: string }): Promise<TestCaller>;
  /** A new organisation, added directly; its id. */
  addOrganisation(name?: string): Promise<string>;
  call<T = unknown>(method: string, path: string, options?: CallOptions): Promise<TestReply<T>>;
  close(): Promise<void>;
}

export const TEST_PASSWORD = 'correct-horse-battery-1';

export async function startTestCenter(
  db: CenterDb,
  options: {
    readonly routes?: readonly CenterRoute[];
    readonly webDir?: string;
    readonly now?: () => Date;
  } = {},
): Promise<TestCenter> {
  const server = createCenterServer({
    db,
    ...(options.routes === undefined ? {} : { routes: options.routes }),
    ...(options.webDir === undefined ? {} : { webDir: options.webDir }),
    ...(options.now === undefined ? {} : { now: options.now }),
    log: () => undefined,
  });
  const url = await server.listen(0);
  const ctx = testContext(db, options.now === undefined ? {} : { now: options.now });

  async function call<T>(
    method: string,
    path: string,
    callOptions: CallOptions = {},
  ): Promise<TestReply<T>> {
    const headers: Record<string, string> = { ...callOptions.headers };
    if (callOptions.token !== undefined) headers['authorization'] = `Bearer ${callOptions.token}`;
    let body: Uint8Array | string | undefined;
    if (callOptions.body instanceof Uint8Array) {
      body = callOptions.body;
      headers['content-type'] ??= 'application/octet-stream';
    } else if (callOptions.body !== undefined) {
      body = JSON.stringify(callOptions.body);
      headers['content-type'] ??= 'application/json';
    }
    const response = await fetch(`${url}${path}`, {
      method,
      headers,
      ...(body === undefined ? {} : { body }),
    });
    const bytes = new Uint8Array(await response.arrayBuffer());
    const isJson = response.headers.get('content-type')?.startsWith('application/json') === true;
    return {
      status: response.status,
      headers: response.headers,
      json: isJson
        ? (JSON.parse(Buffer.from(bytes).toString('utf8')) as TestReply<T>['json'])
        : undefined,
      bytes,
    };
  }

  async function addOrg(name?: string): Promise<string> {
    const organisation = await addOrganisation(
      ctx,
      { username: 'test' },
      {
        kind: 'S',
        code: '0000',
        province: '44',
        name: name ?? `测试评价机构 ${randomBytes(4).toString('hex')}`,
      },
    );
    return organisation.id;
  }

  return {
    url,
    server,
    call,
    addOrganisation: addOrg,
    async signIn(role, signInOptions = {}) {
      const username = `t${randomBytes(5).toString('hex')}`;
      const organisationId =
        role === 'org_staff' ? (signInOptions.organisationId ?? (await addOrg())) : undefined;
      const { staff } = await addStaff(
        ctx,
        { username: 'test' },
        {
          username,
          displayName: `测试 ${role}`,
          role,
          ...(organisationId === undefined ? {} : { organisationId }),
        },
        { password: TEST_PASSWORD },
      );
      const reply = await call<{ token: string }>('POST', '/api/auth/login', {
        body: { username, password: TEST_PASSWORD },
      });
      const token = reply.json?.data?.token;
      if (token === undefined)
        throw new Error(`test sign-in failed: ${JSON.stringify(reply.json)}`);
      return { username, staffId: staff.id, token };
    },
    close: () => server.close(),
  };
}
