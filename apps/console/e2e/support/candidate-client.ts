import { createPrivateKey, randomBytes, sign } from 'node:crypto';
import {
  asAckEmitter,
  callSocketData,
  candidateLoginProofFields,
  kioskProofMessage,
  type Ack,
  type AnswerValue,
  type AttemptView,
  type ClientAckData,
  type ClientEventName,
  type ClientPayload,
  type ClientToServerEvents,
  type KioskEnrollment,
  type ServerToClientEvents,
} from '@skillexam/shared';
import { io, type Socket } from 'socket.io-client';
import { postJson, siteTls } from './site-tls';

/** A candidate as a protocol client: HTTP login, a socket, identity, heartbeats and answers. */
export class CandidateClient {
  private seq = 0;
  private heartbeat: ReturnType<typeof setInterval> | undefined;
  /** Messages from the proctors (`attempt:message`), in arrival order. */
  readonly messages: string[] = [];

  private constructor(
    readonly attemptId: string,
    private readonly socket: Socket<ServerToClientEvents, ClientToServerEvents>,
  ) {}

  /** Logs in from the enrolled exam PC: the request carries the kiosk's Ed25519 proof (0216). */
  static async login(
    serverUrl: string,
    ticket: string,
    examCode: string,
    kiosk: Pick<KioskEnrollment, 'kioskId' | 'kioskPrivateKey'>,
  ): Promise<CandidateClient> {
    const request = { admissionTicketNumber: ticket, examCode };
    const proof = {
      kioskId: kiosk.kioskId,
      issuedAt: Date.now(),
      nonce: randomBytes(16).toString('base64url'),
    };
    const key = createPrivateKey({
      key: Buffer.from(kiosk.kioskPrivateKey, 'base64'),
      format: 'der',
      type: 'pkcs8',
    });
    const message = kioskProofMessage('candidate-login', proof, candidateLoginProofFields(request));
    const signature = sign(null, Buffer.from(message, 'utf8'), key).toString('base64url');
    const login = (await postJson(`${serverUrl}/api/auth/candidate-login`, {
      ...request,
      clientKind: 'kiosk',
      kioskProof: { ...proof, signature },
    })) as Ack<{ token: string; attempt: AttemptView }>;
    if (!login.ok) throw new Error(`candidate login ${ticket}: ${login.error.message}`);
    const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io(serverUrl, {
      ...(serverUrl.startsWith('https:') ? siteTls() : {}),
      auth: { token: login.data.token },
      transports: ['websocket'],
      forceNew: true,
      reconnection: false,
    });
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', resolve);
      socket.once('connect_error', reject);
    });
    const client = new CandidateClient(login.data.attempt.attemptId, socket);
    socket.on('attempt:message', (message) => client.messages.push(message.text));
    await client.call('attempt:heartbeat', { sentAt: Date.now() });
    client.heartbeat = setInterval(
      () => void client.call('attempt:heartbeat', { sentAt: Date.now() }),
      5_000,
    );
    return client;
  }

  call<E extends ClientEventName>(event: E, payload: ClientPayload<E>): Promise<ClientAckData<E>> {
    return callSocketData(asAckEmitter(this.socket), event, payload, 5_000);
  }

  confirmIdentity(): Promise<unknown> {
    return this.call('attempt:confirm-identity', {});
  }

  answer(itemId: string, value: AnswerValue): Promise<unknown> {
    this.seq += 1;
    return this.call('answer:save', {
      attemptId: this.attemptId,
      seq: this.seq,
      itemId,
      value,
      clientTime: new Date().toISOString(),
    });
  }

  close(): void {
    clearInterval(this.heartbeat);
    this.socket.close();
  }
}
