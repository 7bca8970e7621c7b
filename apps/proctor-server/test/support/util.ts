import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  asAckEmitter,
  callSocket,
  checkPush,
  type Ack,
  type ClientAckData,
  type ClientEventName,
  type ClientPayload,
  type ClientToServerEvents,
  type ServerPush,
  type ServerPushName,
  type ServerToClientEvents,
  type StaffRole,
} from '@skillexam/shared';
import { pino } from 'pino';
import { io as ioc, type Socket as ClientSocket } from 'socket.io-client';
import { createApplication, type Application } from '../../src/app';
import { createArgon2Hasher } from '../../src/auth/password-hasher';
import { addStaff } from '../../src/auth/staff-accounts';
import { assignProctors } from '../../src/sessions/session-proctors';
import { enrollKiosk } from '../../src/kiosks/kiosk-registry';
import { kioskLoginBody, type KioskKey } from './enrolled-kiosk';
import type { Components } from '../../src/components';
import { openStore } from '../../src/db/store';
import { DEFAULT_SETTINGS, type ServerSettings } from '../../src/settings';

export type TestClient = ClientSocket<ServerToClientEvents, ClientToServerEvents>;

export interface TestServer {
  readonly app: Application;
  readonly url: string;
  readonly components: Components;
  readonly clients: TestClient[];
  createClient(token?: string): Promise<TestClient>;
  /** Adds a staff user, logs in over HTTP and connects a socket with the token. */
  staffClient(role: StaffRole, username?: string): Promise<TestClient>;
  /** Adds a staff user and logs in over HTTP: the bearer token. */
  staffToken(role: StaffRole, username?: string): Promise<string>;
  /**
   * The exam admin's set-up step (what `session assign-proctors` and POST /api/sessions/proctors
   * do): these proctors, and only they, read and act on the session (docs/decisions/0221).
   */
  assignProctors(sessionId: string, usernames: readonly string[]): string[];
  /** The exam PC enrolled for this server (docs/decisions/0216); candidateClient logs in with it. */
  readonly kiosk: KioskKey;
  /** A candidate-login body signed by `kiosk`. */
  kioskLogin(ticket: string, examCode: string, extra?: { clientIntegrity?: string }): unknown;
  /** Logs a candidate in over HTTP (准考证号 + exam code) from the enrolled kiosk and connects a socket. */
  candidateClient(
    ticket: string,
    examCode: string,
  ): Promise<{ client: TestClient; token: string; attemptId: string }>;
  post(
    path: string,
    body: unknown,
  ): Promise<{ status: number; body: Ack<unknown> & { data?: unknown } }>;
  closeAll(): Promise<void>;
}

export interface TestServerOptions extends Partial<Omit<Components, 'settings'>> {
  readonly settings?: Partial<ServerSettings>;
}

