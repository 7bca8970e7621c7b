import type {
  Ack,
  AnswerValue,
  AttemptView,
  ClientToServerEvents,
  ServerToClientEvents,
} from '@skillexam/shared';
import { io, type Socket } from 'socket.io-client';

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

  static async login(
    serverUrl: string,
    ticket: string,
    examCode: string,
  ): Promise<CandidateClient> {
    const res = await fetch(`${serverUrl}/api/auth/candidate-login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ admissionTicketNumber: ticket, examCode, clientKind: 'kiosk' }),
    });
    const login = (await res.json()) as Ack<{ token: string; attempt: AttemptView }>;
    if (!login.ok) throw new Error(`candidate login ${ticket}: ${login.error.message}`);
    const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io(serverUrl, {
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

  async call(event: keyof ClientToServerEvents, payload: unknown): Promise<unknown> {
    const emitter = this.socket.timeout(5_000) as unknown as {
      emitWithAck(e: string, p: unknown): Promise<Ack<unknown>>;
    };
    const reply = await emitter.emitWithAck(event, payload);
    if (!reply.ok) throw new Error(`${event}: ${reply.error.code} ${reply.error.message}`);
    return reply.data;
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
