import { join } from 'node:path';
import {
  CodedError,
  type AnswerValue,
  type AttemptView,
  type CandidatePaper,
  type ClientAckData,
  type ClientPayload,
  type ClientToServerEvents,
  type KioskEventPayload,
} from '@skillexam/shared';
import { AnswerJournal } from './answer-journal';
import { ExamClock } from './exam-clock';
import { Outbox, type OutboxStatus } from './outbox';
import { connectExamSocket, loginCandidate, request, type ExamSocket } from './server-api';

export interface AgentStatus {
  readonly connection: 'connecting' | 'online' | 'offline';
  /** What the save badge says: 已同步到服务器 / 已保存到本机 / 离线 / rejected by the server. */
  readonly save: 'synced' | 'local' | 'offline' | 'rejected';
  /** Journaled answers the server has not acknowledged yet. */
  readonly pending: number;
  readonly attempt: AttemptView;
  readonly remainingMs?: number;
  readonly message?: string;
}

export interface ExamAgentOptions {
  readonly serverUrl: string;
  /** Folder for journal.db files (one per attempt). */
  readonly journalDir: string;
  readonly clientKind: 'kiosk' | 'web';
  readonly onStatus?: (status: AgentStatus) => void;
  readonly heartbeatMs?: number;
  readonly now?: () => number;
}

/**
 * The exam agent (DESIGN.md §6): journal first, then the server. Runs under plain Node in the
 * host: the web shell and Electron's main process both use it. Every answer is committed to
 * journal.db before `answer` returns; the outbox sends in order and retries forever; every
 * (re)connect resyncs with the server's highest contiguous seq and state hash.
 */
export class ExamAgent {
  private readonly options: ExamAgentOptions;
  private readonly journal: AnswerJournal;
  private readonly outbox: Outbox;
  private readonly clock: ExamClock;
  private readonly socket: ExamSocket;
  private readonly now: () => number;
  private attempt: AttemptView;
  private connection: AgentStatus['connection'] = 'connecting';
  private outboxState: OutboxStatus = { state: 'synced' };
  private heartbeat: ReturnType<typeof setInterval> | undefined;
  private cachedPaper: CandidatePaper | undefined;
  private message: string | undefined;
  private readonly kioskEvents: KioskEventPayload[] = [];
  /** Set once the journal was reconciled and deleted: nothing more can be answered. */
  private ended = false;

  private constructor(options: ExamAgentOptions, token: string, attempt: AttemptView) {
    this.options = options;
    this.now = options.now ?? Date.now;
    this.attempt = attempt;
    this.clock = new ExamClock(this.now);
    this.journal = AnswerJournal.open(
      journalPath(options.journalDir, attempt.attemptId),
      attempt.attemptId,
    );
    this.outbox = new Outbox(this.journal, (event) => request(this.socket, 'answer:save', event), {
      onStatus: (status) => {
        this.outboxState = status;
        this.publish();
      },
    });
    this.socket = connectExamSocket(options.serverUrl, token);
    this.socket.on('connect', () => void this.onConnect());
    this.socket.on('disconnect', () => {
      this.connection = 'offline';
      this.publish();
    });
    this.socket.on('attempt:changed', (view) => this.adopt(view));
    this.socket.on('attempt:revoked', (notice) => {
      this.message = notice.reason;
      this.outbox.stop();
      this.publish();
    });
    this.adopt(attempt);
  }

  /** Logs in with 准考证号 + exam code, opens (or reopens) the journal and connects. */
  static async start(
    options: ExamAgentOptions,
    admissionTicketNumber: string,
    examCode: string,
  ): Promise<ExamAgent> {
    const login = await loginCandidate(
      options.serverUrl,
      admissionTicketNumber,
      examCode,
      options.clientKind,
    );
    return new ExamAgent(options, login.token, login.attempt);
  }

  status(): AgentStatus {
    const pending = this.ended ? 0 : this.journal.lastSeq() - this.journal.ackedSeq();
    const save: AgentStatus['save'] =
      this.outboxState.state === 'rejected'
        ? 'rejected'
        : this.connection === 'offline'
          ? 'offline'
          : pending === 0
            ? 'synced'
            : 'local';
    const remainingMs = this.clock.remainingMs();
    const message = this.outboxState.state === 'rejected' ? this.outboxState.message : this.message;
    return {
      connection: this.connection,
      save,
      pending,
      attempt: this.attempt,
      ...(remainingMs === undefined ? {} : { remainingMs }),
      ...(message === undefined ? {} : { message }),
    };
  }

  async confirmIdentity(): Promise<AttemptView> {
    return this.adopt(await this.call('attempt:confirm-identity', {}));
  }

  /** The candidate's paper; the server releases it once the session has started. */
  async paper(): Promise<CandidatePaper> {
    this.cachedPaper ??= await this.call('attempt:paper', {});
    return this.cachedPaper;
  }

  /** Reports what the kiosk detected (focus lost, displays, VM, remote tools) to the proctors. */
  reportKioskEvent(kind: KioskEventPayload['kind'], detail: string): void {
    this.kioskEvents.push({ kind, detail, clientTime: new Date(this.now()).toISOString() });
    void this.flushKioskEvents();
  }