/** A real application on a real HTTP server on port 0, with real socket.io clients and real SQLite. */
export async function startTestServer(overrides: TestServerOptions = {}): Promise<TestServer> {
  const httpServer = createServer();
  const now = overrides.now ?? Date.now;
  const components: Components = {
    version: 'test',
    logger: pino({ level: 'silent' }),
    hasher: createArgon2Hasher(),
    ...overrides,
    now,
    store: overrides.store ?? openStore(':memory:', { now }),
    settings: { ...DEFAULT_SETTINGS, ...overrides.settings },
  };
  const app = createApplication(httpServer, components);
  await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
  const { port } = httpServer.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  const clients: TestClient[] = [];
  let staffCount = 0;
  // Every test server has one enrolled exam PC, as a site would (proctor-server kiosk enroll).
  const kiosk = enrollKiosk(
    components.store.db,
    components.store.audit,
    'test-kiosk',
    'test',
    now(),
  );
  const kioskLogin = (ticket: string, examCode: string, extra: { clientIntegrity?: string } = {}) =>
    kioskLoginBody(kiosk, { admissionTicketNumber: ticket, examCode, ...extra }, now());

  const post = async (path: string, body: unknown) => {
    const res = await fetch(`${url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as Ack<unknown> & { data?: unknown } };
  };

  const createClient = async (token?: string): Promise<TestClient> => {
    const client: TestClient = ioc(url, {
      transports: ['websocket'],
      forceNew: true,
      reconnection: false,
      ...(token === undefined ? {} : { auth: { token } }),
    });
    clients.push(client);
    await new Promise<void>((resolve, reject) => {
      client.once('connect', resolve);
      client.once('connect_error', reject);
    });
    return client;
  };

  const staffToken = async (role: StaffRole, username?: string): Promise<string> => {
    staffCount += 1;
    const name = username ?? `${role}${staffCount}`;
    const password = `密码-${name}-long-enough`;
    await addStaff(
      components.store.db,
      components.store.audit,
      components.hasher,
      { username: name, role, password },
      'test',
      now(),
    );
    const login = await post('/api/auth/staff-login', { username: name, password });
    if (!login.body.ok) throw new Error(`staff login failed: ${login.body.error.message}`);
    const { token } = login.body.data as { token: string };
    return token;
  };

  return {
    app,
    url,
    components,
    clients,
    kiosk,
    kioskLogin,
    createClient,
    post,
    staffToken,
    assignProctors(sessionId, usernames) {
      const { db, audit } = components.store;
      return assignProctors(db, audit, sessionId, usernames, 'test', now());
    },
    async staffClient(role, username) {
      return createClient(await staffToken(role, username));
    },
    async candidateClient(ticket, examCode) {
      const login = await post('/api/auth/candidate-login', kioskLogin(ticket, examCode));
      if (!login.body.ok) throw new Error(`candidate login failed: ${login.body.error.message}`);
      const data = login.body.data as { token: string; attempt: { attemptId: string } };
      return {
        client: await createClient(data.token),
        token: data.token,
        attemptId: data.attempt.attemptId,
      };
    },
    async closeAll() {
      for (const client of clients) client.disconnect();
      await app.close('test finished');
      components.store.close();
    },
  };
}

/**
 * Resolves with the first payload of `event` (checked against its schema in the contract: a push
 * of another shape rejects), or rejects after `timeoutMs`.
 */
export function waitFor<T = never, E extends ServerPushName = ServerPushName>(
  client: TestClient,
  event: E,
  timeoutMs = 2000,
  predicate: (payload: [T] extends [never] ? ServerPush<E> : T) => boolean = () => true,
): Promise<[T] extends [never] ? ServerPush<E> : T> {
  type Pushed = [T] extends [never] ? ServerPush<E> : T;
  const socket = client as unknown as {
    on(e: string, l: (p: unknown) => void): void;
    off(e: string, l: (p: unknown) => void): void;
  };
  return new Promise<Pushed>((resolve, reject) => {
    const done = (): void => {
      clearTimeout(timer);
      socket.off(event, listener);
    };
    const timer = setTimeout(() => {
      socket.off(event, listener);
      reject(new Error(`timed out waiting for ${event}`));
    }, timeoutMs);
    const listener = (payload: unknown): void => {
      let pushed: Pushed;
      try {
        pushed = checkPush(event, payload) as Pushed;
      } catch (error) {
        done();
        reject(error instanceof Error ? error : new Error(String(error)));
        return;
      }
      if (!predicate(pushed)) return;
      done();
      resolve(pushed);
    };
    socket.on(event, listener);
  });
}

/** Sends `event` through the shared typed caller (socket-call.ts): the reply is checked. */
export async function call<E extends ClientEventName>(
  client: TestClient,
  event: E,
  payload: ClientPayload<E>,
): Promise<Ack<ClientAckData<E>>> {
  return callSocket(asAckEmitter(client), event, payload, 5000);
}

/** Sends anything (bad payloads included) and returns the raw ack. */
export async function callRaw(
  client: TestClient,
  event: string,
  ...args: unknown[]
): Promise<Ack<unknown>> {
  const raw = client as unknown as {
    timeout(ms: number): { emitWithAck(event: string, ...a: unknown[]): Promise<unknown> };
  };
  return (await raw.timeout(5000).emitWithAck(event, ...args)) as Ack<unknown>;
}
