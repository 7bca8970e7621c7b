import { mkdirSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import {
  AnswerValueSchema,
  answerStateHash,
  runMigrations,
  type AnswerEvent,
  type AnswerValue,
} from '@skillexam/shared';
import { JOURNAL_MIGRATIONS } from './journal-schema';
import { SealedContentStore } from './sealed-content-store';

interface EventRow {
  seq: number;
  item_id: string;
  value: string;
  client_time: string;
}

/**
 * The kiosk's local answer journal (docs/architecture.md#the-answer-path, step 1): every answer
 * change is committed with `synchronous=FULL` (fsync) before `record` returns, so the UI may say
 * 已保存到本机. Unacked events form the outbox; the highest contiguous seq the server acked is kept.
 */
export class AnswerJournal {
  private readonly db: Database.Database;
  readonly attemptId: string;
  readonly path: string;
  /** The sealed paper and, once released, its content key (never plaintext). */
  readonly content: SealedContentStore;

  private constructor(db: Database.Database, path: string, attemptId: string) {
    this.db = db;
    this.path = path;
    this.attemptId = attemptId;
    this.content = new SealedContentStore(db);
  }

  /** Opens (or creates) the journal of `attemptId`; refuses a file of another attempt. */
  static open(path: string, attemptId: string, now: () => Date = () => new Date()): AnswerJournal {
    mkdirSync(dirname(path), { recursive: true });
    const db = new Database(path);
    try {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = FULL');
      runMigrations(db, JOURNAL_MIGRATIONS, { what: '考试日志' });
      const row = db.prepare('SELECT attempt_id FROM attempt WHERE id = 1').get() as
        { attempt_id: string } | undefined;
      if (row === undefined) {
        db.prepare('INSERT INTO attempt (id, attempt_id, created_at) VALUES (1, ?, ?)').run(
          attemptId,
          now().toISOString(),
        );
      } else if (row.attempt_id !== attemptId) {
        throw new Error(
          `考试日志 ${path} 属于另一场作答 ${row.attempt_id}，不是 ${attemptId} (journal belongs to another attempt)`,
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
    const insert = this.db.transaction(() => {
      const next = this.lastSeq() + 1;
      this.db
        .prepare('INSERT INTO events (seq, item_id, value, client_time) VALUES (?, ?, ?, ?)')
        .run(next, itemId, JSON.stringify(parsed), clientTime.toISOString());
      return next;
    });
    const seq = insert();
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
    const rows = this.db
      .prepare('SELECT * FROM events WHERE seq > ? ORDER BY seq LIMIT ?')
      .all(this.ackedSeq(), limit) as EventRow[];
    return rows.map((row) => this.toEvent(row));
  }

  /** Records the server's highest contiguous stored seq; never moves backwards. */
  acknowledge(ackedSeq: number): void {
    const last = this.lastSeq();
    this.db
      .prepare('UPDATE attempt SET acked_seq = max(acked_seq, min(?, ?)) WHERE id = 1')
      .run(ackedSeq, last);
  }

  /**
   * Adopts the server's highest contiguous seq even when it is LOWER than ours: the server is
   * authoritative about what it holds (e.g. it was restored from a backup), so everything
   * after it goes back into the outbox. Used on resync and when an ack comes back lower.
   */
  adoptServerAck(serverAckedSeq: number): void {
    const seq = Math.max(0, Math.min(serverAckedSeq, this.lastSeq()));
    this.db.prepare('UPDATE attempt SET acked_seq = ? WHERE id = 1').run(seq);
  }

  ackedSeq(): number {
    return (
      this.db.prepare('SELECT acked_seq FROM attempt WHERE id = 1').get() as { acked_seq: number }
    ).acked_seq;
  }

  /** The highest seq used: journaled here, or acked by the server (after a move to this PC). */
  lastSeq(): number {
    const row = this.db
      .prepare(
        'SELECT max(coalesce((SELECT max(seq) FROM events), 0), (SELECT acked_seq FROM attempt WHERE id = 1)) AS s',
      )
      .get() as { s: number };
    return row.s;
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
    const importAll = this.db.transaction(() => {
      const insert = this.db.prepare(
        'INSERT OR IGNORE INTO events (seq, item_id, value, client_time) VALUES (?, ?, ?, ?)',
      );
      for (const answer of answers) {
        const value = JSON.stringify(AnswerValueSchema.parse(answer.value));
        insert.run(answer.seq, answer.itemId, value, 'server');
      }
      this.db.prepare('UPDATE attempt SET acked_seq = ? WHERE id = 1').run(serverAckedSeq);
    });
    importAll();
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
    const row = this.db.prepare('SELECT position_item_id AS p FROM attempt WHERE id = 1').get() as {
      p: string | null;
    };
    return row.p ?? undefined;
  }

  setPosition(itemId: string): void {
    this.db.prepare('UPDATE attempt SET position_item_id = ? WHERE id = 1').run(itemId);
  }

  flagged(): Set<string> {
    const rows = this.db.prepare('SELECT item_id FROM flags WHERE flagged = 1').all() as {
      item_id: string;
    }[];
    return new Set(rows.map((r) => r.item_id));
  }

  setFlag(itemId: string, flagged: boolean): void {
    this.db
      .prepare(
        'INSERT INTO flags (item_id, flagged) VALUES (?, ?) ON CONFLICT (item_id) DO UPDATE SET flagged = excluded.flagged',
      )
      .run(itemId, flagged ? 1 : 0);
  }

  /** Runs `write` against this journal's connection (for the saved login, saved-login.ts). */
  withDb(write: (db: Database.Database) => void): void {
    if (this.db.open) write(this.db);
  }

  /** The connection's durability settings (tests assert WAL and synchronous=FULL = 2). */
  durability(): { journalMode: string; synchronous: number } {
    return {
      journalMode: String(this.db.pragma('journal_mode', { simple: true })),
      synchronous: Number(this.db.pragma('synchronous', { simple: true })),
    };
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
    const rows = this.db
      .prepare('SELECT * FROM events WHERE seq <= ? ORDER BY seq')
      .all(maxSeq) as EventRow[];
    const answers = new Map<string, AnswerValue>();
    for (const row of rows)
      answers.set(row.item_id, AnswerValueSchema.parse(JSON.parse(row.value)));
    return answers;
  }

  private toEvent(row: EventRow): AnswerEvent {
    return {
      attemptId: this.attemptId,
      seq: row.seq,
      itemId: row.item_id,
      value: AnswerValueSchema.parse(JSON.parse(row.value)),
      clientTime: row.client_time,
    };
  }
}
