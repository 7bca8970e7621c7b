import { CodedError, type AnswerEvent } from '@skillexam/shared';
import type { Logger } from 'pino';
import type { AuditLog } from '../audit/audit-log';
import { transaction, type WritableDb } from '@skillexam/shared/sql';
import {
  attemptAckedSeq,
  insertAnswerEvent,
  setAttemptAckedSeq,
  storedSeqsAfter,
  upsertCurrentAnswer,
} from './answer-repository';

interface Pending {
  readonly event: AnswerEvent;
  readonly receivedAt: number;
  readonly resolve: (ackedSeq: number) => void;
  readonly reject: (error: Error) => void;
}

export interface CollectorOptions {
  readonly flushDelayMs: number;
  readonly maxBatch: number;
}

export interface CollectorStats {
  readonly batches: number;
  readonly events: number;
  readonly duplicates: number;
}

/**
 * Group commit (docs/architecture.md#the-answer-path, step 3): answer events wait a few
 * milliseconds in memory, then all of them are written in ONE transaction together with their audit
 * records, and each sender is acked only after that commit, with the highest contiguous seq stored
 * for its attempt. `flushNow` is synchronous, so any state change (submit, void, move) can flush
 * first.
 */
export class AnswerCollector {
  private queue: Pending[] = [];
  private timer: NodeJS.Timeout | undefined;
  private closed = false;
  private statsValue = { batches: 0, events: 0, duplicates: 0 };

  constructor(
    private readonly db: WritableDb,
    private readonly audit: AuditLog,
    private readonly now: () => number,
    private readonly logger: Logger,
    private readonly options: CollectorOptions,
  ) {}

  get stats(): CollectorStats {
    return { ...this.statsValue };
  }

  /** Queues an already validated event; resolves with the acked seq once it is durable. */
  enqueue(event: AnswerEvent): Promise<number> {
    if (this.closed)
      return Promise.reject(new CodedError('UNAVAILABLE', '服务器正在关闭，请稍后重试'));
    return new Promise<number>((resolve, reject) => {
      this.queue.push({ event, receivedAt: this.now(), resolve, reject });
      if (this.queue.length >= this.options.maxBatch) {
        this.flushNow();
      } else if (this.timer === undefined) {
        this.timer = setTimeout(() => this.flushNow(), this.options.flushDelayMs);
      }
    });
  }

  flushNow(): void {
    if (this.timer !== undefined) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    if (this.queue.length === 0) return;
    const batch = this.queue;
    this.queue = [];
    let acked: Map<string, number>;
    try {
      acked = this.commit(batch);
    } catch (error) {
      this.logger.error({ err: error, events: batch.length }, 'answer batch commit failed');
      const failure = new CodedError(
        'UNAVAILABLE',
        '答案暂时无法保存，请重试 (answers not saved, retry)',
      );
      for (const pending of batch) pending.reject(failure);
      return;
    }
    for (const pending of batch) pending.resolve(acked.get(pending.event.attemptId) ?? 0);
  }

  /** Flushes what is queued and refuses further events. */
  close(): void {
    this.flushNow();
    this.closed = true;
  }

  private commit(batch: readonly Pending[]): Map<string, number> {
    const db = this.db;
    return transaction(db, () => {
      const touched = new Set<string>();
      for (const { event, receivedAt } of batch) {
        touched.add(event.attemptId);
        const valueJson = JSON.stringify(event.value);
        if (!insertAnswerEvent(db, event, valueJson, receivedAt)) {
          this.statsValue.duplicates += 1;
          continue; // idempotent: a re-delivered (attempt, seq) is re-acked, never re-applied
        }
        upsertCurrentAnswer(db, event, valueJson);
        this.audit.append(
          db,
          {
            actor: `candidate:${event.attemptId}`,
            action: 'answer.save',
            payload: {
              attemptId: event.attemptId,
              seq: event.seq,
              itemId: event.itemId,
              value: event.value,
            },
          },
          receivedAt,
        );
      }
      const acked = new Map<string, number>();
      for (const attemptId of touched) acked.set(attemptId, advanceAckedSeq(db, attemptId));
      this.statsValue.batches += 1;
      this.statsValue.events += batch.length;
      return acked;
    });
  }
}

/** Moves attempts.acked_seq over every contiguous seq now stored and returns it. */
export function advanceAckedSeq(db: WritableDb, attemptId: string): number {
  const current = attemptAckedSeq(db, attemptId);
  let acked = current;
  for (;;) {
    const next = storedSeqsAfter(db, attemptId, acked, 256);
    let advanced = false;
    for (const seq of next) {
      if (seq !== acked + 1) break;
      acked = seq;
      advanced = true;
    }
    if (!advanced || next.length < 256) break;
  }
  if (acked !== current) setAttemptAckedSeq(db, attemptId, acked);
  return acked;
}
