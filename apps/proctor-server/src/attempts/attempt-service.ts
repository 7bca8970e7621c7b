import {
  CodedError,
  isFinishedAttemptStatus,
  type AttemptView,
  type KioskEventNotice,
  type KioskEventPayload,
  type MovePayload,
} from '@skillexam/shared';
import type { AnswerCollector } from '../answers/answer-collector';
import type { AuditLog } from '../audit/audit-log';
import { RateLimiter } from '../auth/rate-limiter';
import { revokeSubjectTokens } from '../auth/token-repository';
import { transaction, type WritableDb } from '@skillexam/shared/sql';
import {
  COALESCE_WINDOW_MS,
  KIOSK_EVENTS_PER_WINDOW,
  recordKioskEvent,
} from '../monitor/kiosk-event-log';
import { insertIncident } from '../incidents/incident-repository';
import { requireSeat } from '../rooms/room-layout';
import { earliestSubmissionAt, getSession } from '../sessions/session-repository';
import type { Notifier } from '../socket/notifier';
import { getAttempt } from './attempt-repository';
import { toAttemptView, type AttemptRecord } from './attempt-record';
import { attemptDeadline } from './deadline';
import {
  addExtension,
  admitAttemptRow,
  admittableAttemptIds,
  finishAttemptRow,
  makePauseOwn,
  markIdentityConfirmed,
  moveAttemptRow,
  overdueAttemptIds,
  pauseAttemptRow,
  recordHeartbeat,
  resumeAttemptRow,
  setExtensionCap,
  unlockAttemptRow,
  voidAttemptRow,
} from './attempt-status-repository';
import { assertRaisedCap, assertWithinExtensionCap, extensionCapMs } from './extension-cap';

/** Called after an attempt is finished (submitted, force-submitted, auto-submitted). */
export type FinishedHook = (db: WritableDb, attemptId: string, now: number) => void;

export interface AttemptServiceDeps {
  readonly db: WritableDb;
  readonly audit: AuditLog;
  readonly collector: AnswerCollector;
  readonly notifier: Notifier;
  readonly now: () => number;
  readonly answerGraceMs: number;
  readonly onFinished: FinishedHook;
}

const ACTIVE = new Set(['in_progress', 'paused']);

/** Every per-candidate action of the exam room; each is one transaction with its audit record. */
export class AttemptService {
  private readonly kioskEventLimiter = new RateLimiter(KIOSK_EVENTS_PER_WINDOW, COALESCE_WINDOW_MS);

  constructor(private readonly deps: AttemptServiceDeps) {}

  view(attemptId: string): AttemptView {
    return toAttemptView(getAttempt(this.deps.db, attemptId), this.deps.now());
  }

  /**
   * Loads the attempt, runs `apply` (checks + UPDATEs) and appends the audit record in ONE
   * transaction; answers still queued are flushed first so a state change never overtakes them.
   */
  change(
    attemptId: string,
    actor: string,
    action: string,
    payload: Record<string, unknown>,
    apply: (attempt: AttemptRecord, now: number) => void,
  ): AttemptView {
    const { db, audit, collector, notifier } = this.deps;
    collector.flushNow();
    const now = this.deps.now();
    transaction(db, () => {
      apply(getAttempt(db, attemptId), now);
      audit.append(db, { actor, action, payload: { attemptId, ...payload } }, now);
    });
    const view = this.view(attemptId);
    notifier.attemptChanged(view);
    return view;
  }

  confirmIdentity(attemptId: string, actor: string): AttemptView {
    return this.change(attemptId, actor, 'attempt.confirm-identity', {}, (attempt, now) => {
      if (attempt.status !== 'logged_in')
        throw new CodedError('CONFLICT', `当前状态 ${attempt.status} 不能确认身份`);
      markIdentityConfirmed(this.deps.db, attempt.id, now);
    });
  }

  /**
   * 准入: candidates waiting with a confirmed identity; they start at once if the session runs.
   * All listed attempts are admitted in ONE transaction, or none (a bad id rejects the call).
   */
  admit(sessionId: string, attemptIds: readonly string[] | undefined, actor: string): string[] {
    const { db, audit, notifier } = this.deps;
    this.deps.collector.flushNow();
    const now = this.deps.now();
    const ids = transaction(db, () => {
      const session = getSession(db, sessionId);
      if (session.status === 'ended') throw new CodedError('CONFLICT', '考试场次已结束');
      const chosen = attemptIds ?? admittableAttemptIds(db, sessionId);
      for (const id of chosen) {
        const attempt = getAttempt(db, id);
        if (attempt.sessionId !== sessionId) {
          throw new CodedError('BAD_REQUEST', `考生 ${id} 不属于场次 ${sessionId}`);
        }
        if (attempt.status !== 'logged_in') {
          throw new CodedError(
            'CONFLICT',
            `考生 ${attempt.admissionTicket} 状态为 ${attempt.status}，不能准入`,
          );
        }
        if (attempt.identityConfirmedAt === undefined) {
          throw new CodedError('CONFLICT', `考生 ${attempt.admissionTicket} 尚未确认身份`);
        }
        admitAttemptRow(db, id, session.status, now);
        audit.append(
          db,
          { actor, action: 'attempt.admit', payload: { attemptId: id, sessionId } },
          now,
        );
      }
      return chosen;
    });
    for (const id of ids) notifier.attemptChanged(this.view(id));
    return [...ids];
  }

