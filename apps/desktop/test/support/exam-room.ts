import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  asAckEmitter,
  callSocketData,
  type Ack,
  type ClientAckData,
  type ClientEventName,
  type ClientPayload,
  type ClientToServerEvents,
  type ServerToClientEvents,
} from '@skillexam/shared';
import { io, type Socket } from 'socket.io-client';
import { prepareExamDay, type ExamDay, type ExamDayRules } from './exam-day';
import { ProctorServerProcess } from './proctor-server-process';
import { postJson, siteCaOf, type SiteCa } from './site-tls-client';

/** A proctor logged in to the real server: calls staff events and throws on a failed ack. */
export interface StaffConsole {
  call<E extends ClientEventName>(event: E, payload: ClientPayload<E>): Promise<ClientAckData<E>>;
  close(): void;
}

/** A real exam room: a prepared exam day, the server process, a proctor, check-in open. */
export interface ExamRoom {
  readonly dir: string;
  readonly day: ExamDay;
  readonly server: ProctorServerProcess;
  readonly staff: StaffConsole;
  close(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const address = s.address();
      s.close(() => resolve(typeof address === 'object' && address !== null ? address.port : 0));
    });
  });
}

/** A staff member logged in over HTTP, then connected with the token (as the console does). */
export async function connectStaff(
  serverUrl: string,
  staff: { readonly username: string; readonly password: string },
  /** The site CA when the server runs HTTPS (the e2e suite and the demo). */
  tls?: SiteCa,
): Promise<StaffConsole> {
  const login = (await postJson(
    `${serverUrl}/api/auth/staff-login`,
    { username: staff.username, password: staff.password },
    tls,
  )) as Ack<{ token: string }>;
  if (!login.ok) throw new Error(login.error.message);
  const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io(serverUrl, {
    ...tls,
    auth: { token: login.data.token },
    transports: ['websocket'],
    forceNew: true,
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('connect_error', reject);
  });
  return {
    call: (event, payload) => callSocketData(asAckEmitter(socket), event, payload, 5000),
    close: () => socket.close(),
  };
}

/** Sets up an exam day through the CLI, starts the server on a free port, opens check-in. */
export async function openExamRoom(
  prefix: string,
  candidates: number,
  rules: ExamDayRules = {},
  /**
   * HTTPS with the site certificate, as on an exam day: the enrolled kiosk pins it (0232).
   * `false` only for a test that must look at a plain wire (kiosk-content-release.spec.ts).
   */
  tls = true,
): Promise<ExamRoom> {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const dataDir = join(dir, 'data');
  const day = await prepareExamDay(dir, dataDir, candidates, rules);
  const server = new ProctorServerProcess(dataDir, await freePort(), tls);
  await server.start();
  const staff = await connectStaff(server.url, day.staff, tls ? siteCaOf(dataDir) : undefined);
  await staff.call('session:open-check-in', { sessionId: day.sessionId });
  return {
    dir,
    day,
    server,
    staff,
    async close() {
      staff.close();
      await server.stop();
    },
  };
}
