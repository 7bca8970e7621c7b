import {
  ackSchema,
  CandidateLoginResultSchema,
  type Ack,
  type CandidateLoginResult,
  type ClientAckData,
  type ClientPayload,
  type ClientToServerEvents,
  type ServerToClientEvents,
} from '@skillexam/shared';
import { io, type Socket } from 'socket.io-client';
import { describeConnectionError } from '../discovery/connection-error';

export type ExamSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

const LoginReplySchema = ackSchema(CandidateLoginResultSchema);

/** A login the server refused or could not be asked; `code` is the server's or UNAVAILABLE. */
export class LoginError extends Error {
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.name = 'LoginError';
    this.code = code;
  }
}

/** `POST /api/auth/candidate-login`: 准考证号 + exam code → candidate token and attempt. */
export async function loginCandidate(
  serverUrl: string,
  admissionTicketNumber: string,
  examCode: string,
  clientKind: 'kiosk' | 'web',
  clientIntegrity?: string,
): Promise<CandidateLoginResult> {
  let response: Response;
  try {
    response = await fetch(new URL('/api/auth/candidate-login', serverUrl), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        admissionTicketNumber,
        examCode,
        clientKind,
        ...(clientIntegrity === undefined ? {} : { clientIntegrity }),
      }),
      signal: AbortSignal.timeout(10_000),
    });
  } catch (error) {
    throw new LoginError('UNAVAILABLE', describeConnectionError(serverUrl, error));
  }
  const reply = LoginReplySchema.safeParse(await response.json().catch(() => undefined));
  if (!reply.success)
    throw new LoginError('UNAVAILABLE', `考试服务器的应答无法识别 (HTTP ${response.status})`);
  if (!reply.data.ok) throw new LoginError(reply.data.error.code, reply.data.error.message);
  return reply.data.data;
}

/** A socket that authenticates with the candidate token and reconnects forever. */
export function connectExamSocket(serverUrl: string, token: string): ExamSocket {
  return io(serverUrl, {
    auth: { token },
    transports: ['websocket'],
    reconnection: true,
    reconnectionDelay: 500,
    reconnectionDelayMax: 5_000,
    timeout: 10_000,
  });
}

/** Emits with an ack and a timeout; a timeout or disconnect rejects (the caller retries). */
export function request<E extends keyof ClientToServerEvents>(
  socket: ExamSocket,
  event: E,
  payload: ClientPayload<E>,
  timeoutMs = 5_000,
): Promise<Ack<ClientAckData<E>>> {
  // socket.io's typed emitWithAck cannot follow a generic event name; the map above can.
  const emitter = socket.timeout(timeoutMs) as unknown as {
    emitWithAck(event: string, payload: unknown): Promise<Ack<ClientAckData<E>>>;
  };
  return emitter.emitWithAck(event, payload);
}
