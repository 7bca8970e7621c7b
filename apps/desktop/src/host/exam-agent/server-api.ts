import {
  ackSchema,
  asAckEmitter,
  callSocket,
  CandidateLoginResultSchema,
  CodedError,
  type Ack,
  type CandidateLoginResult,
  type ClientAckData,
  type ClientEventName,
  type ClientPayload,
  type ClientToServerEvents,
  type ErrorCode,
  type KioskProof,
  type ServerToClientEvents,
} from '@skillexam/shared';
import { request as httpsRequest } from 'node:https';
import { io, type Socket } from 'socket.io-client';
import { describeConnectionError } from '../discovery/connection-error';
import {
  CERT_MISMATCH_MESSAGE,
  establishSiteTrust,
  isCertificateFailure,
  type SiteTrust,
} from '../discovery/site-pin';

export type ExamSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

const LoginReplySchema = ackSchema(CandidateLoginResultSchema);

/**
 * A login the server refused or could not be asked: a CodedError whose code is the server's,
 * UNAVAILABLE or SERVER_CERT_MISMATCH (its own class so callers can tell a login failure apart).
 */
export class LoginError extends CodedError {
  constructor(code: ErrorCode, message: string) {
    super(code, message);
    this.name = 'LoginError';
  }
}

/** A connection failure as a LoginError: the pinned-site mismatch, or "unreachable". */
function connectionFailure(serverUrl: string, error: unknown): LoginError {
  return isCertificateFailure(error)
    ? new LoginError('SERVER_CERT_MISMATCH', CERT_MISMATCH_MESSAGE)
    : new LoginError('UNAVAILABLE', describeConnectionError(serverUrl, error));
}

/**
 * The pinned site's TLS trust for this server (docs/decisions/0232), or undefined for a kiosk
 * that has no pin (the web practice client, development): then the system's rules apply.
 * Throws SERVER_CERT_MISMATCH for another certificate or plain HTTP, UNAVAILABLE when offline.
 */
export async function trustSite(
  serverUrl: string,
  expectedFingerprint: string | undefined,
): Promise<SiteTrust | undefined> {
  if (expectedFingerprint === undefined) return undefined;
  try {
    return await establishSiteTrust(serverUrl, expectedFingerprint);
  } catch (error) {
    throw connectionFailure(serverUrl, error);
  }
}

/**
 * POST JSON and read the JSON reply; with a `trust`, only to a server the pinned site CA vouches
 * for (the login here, the kiosk exit grant in Electron main).
 */
export async function postJsonToSite(
  url: URL,
  body: unknown,
  trust: SiteTrust | undefined,
): Promise<{ status: number; json: unknown }> {
  if (trust === undefined) {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(10_000),
    });
    return { status: response.status, json: await response.json().catch(() => undefined) };
  }
  const payload = Buffer.from(JSON.stringify(body));
  return new Promise((resolve, reject) => {
    const req = httpsRequest(
      url,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': payload.length },
        timeout: 10_000,
        ...trust.tls,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', reject);
        res.on('end', () => {
          let json: unknown;
          try {
            json = JSON.parse(Buffer.concat(chunks).toString('utf8'));
          } catch {
            json = undefined;
          }
          resolve({ status: res.statusCode ?? 0, json });
        });
      },
    );
    req.on('timeout', () =>
      req.destroy(Object.assign(new Error('timeout'), { code: 'ETIMEDOUT' })),
    );
    req.on('error', reject);
    req.end(payload);
  });
}

/**
 * `POST /api/auth/candidate-login`: 准考证号 + exam code → candidate token and attempt. With a
 * `trust` the request goes only to a server the pinned site CA vouches for.
 */
export async function loginCandidate(
  serverUrl: string,
  admissionTicketNumber: string,
  examCode: string,
  clientKind: 'kiosk' | 'web',
  clientIntegrity?: string,
  trust?: SiteTrust,
  /** An enrolled kiosk's proof (docs/decisions/0216); a kiosk without one is refused. */
  kioskProof?: KioskProof,
): Promise<CandidateLoginResult> {
  let response: { status: number; json: unknown };
  try {
    response = await postJsonToSite(
      new URL('/api/auth/candidate-login', serverUrl),
      {
        admissionTicketNumber,
        examCode,
        clientKind,
        ...(clientIntegrity === undefined ? {} : { clientIntegrity }),
        ...(kioskProof === undefined ? {} : { kioskProof }),
      },
      trust,
    );
  } catch (error) {
    throw connectionFailure(serverUrl, error);
  }
  const reply = LoginReplySchema.safeParse(response.json);
  if (!reply.success)
    throw new LoginError('UNAVAILABLE', `考试服务器的应答无法识别 (HTTP ${response.status})`);
  if (!reply.data.ok) throw new LoginError(reply.data.error.code, reply.data.error.message);
  return reply.data.data;
}

/**
 * A socket that authenticates with the candidate token and reconnects forever; with a `trust`
 * every (re)connect verifies the server against the pinned site CA before the token is sent.
 */
export function connectExamSocket(
  serverUrl: string,
  token: string,
  trust?: SiteTrust,
  autoConnect = true,
): ExamSocket {
  return io(serverUrl, {
    auth: { token },
    autoConnect,
    transports: ['websocket'],
    reconnection: true,
    reconnectionDelay: 500,
    reconnectionDelayMax: 5_000,
    timeout: 10_000,
    ...(trust === undefined ? {} : trust.tls),
  });
}

/** Whether a socket.io connect_error is the pinned site's certificate check failing. */
export function isSocketCertificateFailure(error: unknown): boolean {
  return isCertificateFailure(error);
}

/**
 * Emits with an ack and a timeout through the shared typed caller (the reply is checked against
 * the contract); a timeout or disconnect rejects (the caller retries).
 */
export function request<E extends ClientEventName>(
  socket: ExamSocket,
  event: E,
  payload: ClientPayload<E>,
  timeoutMs = 5_000,
): Promise<Ack<ClientAckData<E>>> {
  return callSocket(asAckEmitter(socket), event, payload, timeoutMs);
}
