import { CodedError, type SessionView } from '@skillexam/shared';
import type { AnswerCollector } from '../answers/answer-collector';
import type { AttemptService } from '../attempts/attempt-service';
import { resumeAttemptRow } from '../attempts/attempt-status-repository';
import { toAttemptView } from '../attempts/attempt-record';
import { listAttempts } from '../attempts/attempt-repository';
import type { AuditLog } from '../audit/audit-log';
import { transaction, type WritableDb } from '@skillexam/shared/sql';
import { insertIncident } from '../incidents/incident-repository';
import type { Notifier } from '../socket/notifier';
import {
  dueCheckInSessionIds,
  getSession,
  markAbsent,
  markCheckIn,
  markEnded,
  markPaused,
  markResumed,
  markStarted,
  toSessionView,
  type SessionRecord,
} from './session-repository';

export interface SessionServiceDeps {
  readonly db: WritableDb;
  readonly audit: AuditLog;
  readonly collector: AnswerCollector;
  readonly notifier: Notifier;
  readonly attempts: AttemptService;
  readonly now: () => number;
}

/** scheduled → check_in → running ⇄ paused → ended, each step with its audit record. */
export class SessionService {
  constructor(private readonly deps: SessionServiceDeps) {}

  view(sessionId: string): SessionView {
    return toSessionView(getSession(this.deps.db, sessionId), this.deps.now());
  }

  private transition(
    sessionId: string,
    actor: string,
    action: string,
    payload: Record<string, unknown>,
    apply: (session: SessionRecord, now: number) => void,
  ): SessionView {
    const { db, audit, collector, notifier } = this.deps;
    collector.flushNow();
    const now = this.deps.now();
    transaction(db, () => {
      apply(getSession(db, sessionId), now);
      audit.append(db, { actor, action, payload: { sessionId, ...payload } }, now);
    });
    const view = this.view(sessionId);
    notifier.sessionChanged(view);
    for (const attempt of listAttempts(db, sessionId))
      notifier.attemptChanged(toAttemptView(attempt, now));
    return view;
  }

  /**
   * Opens check-in for every scheduled session whose automatic check-in time has come
   * (run by the deadline sweep; audited as actor `system`). Returns the sessions opened.
   */
  openDueCheckIns(): string[] {
    const due = dueCheckInSessionIds(this.deps.db, this.deps.now());
    for (const id of due) this.openCheckIn(id, 'system', { automatic: true });
    return due;
  }

  openCheckIn(
    sessionId: string,
    actor: string,
    details: Record<string, unknown> = {},
  ): SessionView {
    return this.transition(sessionId, actor, 'session.open-check-in', details, (session) => {
      if (session.status !== 'scheduled')
        throw new CodedError('CONFLICT', `场次状态 ${session.status} 不能开始检录`);
      markCheckIn(this.deps.db, sessionId);
    });
  }

  /** 开考: the content key is released; every admitted candidate starts now. */
  start(sessionId: string, actor: string): SessionView {
    return this.transition(sessionId, actor, 'session.start', {}, (session, now) => {
      if (session.status !== 'scheduled' && session.status !== 'check_in') {
        throw new CodedError('CONFLICT', `场次状态 ${session.status} 不能开考`);
      }
      markStarted(this.deps.db, sessionId, now);
    });
  }

  /** A session-wide pause (power or network failure): every running candidate is paused and compensated. */
  pause(sessionId: string, reason: string, actor: string): SessionView {
    return this.transition(sessionId, actor, 'session.pause', { reason }, (session, now) => {
      if (session.status !== 'running')
        throw new CodedError('CONFLICT', `场次状态 ${session.status} 不能暂停`);
      markPaused(this.deps.db, sessionId, now);
      insertIncident(this.deps.db, sessionId, undefined, 'session_pause', reason, actor, now);
    });
  }

  resume(sessionId: string, actor: string): SessionView {
    return this.transition(sessionId, actor, 'session.resume', {}, (session, now) => {
      if (session.status !== 'paused')
        throw new CodedError('CONFLICT', `场次状态 ${session.status} 不能恢复`);
      markResumed(this.deps.db, sessionId);
      for (const attempt of listAttempts(this.deps.db, sessionId)) {
        if (attempt.status === 'paused' && attempt.pauseKind === 'session')
          resumeAttemptRow(this.deps.db, attempt, now);
      }
    });
  }

  /**
   * 结束考试: running attempts are force-submitted, candidates who never started are absent (缺考).
   * The reason goes into the audit record (docs/decisions/0986).
   */
  end(sessionId: string, reason: string, actor: string): SessionView {
    return this.transition(sessionId, actor, 'session.end', { reason }, (session, now) => {
      if (session.status === 'ended') throw new CodedError('CONFLICT', '场次已结束');
      markEnded(this.deps.db, sessionId, now);
      for (const attempt of listAttempts(this.deps.db, sessionId)) {
        if (attempt.status === 'in_progress' || attempt.status === 'paused') {
          this.deps.attempts.finish(attempt, 'force_submitted', now);
        } else if (['registered', 'logged_in', 'admitted'].includes(attempt.status)) {
          markAbsent(this.deps.db, attempt.id);
        }
      }
    });
  }
}