  private async flushKioskEvents(): Promise<void> {
    while (this.socket.connected && this.kioskEvents.length > 0) {
      const next = this.kioskEvents[0];
      if (next === undefined) return;
      try {
        await this.call('kiosk:event', next);
      } catch {
        return; // kept; sent again on the next connect
      }
      this.kioskEvents.shift();
    }
  }

  /** Journals an answer durably (已保存到本机) and starts sending it. */
  answer(itemId: string, value: AnswerValue): number {
    if (this.ended) throw new CodedError('CONFLICT', '本场考试已结束，不能再作答');
    const event = this.journal.record(itemId, value, new Date(this.now()));
    this.publish();
    void this.outbox.kick();
    return event.seq;
  }

  answers(): Map<string, AnswerValue> {
    return this.ended ? new Map() : this.journal.answers();
  }

  flagged(): Set<string> {
    return this.journal.flagged();
  }

  setFlag(itemId: string, flagged: boolean): void {
    this.journal.setFlag(itemId, flagged);
  }

  setPosition(itemId: string): void {
    this.journal.setPosition(itemId);
  }

  position(): string | undefined {
    return this.journal.position();
  }

  /** Submits after every answer reached the server, then reconciles (see `reconcile`). */
  async submit(): Promise<AttemptView> {
    await this.drain();
    const view = this.adopt(await this.call('attempt:submit', {}));
    await this.reconcile();
    return view;
  }

  /**
   * After the attempt ended (submitted here, force-submitted or at the deadline): compares the
   * server's state hash with the journal's; only a match deletes the journal. Returns whether
   * it matched (a mismatch keeps the journal for the proctors to recover from).
   */
  async reconcile(): Promise<boolean> {
    if (this.ended) return true;
    await this.drain();
    const check = await this.call('attempt:resync', {
      attemptId: this.attempt.attemptId,
      clientSeq: this.journal.lastSeq(),
      stateHash: this.journal.ackedStateHash(),
    });
    if (check.inSync && check.ackedSeq === this.journal.lastSeq()) {
      this.ended = true;
      this.outbox.stop();
      this.journal.destroy();
      this.publish();
      return true;
    }
    return false;
  }

  private async drain(): Promise<void> {
    await this.outbox.kick();
    if (this.journal.pending().length > 0) {
      throw new CodedError('UNAVAILABLE', '还有答案未上传到服务器，请等待网络恢复后再交卷');
    }
  }

  close(): void {
    if (this.heartbeat !== undefined) clearInterval(this.heartbeat);
    this.outbox.stop();
    this.socket.close();
    this.journal.close();
  }

  private async onConnect(): Promise<void> {
    this.connection = 'online';
    if (this.ended) {
      this.publish();
      return;
    }
    try {
      const sentAt = this.now();
      const result = await this.call('attempt:resync', {
        attemptId: this.attempt.attemptId,
        clientSeq: this.journal.lastSeq(),
        stateHash: this.journal.ackedStateHash(),
      });
      this.clock.addSample({ sentAt, receivedAt: this.now(), serverTime: result.serverTime });
      if (result.ackedSeq > this.journal.lastSeq() && result.answers !== undefined) {
        this.journal.importServerState(result.ackedSeq, result.answers);
      } else {
        this.journal.adoptServerAck(result.ackedSeq);
      }
    } catch (error) {
      this.message = error instanceof Error ? error.message : String(error);
    }
    this.publish();
    void this.outbox.kick();
    void this.flushKioskEvents();
    this.heartbeat ??= setInterval(() => void this.beat(), this.options.heartbeatMs ?? 5_000);
  }

  private async beat(): Promise<void> {
    if (!this.socket.connected) return;
    const sentAt = this.now();
    try {
      const result = await this.call('attempt:heartbeat', { sentAt });
      this.clock.addSample({ sentAt, receivedAt: this.now(), serverTime: result.serverTime });
      this.clock.setDeadline(result.deadlineAt);
      this.publish();
    } catch {
      // a missed heartbeat changes nothing; the next one or a reconnect catches up
    }
  }

  private adopt(view: AttemptView): AttemptView {
    this.attempt = view;
    this.clock.addSample({
      sentAt: this.now(),
      receivedAt: this.now(),
      serverTime: view.serverTime,
    });
    this.clock.setDeadline(view.deadlineAt, view.pausedAt);
    this.publish();
    return view;
  }

  private async call<E extends keyof ClientToServerEvents>(
    event: E,
    payload: ClientPayload<E>,
  ): Promise<ClientAckData<E>> {
    const reply = await request(this.socket, event, payload);
    if (!reply.ok) throw new CodedError(reply.error.code, reply.error.message);
    return reply.data;
  }

  private publish(): void {
    this.options.onStatus?.(this.status());
  }
}

/** One journal file per attempt; the id is sanitised so it can never leave the folder. */
export function journalPath(journalDir: string, attemptId: string): string {
  return join(journalDir, `${attemptId.replace(/[^A-Za-z0-9_-]/g, '_')}.journal.db`);
}
