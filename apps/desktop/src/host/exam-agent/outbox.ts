import { errorMessage } from '@skillexam/shared';
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
      /** The exam is paused: answers stay in the journal and are sent after the resume. */
      readonly state: 'held';
      readonly pending: number;
      readonly message: string;
    }
  | {
      readonly state: 'rejected';
      readonly pending: number;
      readonly code: string;
      readonly message: string;
      /** The journaled event the server refused; it stays in the journal. */
      readonly seq: number;
      readonly itemId: string;
    };

export interface OutboxOptions {
  readonly initialBackoffMs?: number;
  readonly maxBackoffMs?: number;
  readonly onStatus?: (status: OutboxStatus) => void;
  /**
   * While held (PAUSED), how long before asking the server again even without a resume push
   * (a lost push must not strand answers); `kick()` after the resume sends at once.
   */
  readonly holdRetryMs?: number;
  /** Injected for tests; defaults to setTimeout. */
  readonly sleep?: (ms: number) => Promise<void>;
}

/** What the outbox does after a failed save (docs/decisions/0228). */
export type SaveFailureKind = 'transient' | 'hold' | 'permanent';

/**
 * PAUSED: hold and send after the resume. UNAVAILABLE, RATE_LIMITED, INTERNAL (and a timeout or
 * a dropped connection, which never reach here): retry with backoff. Everything else (BAD_REQUEST,
 * NOT_FOUND, FORBIDDEN, CONFLICT for a finished attempt or a passed deadline, UNAUTHORIZED,
 * CLIENT_REJECTED, unknown codes): re-sending cannot succeed; a person has to look.
 */
export function classifySaveFailure(code: string): SaveFailureKind {
  if (code === 'PAUSED') return 'hold';
  if (code === 'UNAVAILABLE' || code === 'RATE_LIMITED' || code === 'INTERNAL') return 'transient';
  return 'permanent';
}

/**
 * Drains the journal's unacked events to the server in seq order
 * (docs/architecture.md#the-answer-path, step 2): one at a time, retrying with exponential backoff
 * for as long as the exam is open. The server acks with its highest CONTIGUOUS seq, which may be
 * lower than the event sent (it lost an earlier one, e.g. after a restore); the outbox then resends
 * from there.
 */
export class Outbox {
  private running = false;
  private stopped = false;
  /** Bumped by every drain, so a stale hold timer does not kick a newer drain. */
  private generation = 0;
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
      holdRetryMs: options.holdRetryMs ?? 30_000,
      sleep: options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
    };
    this.onStatus = options.onStatus;
  }

  /** Starts draining if not already; call after every journaled answer and on reconnect. */
  kick(): Promise<void> {
    if (this.running || this.stopped) return Promise.resolve();
    this.running = true;
    this.generation += 1;
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
        const reason = errorMessage(error);
        this.emit({ state: 'retrying', pending, retryInMs: backoff, reason });
        await this.options.sleep(backoff);
        backoff = Math.min(backoff * 2, this.options.maxBackoffMs);
        continue;
      }
      // Stopped while the reply was on its way (the agent closed its journal): touch nothing.
      if (this.stopped) return;
      if (!reply.ok) {
        const kind = classifySaveFailure(reply.error.code);
        if (kind === 'hold') {
          this.emit({ state: 'held', pending, message: reply.error.message });
          this.retryAfterHold();
          return;
        }
        if (kind === 'permanent') {
          // Kept in the journal (never dropped): sent again on the next kick, shown meanwhile.
          this.emit({
            state: 'rejected',
            pending,
            code: reply.error.code,
            message: reply.error.message,
            seq: next.seq,
            itemId: next.itemId,
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

  /** Asks again later in case the resume push is lost; a kick() meanwhile makes this a no-op. */
  private retryAfterHold(): void {
    const generation = this.generation;
    void this.options.sleep(this.options.holdRetryMs).then(() => {
      if (generation === this.generation) void this.kick();
    });
  }

  private emit(status: OutboxStatus): void {
    this.onStatus?.(status);
  }
}
