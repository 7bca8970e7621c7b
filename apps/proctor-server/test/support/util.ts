import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ClientToServerEvents, ServerToClientEvents } from '@skillexam/shared';
import { pino } from 'pino';
import { io as ioc, type Socket as ClientSocket } from 'socket.io-client';
import { createApplication, type Application } from '../../src/app';
import type { Components } from '../../src/components';

export type TestClient = ClientSocket<ServerToClientEvents, ClientToServerEvents>;

export interface TestServer {
  readonly app: Application;
  readonly url: string;
  readonly clients: TestClient[];
  createClient(): Promise<TestClient>;
  closeAll(): Promise<void>;
}

/** A real application on a real HTTP server on port 0, with real socket.io clients. */
export async function startTestServer(overrides: Partial<Components> = {}): Promise<TestServer> {
  const httpServer = createServer();
  const components: Components = {
    version: 'test',
    now: Date.now,
    logger: pino({ level: 'silent' }),
    ...overrides,
  };
  const app = createApplication(httpServer, components);
  await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
  const { port } = httpServer.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  const clients: TestClient[] = [];
  return {
    app,
    url,
    clients,
    async createClient() {
      const client: TestClient = ioc(url, { transports: ['websocket'], forceNew: true });
      clients.push(client);
      await new Promise<void>((resolve, reject) => {
        client.once('connect', resolve);
        client.once('connect_error', reject);
      });
      return client;
    },
    async closeAll() {
      for (const client of clients) client.disconnect();
      await app.close('test finished');
    },
  };
}

/** Resolves with the first payload of `event`, or rejects after `timeoutMs`. */
export function waitFor<T>(
  client: TestClient,
  event: keyof ServerToClientEvents,
  timeoutMs = 2000,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out waiting for ${event}`)), timeoutMs);
    client.once(event, (payload: unknown) => {
      clearTimeout(timer);
      resolve(payload as T);
    });
  });
}
