import {
  errorMessage,
  CodedError,
  type AnswerValue,
  type AttemptMessage,
  type AttemptView,
  type CandidateIdentity,
  type ClientAckData,
  type ClientEventName,
  type ClientPayload,
  type KioskEventPayload,
  type SealedPaperPlaintext,
  unwrapAck,
} from '@skillexam/shared';
import { loginForAgent } from './agent-login';
import { AnswerJournal } from './answer-journal';
import { agentStatus, type AgentStatus, type ExamAgentOptions } from './agent-status';
import { syncClock } from './clock-sync';
import { ContentRelease, isContentReleased } from './content-release';
import { ExamClock } from './exam-clock';
import { Outbox, type OutboxStatus } from './outbox';
import { journalPath } from './journal-path';
import { KioskEventQueue } from './kiosk-event-queue';
import { findSavedLogin, saveLogin, updateSavedAttempt } from './saved-login';
import { CERT_MISMATCH_MESSAGE, type SiteTrust } from '../discovery/site-pin';
import { keepSiteTrust, sitePinOf } from './site-trust-loop';
import { connectExamSocket, LoginError, request, trustSite, type ExamSocket } from './server-api';

export type { AgentStatus, ExamAgentOptions };
export { journalPath };

/** How many proctor messages the status keeps. */
const MAX_NOTICES = 5;

/**
 * The exam agent (docs/architecture.md#the-answer-path): journal first, then the server. Runs under
 * plain Node in the host: the web shell and Electron's main process both use it. Every answer is
 * committed to journal.db before `answer` returns; the outbox sends in order and retries forever;
 * every (re)connect resyncs with the server's highest contiguous seq and state hash.
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
  private readonly kioskEvents = new KioskEventQueue(
    (event) => this.call('kiosk:event', event),
    () => this.socket.connected,
  );
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
    const login = await loginForAgent(options, admissionTicketNumber, examCode, trust);
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
    return agentStatus({
      connection: this.connection,
      outbox: this.outboxState,
      pending: this.ended ? 0 : this.journal.lastSeq() - this.journal.ackedSeq(),
      attempt: this.attempt,
      remainingMs: this.clock.remainingMs(),
      message: this.message,
      content: this.ended ? 'none' : this.content.state(),
      notices: this.notices,
    });
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
    const sentAt = this.now();
    return this.adopt(await this.call('attempt:confirm-identity', {}), sentAt);
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
      const sentAt = this.now();
      this.adopt(await this.call('attempt:state', {}), sentAt);
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
    const sentAt = this.now();
    const view = this.adopt(await this.call('attempt:submit', {}), sentAt);
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
    const check = await this.resync();
    if (check.inSync && check.ackedSeq === this.journal.lastSeq()) {
      this.ended = true;
      this.outbox.stop();
      this.journal.destroy();
      this.publish();
      return true;
    }
    return false;
  }

  /** Compares the journal's last seq and acknowledged state hash with the server's. */
  private resync() {
    return this.call('attempt:resync', {
      attemptId: this.attempt.attemptId,
      clientSeq: this.journal.lastSeq(),
      stateHash: this.journal.ackedStateHash(),
    });
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
      const result = await this.resync();
      this.clock.addSample({ sentAt, receivedAt: this.now(), serverTime: result.serverTime });
      if (result.ackedSeq > this.journal.lastSeq() && result.answers !== undefined) {
        this.journal.importServerState(result.ackedSeq, result.answers);
      } else {
        this.journal.adoptServerAck(result.ackedSeq);
      }
    } catch (error) {
      this.message = errorMessage(error);
    }
    // pushes sent while this PC was away (开考, pause, resume…) are not replayed: ask
    await this.refreshAttempt();
    this.publish();
    void this.outbox.kick();
    void this.kioskEvents.flush();
    void this.content.prefetch(this.attempt).then(() => this.publish());
    this.heartbeat ??= setInterval(() => void this.beat(), this.options.heartbeatMs ?? 5_000);
  }

  private async beat(): Promise<void> {
    if (!this.socket.connected) return;
    const sentAt = this.now();
    try {
      const result = await this.call('attempt:heartbeat', { sentAt });
      syncClock(this.clock, { sentAt, receivedAt: this.now() }, result);
      this.publish();
      // The resume push was lost: the heartbeat says it runs again, so held answers go now.
      if (result.status === 'in_progress' && this.outboxState.state === 'held') {
        void this.outbox.kick();
      }
    } catch {
      // a missed heartbeat changes nothing; the next one or a reconnect catches up
    }
  }

  /** A view from a push, or from a request sent at `sentAt` (its round trip times the clock). */
  private adopt(view: AttemptView, sentAt?: number): AttemptView {
    this.attempt = view;
    if (!this.closed) this.journal.withDb((db) => updateSavedAttempt(db, view, this.now()));
    const roundTrip = sentAt === undefined ? undefined : { sentAt, receivedAt: this.now() };
    syncClock(this.clock, roundTrip, view);
    this.publish();
    // Resumed: answers held during the pause go now (the outbox also asks again by itself).
    if (view.status === 'in_progress' && this.outboxState.state === 'held') void this.outbox.kick();
    if (!this.ended && !this.closed && this.socket.connected) {
      void this.content.prefetch(view).then(() => this.publish());
    }
    return view;
  }

  private async call<E extends ClientEventName>(
    event: E,
    payload: ClientPayload<E>,
  ): Promise<ClientAckData<E>> {
    return unwrapAck(await request(this.socket, event, payload));
  }

  private publish(): void {
    if (this.closed) return;
    this.options.onStatus?.(this.status());
  }
}