  pause(attemptId: string, reason: string, actor: string): AttemptView {
    return this.change(attemptId, actor, 'attempt.pause', { reason }, (attempt, now) => {
      if (attempt.status === 'paused' && attempt.pauseKind === 'session') {
        // Paused with the whole session: the pause becomes the candidate's own (it started when
        // the session's did), so resuming the session leaves this candidate paused (0226).
        makePauseOwn(this.deps.db, attemptId);
        return;
      }
      if (attempt.status !== 'in_progress')
        throw new CodedError('CONFLICT', `当前状态 ${attempt.status} 不能暂停`);
      pauseAttemptRow(this.deps.db, attemptId, now);
    });
  }

  resume(attemptId: string, actor: string): AttemptView {
    return this.change(attemptId, actor, 'attempt.resume', {}, (attempt, now) => {
      if (attempt.status !== 'paused' || attempt.pausedAt === undefined) {
        throw new CodedError('CONFLICT', `当前状态 ${attempt.status} 不能恢复`);
      }
      if (getSession(this.deps.db, attempt.sessionId).status === 'paused') {
        throw new CodedError(
          'CONFLICT',
          '整场考试暂停中，请恢复整场考试 (the whole session is paused)',
        );
      }
      resumeAttemptRow(this.deps.db, attempt, now);
    });
  }

  /** 补时: extra minutes with a reason, within the candidate's cap (docs/decisions/0223). */
  extend(attemptId: string, minutes: number, reason: string, actor: string): AttemptView {
    return this.change(attemptId, actor, 'attempt.extend', { minutes, reason }, (attempt) => {
      if (!ACTIVE.has(attempt.status) && attempt.status !== 'admitted') {
        throw new CodedError('CONFLICT', `当前状态 ${attempt.status} 不能补时`);
      }
      const rule = getSession(this.deps.db, attempt.sessionId).rules.extensionCapMinutes;
      // the roster's 延长时间 is not the proctors' to spend: the cap counts their own 补时 only
      assertWithinExtensionCap(
        attempt.extensionMs - (attempt.accommodations?.extraMinutes ?? 0) * 60_000,
        minutes,
        extensionCapMs(attempt.extensionCapMs, rule),
      );
      addExtension(this.deps.db, attemptId, minutes);
    });
  }

  /** An exam admin raises one candidate's 补时上限 above the session rule, with a reason. */
  raiseExtensionCap(
    attemptId: string,
    capMinutes: number,
    reason: string,
    actor: string,
  ): AttemptView {
    return this.change(
      attemptId,
      actor,
      'attempt.extension-cap',
      { capMinutes, reason },
      (attempt) => {
        if (isFinishedAttemptStatus(attempt.status))
          throw new CodedError('CONFLICT', `当前状态 ${attempt.status} 不能调整补时上限`);
        const rule = getSession(this.deps.db, attempt.sessionId).rules.extensionCapMinutes;
        const ownExtensionMs =
          attempt.extensionMs - (attempt.accommodations?.extraMinutes ?? 0) * 60_000;
        assertRaisedCap(capMinutes, rule, ownExtensionMs);
        setExtensionCap(this.deps.db, attemptId, capMinutes);
      },
    );
  }

  /** The candidate hands in (交卷), not before the earliest submission time. */
  submit(attemptId: string, actor: string): AttemptView {
    return this.change(attemptId, actor, 'attempt.submit', {}, (attempt, now) => {
      if (attempt.status !== 'in_progress')
        throw new CodedError('CONFLICT', `当前状态 ${attempt.status} 不能交卷`);
      const earliest = earliestSubmissionAt(getSession(this.deps.db, attempt.sessionId));
      if (earliest !== undefined && now < earliest) {
        const minutes = Math.ceil((earliest - now) / 60_000);
        throw new CodedError(
          'CONFLICT',
          `开考后一段时间内不得交卷，还需 ${minutes} 分钟 (too early to submit)`,
        );
      }
      this.finish(attempt, 'submitted', now);
    });
  }

  forceSubmit(attemptId: string, reason: string, actor: string): AttemptView {
    return this.change(attemptId, actor, 'attempt.force-submit', { reason }, (attempt, now) => {
      if (!ACTIVE.has(attempt.status))
        throw new CodedError('CONFLICT', `当前状态 ${attempt.status} 不能强制交卷`);
      this.finish(attempt, 'force_submitted', now);
    });
  }

