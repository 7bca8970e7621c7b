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
  type KioskEnrollment,
  type KioskEventPayload,
  type SealedPaperPlaintext,
} from '@skillexam/shared';
import { signCandidateLogin } from './kiosk-enrollment';
import { AnswerJournal } from './answer-journal';
import { ContentRelease, isContentReleased, type ContentState } from './content-release';
import { ExamClock } from './exam-clock';
import { Outbox, type OutboxStatus } from './outbox';
import { findSavedLogin, saveLogin, updateSavedAttempt } from './saved-login';
import { CERT_MISMATCH_MESSAGE, type SiteTrust } from '../discovery/site-pin';
import { keepSiteTrust, sitePinOf } from './site-trust-loop';
import {
  connectExamSocket,
  LoginError,
  loginCandidate,
  request,
  trustSite,
  type ExamSocket,
} from './server-api';

export interface AgentStatus {
  readonly connection: 'connecting' | 'online' | 'offline';
  /**
   * What the save badge says: 已同步到服务器 / 已保存到本机 / 离线 / held while the exam is paused
   * (sent after the resume) / rejected: the server refused an answer for good (`saveRejection`).
   */
  readonly save: 'synced' | 'local' | 'offline' | 'held' | 'rejected';
  /** Journaled answers the server has not acknowledged yet. */
  readonly pending: number;
  readonly saveRejection?: {
    readonly code: string;
    readonly message: string;
    readonly seq: number;
    readonly itemId: string;
  };
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
  /** This PC's enrollment (docs/decisions/0216): a `kiosk` login is signed with its private key. */
  readonly enrollment?: KioskEnrollment;
  /**
   * SHA-256 of the site CA this kiosk is enrolled to (docs/decisions/0232): the kiosk talks only
   * to a server with that certificate, over HTTPS/WSS. Default: the enrollment's
   * `serverCertFingerprint`. Neither: no pinning (web practice client, development).
   */
  readonly expectedFingerprint?: string;
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
  private readonly stopTrustLoop: () => void;
  /** This login's candidate token (the exit-grant request carries it, decision 0218). */
  private readonly token: string;

  private constructor(
    options: ExamAgentOptions,
    token: string,
    attempt: AttemptView,
    trust?: SiteTrust,
  ) {
    this.options = options;
    this.token = token;
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
    // Pinned but not yet verified (resumed offline): connect only once the site is verified.
    const pin = sitePinOf(options);
    const verifyLater = pin !== undefined && trust === undefined;
    this.socket = connectExamSocket(options.serverUrl, token, trust, !verifyLater);
    this.stopTrustLoop = keepSiteTrust(
      this.socket,
      { serverUrl: options.serverUrl, expectedFingerprint: pin },
      verifyLater,
      (detail) => this.onCertificateMismatch(detail),
    );
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
    const trust = await trustSite(options.serverUrl, sitePinOf(options));
    const login = await loginCandidate(
      options.serverUrl,
      admissionTicketNumber,
      examCode,
      options.clientKind,
      options.clientIntegrity,
      trust,
      options.clientKind === 'kiosk' && options.enrollment !== undefined
        ? signCandidateLogin(
            options.enrollment,
            { admissionTicketNumber, examCode, clientIntegrity: options.clientIntegrity },
            Date.now(),
          )
        : undefined,
    );
    const agent = new ExamAgent(options, login.token, login.attempt, trust);
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
    const outbox = this.outboxState;
    // A refusal is shown as what it is, never as 离线 (docs/decisions/0228).
    const rejected = outbox.state === 'rejected' && pending > 0 ? outbox : undefined;
    const save: AgentStatus['save'] =
      rejected !== undefined
        ? 'rejected'
        : this.connection === 'offline'
          ? 'offline'
          : pending === 0
            ? 'synced'
            : outbox.state === 'held'
              ? 'held'
              : 'local';
    const remainingMs = this.clock.remainingMs();
    const message = rejected !== undefined ? rejected.message : this.message;
    return {
      connection: this.connection,
      save,
      pending,
      ...(rejected === undefined
        ? {}
        : {
            saveRejection: {
              code: rejected.code,
              message: rejected.message,
              seq: rejected.seq,
              itemId: rejected.itemId,
            },
          }),
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

  /** This login's candidate token; the exit prompt sends it with its request (decision 0218). */
  get candidateToken(): string {
    return this.token;
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
    // The start reaches this PC as a push, which may come after the proctor saw 开考 (another
    // connection) or was missed while reconnecting: ask the server before saying 尚未发放.
    if (!isContentReleased(this.attempt)) await this.refreshAttempt();
    return this.content.open(this.attempt);
  }

  /**
   * Adopts the server's current view of the attempt (`attempt:state`). Pushes are not replayed
   * after a reconnect, so a kiosk offline at 开考 would otherwise wait for a push that never
   * comes. Offline or refused: the last view stands.
   */
  private async refreshAttempt(): Promise<void> {
    if (this.closed || this.ended || !this.socket.connected) return;
    try {
      this.adopt(await this.call('attempt:state', {}));
    } catch {
      // the next (re)connect asks again
    }
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

  /**
   * The server (or something pretending to be it) did not show the site's certificate: tell
   * the candidate, and report it to the proctors once the real server is reached again.
   */
  private onCertificateMismatch(detail: string): void {
    if (this.message === CERT_MISMATCH_MESSAGE) return;
    this.message = CERT_MISMATCH_MESSAGE;
    this.reportKioskEvent('server_cert_mismatch', detail);
    this.publish();
  }

  close(): void {
    this.stopTrustLoop();
    this.closed = true;
    if (this.heartbeat !== undefined) clearInterval(this.heartbeat);
    this.outbox.stop();
    this.socket.close();
    this.journal.close();
  }

  private async onConnect(): Promise<void> {
    this.connection = 'online';
    if (this.message === CERT_MISMATCH_MESSAGE) this.message = undefined;
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
    // pushes sent while this PC was away (开考, pause, resume…) are not replayed: ask
    await this.refreshAttempt();
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
      // While paused the server's deadline moves with its clock: frozen at the reply's time.
      this.clock.setDeadline(
        result.deadlineAt,
        result.status === 'paused' ? result.serverTime : undefined,
      );
      this.publish();
      // The resume push was lost: the heartbeat says it runs again, so held answers go now.
      if (result.status === 'in_progress' && this.outboxState.state === 'held') {
        void this.outbox.kick();
      }
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
    // While paused the view's deadline is "now + what is left": frozen at the view's server time.
    this.clock.setDeadline(view.deadlineAt, view.status === 'paused' ? view.serverTime : undefined);
    this.publish();
    // Resumed: answers held during the pause go now (the outbox also asks again by itself).
    if (view.status === 'in_progress' && this.outboxState.state === 'held') void this.outbox.kick();
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
