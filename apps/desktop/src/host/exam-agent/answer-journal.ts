import { rmSync } from 'node:fs';
import {
  AnswerValueSchema,
  answerStateHash,
  type AnswerEvent,
  type AnswerValue,
} from '@skillexam/shared';
import type { WritableDb } from '@skillexam/shared/sql';
import * as journalDb from './journal/journal-repository';
import { SealedContentStore } from './sealed-content-store';

/**
 * The kiosk's local answer journal (docs/architecture.md#the-answer-path, step 1): every answer
 * change is committed with `synchronous=FULL` (fsync) before `record` returns, so the UI may say
 * 已保存到本机. Unacked events form the outbox; the highest contiguous seq the server acked is kept.
 */
export class AnswerJournal {
  private readonly db: WritableDb;
  readonly attemptId: string;
  readonly path: string;
  /** The sealed paper and, once released, its content key (never plaintext). */
  readonly content: SealedContentStore;

  private constructor(db: WritableDb, path: string, attemptId: string) {
    this.db = db;
    this.path = path;
    this.attemptId = attemptId;
    this.content = new SealedContentStore(db);
  }

  /** Opens (or creates) the journal of `attemptId`; refuses a file of another attempt. */
  static open(path: string, attemptId: string, now: () => Date = () => new Date()): AnswerJournal {
    const db = journalDb.openJournalDb(path);
    try {
      const owner = journalDb.journalAttemptId(db);
      if (owner === undefined) {
        journalDb.insertAttempt(db, attemptId, now().toISOString());
      } else if (owner !== attemptId) {
        throw new Error(
          `考试日志 ${path} 属于另一场作答 ${owner}，不是 ${attemptId} (journal belongs to another attempt)`,
        );
      }
    } catch (error) {
      db.close();
      throw error;
    }
    return new AnswerJournal(db, path, attemptId);
  }

  /** Journals one answer change durably and returns the event to send. */
  record(itemId: string, value: AnswerValue, clientTime: Date): AnswerEvent {
    const parsed = AnswerValueSchema.parse(value);
    const seq = journalDb.appendEvent(
      this.db,
      itemId,
      JSON.stringify(parsed),
      clientTime.toISOString(),
    );
    return {
      attemptId: this.attemptId,
      seq,
      itemId,
      value: parsed,
      clientTime: clientTime.toISOString(),
    };
  }

  /** Events the server has not acknowledged yet, oldest first. */
  pending(limit = 1000): AnswerEvent[] {
    return journalDb.eventsAfter(this.db, this.ackedSeq(), limit).map((row) => this.toEvent(row));
  }

  /** Records the server's highest contiguous stored seq; never moves backwards. */
  acknowledge(ackedSeq: number): void {
    journalDb.raiseAckedSeq(this.db, ackedSeq, this.lastSeq());
  }

  /**
   * Adopts the server's highest contiguous seq even when it is LOWER than ours: the server is
   * authoritative about what it holds (e.g. it was restored from a backup), so everything
   * after it goes back into the outbox. Used on resync and when an ack comes back lower.
   */
  adoptServerAck(serverAckedSeq: number): void {
    const seq = Math.max(0, Math.min(serverAckedSeq, this.lastSeq()));
    journalDb.setAckedSeq(this.db, seq);
  }

  ackedSeq(): number {
    return journalDb.ackedSeq(this.db);
  }

  /** The highest seq used: journaled here, or acked by the server (after a move to this PC). */
  lastSeq(): number {
    return journalDb.lastSeq(this.db);
  }

  /**
   * Takes over the server's copy when this PC is behind it (a candidate moved to a spare PC,
   * or a journal lost): stores the server's answers as acknowledged events and continues
   * numbering above the server's seq, so no new answer can collide with one it already holds.
   */
  importServerState(
    serverAckedSeq: number,
    answers: readonly { itemId: string; seq: number; value: AnswerValue }[],
  ): void {
    journalDb.importAckedEvents(
      this.db,
      serverAckedSeq,
      answers.map((answer) => ({
        seq: answer.seq,
        itemId: answer.itemId,
        valueJson: JSON.stringify(AnswerValueSchema.parse(answer.value)),
      })),
    );
  }

  /** The latest value of every item, from every journaled event (what the candidate sees). */
  answers(): Map<string, AnswerValue> {
    return this.answersUpTo(Number.MAX_SAFE_INTEGER);
  }

  /** `answerStateHash` of the answers the server has acknowledged, for resync. */
  ackedStateHash(): string {
    return answerStateHash(this.answersUpTo(this.ackedSeq()));
  }

  /** Where the candidate was, so a restarted kiosk resumes at the same question. */
  position(): string | undefined {
    return journalDb.positionItemId(this.db) ?? undefined;
  }

  setPosition(itemId: string): void {
    journalDb.setPositionItemId(this.db, itemId);
  }

  flagged(): Set<string> {
    return new Set(journalDb.flaggedItemIds(this.db));
  }

  setFlag(itemId: string, flagged: boolean): void {
    journalDb.setFlag(this.db, itemId, flagged);
  }

  /** Runs `write` against this journal's connection (for the saved login, saved-login.ts). */
  withDb(write: (db: WritableDb) => void): void {
    if (this.db.open) write(this.db);
  }

  /** The connection's durability settings (tests assert WAL and synchronous=FULL = 2). */
  durability(): { journalMode: string; synchronous: number } {
    return journalDb.durability(this.db);
  }

  close(): void {
    if (this.db.open) this.db.close();
  }

  /** After the server's state hash matched: the journal is no longer needed. */
  destroy(): void {
    this.close();
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${this.path}${suffix}`, { force: true });
  }

  private answersUpTo(maxSeq: number): Map<string, AnswerValue> {
    const rows = journalDb.eventsUpTo(this.db, maxSeq);
    const answers = new Map<string, AnswerValue>();
    for (const row of rows)
      answers.set(row.item_id, AnswerValueSchema.parse(JSON.parse(row.value)));
    return answers;
  }

  private toEvent(row: journalDb.EventRow): AnswerEvent {
    return {
      attemptId: this.attemptId,
      seq: row.seq,
      itemId: row.item_id,
      value: AnswerValueSchema.parse(JSON.parse(row.value)),
      clientTime: row.client_time,
    };
  }
}