  /** 试卷作废: the paper is voided and an incident recorded with the reason. */
  void(attemptId: string, reason: string, actor: string): AttemptView {
    const view = this.change(attemptId, actor, 'attempt.void', { reason }, (attempt, now) => {
      if (
        isFinishedAttemptStatus(attempt.status) &&
        attempt.status !== 'submitted' &&
        attempt.status !== 'force_submitted'
      ) {
        throw new CodedError('CONFLICT', `当前状态 ${attempt.status} 不能作废`);
      }
      if (attempt.status === 'voided') throw new CodedError('CONFLICT', '试卷已作废');
      voidAttemptRow(this.deps.db, attemptId, now);
      insertIncident(this.deps.db, attempt.sessionId, attemptId, 'void', reason, actor, now);
      revokeSubjectTokens(this.deps.db, 'candidate', attemptId, now);
    });
    this.deps.notifier.revokeAttempt(attemptId, '试卷已作废 (paper voided)');
    return view;
  }

  /** Moves a candidate to another seat/PC; answers stay, the old PC's login is revoked. */
  move(payload: MovePayload, actor: string): AttemptView {
    const view = this.change(
      payload.attemptId,
      actor,
      'attempt.move',
      { ...payload },
      (attempt, now) => {
        if (isFinishedAttemptStatus(attempt.status))
          throw new CodedError('CONFLICT', `当前状态 ${attempt.status} 不能调换座位`);
        requireSeat(this.deps.db, attempt.sessionId, payload.roomId, payload.seat);
        try {
          moveAttemptRow(this.deps.db, attempt.id, payload.roomId, payload.seat);
        } catch {
          throw new CodedError('CONFLICT', `考场 ${payload.roomId} 座位 ${payload.seat} 已有考生`);
        }
        insertIncident(
          this.deps.db,
          attempt.sessionId,
          attempt.id,
          'move',
          payload.reason,
          actor,
          now,
        );
        revokeSubjectTokens(this.deps.db, 'candidate', attempt.id, now);
      },
    );
    this.deps.notifier.revokeAttempt(
      payload.attemptId,
      '已调换座位，请在新考试机上登录 (moved to another PC)',
    );
    return view;
  }

  unlock(attemptId: string, actor: string): AttemptView {
    return this.change(attemptId, actor, 'attempt.unlock', {}, () => {
      unlockAttemptRow(this.deps.db, attemptId);
    });
  }

  heartbeat(attemptId: string, clientSentAt: number): AttemptRecord {
    const now = this.deps.now();
    const offset = Math.round(clientSentAt - now);
    recordHeartbeat(this.deps.db, attemptId, now, offset);
    return getAttempt(this.deps.db, attemptId);
  }

  /**
   * A kiosk report: refused after the attempt finished and beyond KIOSK_EVENTS_PER_WINDOW per
   * window; repeats within the window are coalesced into one record with a count, and only a
   * new record is audited and pushed to the console (docs/decisions/0222).
   */
  kioskEvent(attemptId: string, event: KioskEventPayload): KioskEventNotice {
    const { db, audit } = this.deps;
    const now = this.deps.now();
    if (!this.kioskEventLimiter.take(attemptId, now)) {
      throw new CodedError(
        'RATE_LIMITED',
        '考试机事件过于频繁，请稍后再试 (too many kiosk events)',
      );
    }
    const recorded = transaction(db, () => {
      const attempt = getAttempt(db, attemptId);
      if (isFinishedAttemptStatus(attempt.status)) {
        throw new CodedError(
          'CONFLICT',
          `考试已结束（${attempt.status}），不再接收考试机事件 (attempt finished)`,
        );
      }
      return recordKioskEvent(db, audit, attempt.sessionId, attemptId, event, now);
    });
    if (recorded.opened) this.deps.notifier.kioskEvent(recorded.notice);
    return recorded.notice;
  }

  /** Submits every running attempt whose deadline (plus the grace for in-flight answers) passed. */
  submitOverdue(): string[] {
    const { db } = this.deps;
    const now = this.deps.now();
    const due = overdueAttemptIds(db, this.deps.answerGraceMs, now);
    for (const id of due) {
      this.change(id, 'system', 'attempt.auto-submit', {}, (attempt) => {
        if (attempt.status !== 'in_progress') return;
        this.finish(attempt, 'submitted', attemptDeadline(attempt, now) ?? now);
      });
    }
    return due;
  }

  /**
   * Marks an attempt finished (inside the caller's transaction) and runs the finished hook
   * (scoring); its tokens stay valid so the candidate can see the end screen.
   */
  finish(attempt: AttemptRecord, status: 'submitted' | 'force_submitted', at: number): void {
    const now = this.deps.now();
    const pausedExtra = attempt.pausedAt === undefined ? 0 : Math.max(0, now - attempt.pausedAt);
    finishAttemptRow(this.deps.db, attempt.id, status, at, pausedExtra);
    this.deps.onFinished(this.deps.db, attempt.id, now);
  }
}
