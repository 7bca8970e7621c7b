import {
  CodedError,
  StaffLoginResultSchema,
  ackSchema,
  asAckEmitter,
  callSocketData,
  unwrapAck,
  type ClientAckData,
  type ClientEventName,
  type ClientPayload,
  type ClientToServerEvents,
  type ConsoleDownload,
  type ServerToClientEvents,
  type StaffLoginResult,
} from '@skillexam/shared';
import { io, type Socket } from 'socket.io-client';
import { badReply, downloadFile as downloadHttpFile, withQuery } from './http-api';

/*
 * The console's link to the proctor server (same origin): staff login over HTTP, then one
 * socket.io connection with the bearer token in the handshake. `call` sends an event through the
 * shared typed caller (socket-call.ts) and resolves with the ack's data or throws a CodedError
 * carrying the server's code and message (UNAVAILABLE when no reply comes in time).
 */

export type ConsoleSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

const CALL_TIMEOUT_MS = 15_000;

export async function staffLogin(username: string, password: string): Promise<StaffLoginResult> {
  const res = await fetch('/api/auth/staff-login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  const parsed = ackSchema(StaffLoginResultSchema).safeParse(await res.json());
  if (!parsed.success) throw badReply(res.status);
  return unwrapAck(parsed.data);
}

export interface ConsoleConnection {
  readonly socket: ConsoleSocket;
  call<E extends ClientEventName>(event: E, payload: ClientPayload<E>): Promise<ClientAckData<E>>;
  close(): void;
}

export function connectConsole(token: string): ConsoleConnection {
  const socket: ConsoleSocket = io({
    auth: { token },
    transports: ['websocket'],
    reconnectionDelayMax: 5_000,
  });
  return {
    socket,
    call(event, payload) {
      return callSocketData(
        asAckEmitter(socket),
        event,
        payload,
        CALL_TIMEOUT_MS,
        // i18n-exempt: a client error worded like the server's errors (zh-CN + English)
        () => new CodedError('UNAVAILABLE', '服务器无响应，请检查网络 (no reply from the server)'),
      );
    },
    close() {
      socket.close();
    },
  };
}

export type DownloadFile = ConsoleDownload;

/** Fetches a download with the token in the header and hands it to the browser as a file. */
export function downloadFile(
  token: string,
  sessionId: string,
  file: DownloadFile,
): Promise<string> {
  return downloadHttpFile(
    token,
    withQuery('/api/console/download', { sessionId, file }),
    `${file}-${sessionId}`,
  );
}

/** The candidate's roster photo as an object URL (revoke it when done), or undefined. */
export async function fetchPhoto(token: string, attemptId: string): Promise<string | undefined> {
  const res = await fetch(`/api/console/photo?${new URLSearchParams({ attemptId }).toString()}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  return res.ok ? URL.createObjectURL(await res.blob()) : undefined;
}
