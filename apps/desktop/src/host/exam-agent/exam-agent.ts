import { join } from 'node:path';
import {
  CodedError,
  type AnswerValue,
  type AttemptMessage,
  type AttemptView,
  type CandidateIdentity,
  type ClientAckData,
  type ClientPayload,
  type ClientToServerEvents,
  type KioskEventPayload,
  type SealedPaperPlaintext,
} from '@skillexam/shared';
import { AnswerJournal } from './answer-journal';
import { ContentRelease, type ContentState } from './content-release';
import { ExamClock } from './exam-clock';
import { Outbox, type OutboxStatus } from './outbox';
import { findSavedLogin, saveLogin, updateSavedAttempt } from './saved-login';
import {
  connectExamSocket,
  LoginError,
  loginCandidate,
  request,
  type ExamSocket,
} from './server-api';

export interface AgentStatus {
  readonly connection: 'connecting' | 'online' | 'offline';
  /** What the save badge says: 已同步到服务器 / 已保存到本机 / 离线 / rejected by the server. */
  readonly save: 'synced' | 'local' | 'offline' | 'rejected';
  /** Journaled answers the server has not acknowledged yet. */
  readonly pending: number;
  readonly attempt: AttemptView;
  readonly remainingMs?: number;
  readonly message?: string;
  readonly content: ContentState;
  readonly notices: AttemptMessage[];
}

export interface ExamAgentOptions {
  readonly serverUrl: string;
  /** Folder for journal.db files (one per attempt). */
  readonly journalDir: string;
  readonly clientKind: 'kiosk' | 'web';
  readonly onStatus?: (status: AgentStatus) => void;
  readonly heartbeatMs?: number;
  readonly now?: () => number;
  /** SHA-256 of the kiosk's bundled code (Electron main computes it; absent in the web shell). */
  readonly clientIntegrity?: string;
}

/** How many proctor messages the status keeps. */
const MAX_NOTICES = 5;

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
  private readonly content: ContentRelease;
  private identityView: CandidateIdentity | undefined;
  private readonly notices: AttemptMessage[] = [];
  private message: string | undefined;
  private readonly kioskEvents: KioskEventPayload[] = [];
  /** Set once the journal was reconciled and deleted: nothing more can be answered. */
  private ended = false;
  /** Set by close(): late callbacks (downloads, acks) must not touch the closed journal. */
  private closed = false;

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
    this.content = new ContentRelease(
      this.journal.content,
      {
        sealedPaper: () => this.call('attempt:sealed-paper', {}),
        contentKey: () => this.call('attempt:content-key', {}),
      },
      attempt.attemptId,
      this.now,
    );
    this.socket = connectExamSocket(options.serverUrl, token);
    this.socket.on('connect', () => void this.onConnect());
    this.socket.on('disconnect', () => {
      this.connection = 'offline';
      this.publish();
    });
    this.socket.on('attempt:changed', (view) => this.adopt(view));
    this.socket.on('attempt:message', (message) => {
      this.notices.push(message);
      this.notices.splice(0, Math.max(0, this.notices.length - MAX_NOTICES));
      this.publish();
    });
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
      options.clientIntegrity,
    );
    const agent = new ExamAgent(options, login.token, login.attempt);
    agent.journal.withDb((db) =>
      saveLogin(db, admissionTicketNumber, examCode, login.token, login.attempt, agent.now()),
    );
    return agent;
  }

  /**
   * Logs in, or — when the server cannot be reached — resumes the attempt this candidate
   * already started on this PC from its journal (same ticket and exam code): answers, the sealed
   * paper and, if released, its key are all there; the socket connects when the server is back.
   */
  static async startOrResume(
    options: ExamAgentOptions,
    admissionTicketNumber: string,
    examCode: string,
  ): Promise<ExamAgent> {
    try {
      return await ExamAgent.start(options, admissionTicketNumber, examCode);
    } catch (error) {
      if (!(error instanceof LoginError) || error.code !== 'UNAVAILABLE') throw error;
      const now = options.now ?? Date.now;
      const saved = findSavedLogin(options.journalDir, admissionTicketNumber, examCode, now());
      if (saved === undefined) throw error;
      const agent = new ExamAgent(options, saved.token, saved.attempt);
      agent.connection = 'offline';
      agent.publish();
      return agent;
    }
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
      content: this.ended ? 'none' : this.content.state(),
      notices: [...this.notices],
    };
  }

  /** The server URL this agent talks to (the exit prompt verifies proctors there). */
  get serverUrl(): string {
    return this.options.serverUrl;
  }

  async confirmIdentity(): Promise<AttemptView> {
    return this.adopt(await this.call('attempt:confirm-identity', {}));
  }

  /** 身份核对 data (photo, occupation, level, seat); asked once per login. */
  async identity(): Promise<CandidateIdentity> {
    this.identityView ??= await this.call('attempt:identity', {});
    return this.identityView;
  }

  /**
   * The candidate's own paper and its images, opened in memory from the sealed copy in the
   * journal with the content key the server releases at the start.
   */
  async paper(): Promise<SealedPaperPlaintext> {
    return this.content.open(this.attempt);
  }

  /** Resolves when any download in flight (sealed paper, key) has finished. Used by tests. */
  async settled(): Promise<void> {
    await this.content.prefetch(this.attempt);
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
    this.closed = true;
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
    void this.content.prefetch(this.attempt).then(() => this.publish());
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
    if (!this.closed) this.journal.withDb((db) => updateSavedAttempt(db, view, this.now()));
    this.clock.addSample({
      sentAt: this.now(),
      receivedAt: this.now(),
      serverTime: view.serverTime,
    });
    this.clock.setDeadline(view.deadlineAt, view.pausedAt);
    this.publish();
    if (!this.ended && !this.closed && this.socket.connected) {
      void this.content.prefetch(view).then(() => this.publish());
    }
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
    if (this.closed) return;
    this.options.onStatus?.(this.status());
  }
}

/** One journal file per attempt; the id is sanitised so it can never leave the folder. */
export function journalPath(journalDir: string, attemptId: string): string {
  return join(journalDir, `${attemptId.replace(/[^A-Za-z0-9_-]/g, '_')}.journal.db`);
}
