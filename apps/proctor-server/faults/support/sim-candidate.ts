import {
  answerStateHash,
  asAckEmitter,
  callSocket,
  type AnswerEvent,
  type AnswerValue,
  type ClientToServerEvents,
  type ServerToClientEvents,
} from '@skillexam/shared';
import { io as ioc, type Socket } from 'socket.io-client';

type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

const ITEMS: readonly { itemId: string; make: (r: () => number) => AnswerValue }[] = [
  ...[1, 2, 3, 4].map((n) => ({
    itemId: `tf${n}`,
    make: (r: () => number): AnswerValue => ({ kind: 'true_false', value: r() < 0.5 }),
  })),
  ...[1, 2, 3, 4].map((n) => ({
    itemId: `sc${n}`,
    make: (r: () => number): AnswerValue => ({
      kind: 'choice',
      selected: [(['A', 'B', 'C', 'D'] as const)[Math.floor(r() * 4)] ?? 'A'],
    }),
  })),
  {
    itemId: 'fb1',
    make: (r) => ({ kind: 'blanks', values: { b1: String(Math.floor(r() * 100)) } }),
  },
  { itemId: 'sa1', make: (r) => ({ kind: 'text', text: `答案${Math.floor(r() * 1e6)}` }) },
];

export interface FaultOptions {
  /** Probability that a send is delivered twice. */
  readonly duplicate: number;
  /** Probability that the next two events are sent in swapped order. */
  readonly reorder: number;
}

/**
 * A kiosk as the fault suite and the benchmark see it: an in-memory journal of answer events,
 * an outbox that sends unacked events with the shared caller (socket-call.ts) and a timeout and
 * retries forever, and a resync on every (re)connect (docs/architecture.md#the-answer-path).
 */
export class SimCandidate {
  readonly journal: AnswerEvent[] = [];
  /** Highest seq the server acked (every seq ≤ it is durable on the server). */
  maxAcked = 0;
  /** Seqs stored above the contiguous prefix, learned from resync. */
  private storedAbove = new Set<number>();
  readonly socket: ClientSocket;
  private sending = false;
  readonly ackLatencies: number[] = [];
  errors = 0;
  lastError = '';
  closed = false;

  constructor(
    url: string,
    token: string,
    readonly attemptId: string,
    private readonly random: () => number,
    private readonly faults: FaultOptions,
    private readonly ackTimeoutMs = 3000,
    tls: { readonly ca?: string[] } = {},
  ) {
    this.socket = ioc(url, {
      ...tls,
      transports: ['websocket'],
      forceNew: true,
      auth: { token },
      reconnectionDelay: 100,
      reconnectionDelayMax: 1000,
      randomizationFactor: 0.5,
    });
    this.socket.on('connect', () => void this.resync());
  }

  /** The candidate changes an answer: journaled, then sent. */
  answer(): void {
    const item = ITEMS[Math.floor(this.random() * ITEMS.length)] ?? ITEMS[0];
    if (item === undefined) return;
    this.journal.push({
      attemptId: this.attemptId,
      seq: this.journal.length + 1,
      itemId: item.itemId,
      value: item.make(this.random),
      clientTime: new Date().toISOString(),
    });
    void this.pump();
  }

  stateOf(events: readonly AnswerEvent[]): Map<string, AnswerValue> {
    const state = new Map<string, AnswerValue>();
    for (const event of events) state.set(event.itemId, event.value);
    return state;
  }

  private async resync(): Promise<void> {
    try {
      const reply = await callSocket(
        asAckEmitter(this.socket),
        'attempt:resync',
        {
          attemptId: this.attemptId,
          clientSeq: this.journal.length,
          stateHash: answerStateHash(this.stateOf(this.journal)),
        },
        this.ackTimeoutMs,
      );
      if (reply.ok) {
        this.maxAcked = Math.max(this.maxAcked, reply.data.ackedSeq);
        this.storedAbove = new Set(reply.data.storedAbove);
      }
    } catch {
      // timed out or disconnected; the next connect resyncs again
    }
    void this.pump();
  }

  private nextUnacked(after: number): AnswerEvent | undefined {
    for (let seq = after + 1; seq <= this.journal.length; seq++) {
      if (!this.storedAbove.has(seq)) return this.journal[seq - 1];
    }
    return undefined;
  }

  private async send(event: AnswerEvent): Promise<void> {
    const started = performance.now();
    const reply = await callSocket(
      asAckEmitter(this.socket),
      'answer:save',
      event,
      this.ackTimeoutMs,
    );
    if (reply.ok) {
      this.ackLatencies.push(performance.now() - started);
      this.maxAcked = Math.max(this.maxAcked, reply.data.ackedSeq);
      if (reply.data.ackedSeq < event.seq) this.storedAbove.add(event.seq);
    } else {
      this.errors += 1;
      this.lastError = `${reply.error.code}: ${reply.error.message}`;
    }
  }

  /** Sends unacked events one at a time (with injected duplicates and swaps) until none is left. */
  async pump(): Promise<void> {
    if (this.sending || this.closed) return;
    this.sending = true;
    try {
      for (;;) {
        if (!this.socket.connected || this.closed) break;
        const event = this.nextUnacked(this.maxAcked);
        if (event === undefined) break;
        const after = this.nextUnacked(event.seq);
        try {
          if (after !== undefined && this.random() < this.faults.reorder) {
            await Promise.all([this.send(after), this.send(event)]);
          } else if (this.random() < this.faults.duplicate) {
            await Promise.all([this.send(event), this.send(event)]);
          } else {
            await this.send(event);
          }
        } catch {
          await new Promise((r) => setTimeout(r, 100)); // timeout: retry after a pause
        }
        if (this.errors > 0 && !this.lastError.startsWith('UNAVAILABLE')) break;
      }
    } finally {
      this.sending = false;
    }
  }

  dropConnection(): void {
    this.socket.disconnect();
    setTimeout(() => this.socket.connect(), 50 + this.random() * 300);
  }

  close(): void {
    this.closed = true;
    this.socket.disconnect();
  }
}
