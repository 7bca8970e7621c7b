import type { Ack, AnswerEvent, AnswerSaveResult } from '@skillexam/shared';
import type { AnswerJournal } from './answer-journal';

/** Sends one event and resolves with the server's ack; rejects on timeout or disconnect. */
export type SaveTransport = (event: AnswerEvent) => Promise<Ack<AnswerSaveResult>>;

export type OutboxStatus =
  | { readonly state: 'synced' }
  | { readonly state: 'sending'; readonly pending: number }
  | {
      readonly state: 'retrying';
      readonly pending: number;
      readonly retryInMs: number;
      readonly reason: string;
    }
  | {
      readonly state: 'rejected';
      readonly pending: number;
      readonly code: string;
      readonly message: string;
    };

export interface OutboxOptions {
  readonly initialBackoffMs?: number;
  readonly maxBackoffMs?: number;
  readonly onStatus?: (status: OutboxStatus) => void;
  /** Injected for tests; defaults to setTimeout. */
  readonly sleep?: (ms: number) => Promise<void>;
}

/** Error codes after which re-sending the same event cannot succeed. */
const PERMANENT = new Set(['BAD_REQUEST', 'FORBIDDEN', 'NOT_FOUND', 'CONFLICT', 'UNAUTHORIZED']);

/**
 * Drains the journal's unacked events to the server in seq order (DESIGN.md §6 step 2):
 * one at a time, retrying with exponential backoff for as long as the exam is open.
 * The server acks with its highest CONTIGUOUS seq, which may be lower than the event sent
 * (it lost an earlier one, e.g. after a restore); the outbox then resends from there.
 */
export class Outbox {
  private running = false;
  private stopped = false;
  private readonly journal: AnswerJournal;
  private readonly transport: SaveTransport;
  private readonly options: Required<Omit<OutboxOptions, 'onStatus'>>;
  private readonly onStatus: ((status: OutboxStatus) => void) | undefined;

  constructor(journal: AnswerJournal, transport: SaveTransport, options: OutboxOptions = {}) {
    this.journal = journal;
    this.transport = transport;
    this.options = {
      initialBackoffMs: options.initialBackoffMs ?? 500,
      maxBackoffMs: options.maxBackoffMs ?? 15_000,
      sleep: options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
    };
    this.onStatus = options.onStatus;
  }

  /** Starts draining if not already; call after every journaled answer and on reconnect. */
  kick(): Promise<void> {
    if (this.running || this.stopped) return Promise.resolve();
    this.running = true;
    return this.drain().finally(() => {
      this.running = false;
    });
  }

  stop(): void {
    this.stopped = true;
  }

  private async drain(): Promise<void> {
    let backoff = this.options.initialBackoffMs;
    for (;;) {
      if (this.stopped) return;
      const next = this.journal.pending(1)[0];
      if (next === undefined) {
        this.emit({ state: 'synced' });
        return;
      }
      const pending = this.journal.lastSeq() - this.journal.ackedSeq();
      this.emit({ state: 'sending', pending });
      let reply: Ack<AnswerSaveResult>;
      try {
        reply = await this.transport(next);
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        this.emit({ state: 'retrying', pending, retryInMs: backoff, reason });
        await this.options.sleep(backoff);
        backoff = Math.min(backoff * 2, this.options.maxBackoffMs);
        continue;
      }
      // Stopped while the reply was on its way (the agent closed its journal): touch nothing.
      if (this.stopped) return;
      if (!reply.ok) {
        if (PERMANENT.has(reply.error.code)) {
          this.emit({
            state: 'rejected',
            pending,
            code: reply.error.code,
            message: reply.error.message,
          });
          return;
        }
        this.emit({ state: 'retrying', pending, retryInMs: backoff, reason: reply.error.message });
        await this.options.sleep(backoff);
        backoff = Math.min(backoff * 2, this.options.maxBackoffMs);
        continue;
      }
      backoff = this.options.initialBackoffMs;
      if (reply.data.ackedSeq < this.journal.ackedSeq()) {
        // The server holds less than we thought: resend everything after its contiguous seq.
        this.journal.adoptServerAck(reply.data.ackedSeq);
      } else {
        this.journal.acknowledge(reply.data.ackedSeq);
      }
    }
  }

  private emit(status: OutboxStatus): void {
    this.onStatus?.(status);
  }
}
