import {
  CodedError,
  type CandidateLoginRequest,
  type CandidateLoginResult,
} from '@skillexam/shared';
import { findAttemptByTicket, getAttempt, toAttemptView } from '../attempts/attempt-repository';
import type { AuditLog } from '../audit/audit-log';
import { run, sql, transaction, type WritableDb } from '../db/sql';
import { checkInOpensAt, getSession, lateEntryCutoffAt } from '../sessions/session-repository';
import { verifyExamCode } from '../roster/index';
import { examCodeSecret } from './exam-code-secret';
import type { ServerSettings } from '../settings';
import type { Notifier } from '../socket/notifier';
import type { RateLimiter } from './rate-limiter';
import { issueToken, revokeSubjectTokens } from './tokens';

export interface CandidateLoginDeps {
  readonly db: WritableDb;
  readonly audit: AuditLog;
  readonly settings: ServerSettings;
  readonly notifier: Notifier;
  readonly now: () => number;
  readonly ipLimiter: RateLimiter;
  readonly accountLimiter: RateLimiter;
}

const BAD_LOGIN = '准考证号或考试码错误 (wrong admission ticket number or exam code)';

/**
 * 考生登录: 准考证号 + one-time exam code. The code works for this session until the attempt
 * finishes; each login revokes the previous token, so only the newest PC can answer.
 */
export function candidateLogin(
  deps: CandidateLoginDeps,
  request: CandidateLoginRequest,
  ip: string,
): CandidateLoginResult {
  const { db, audit, settings } = deps;
  const now = deps.now();
  const ticket = request.admissionTicketNumber.trim();
  if (
    !deps.ipLimiter.take(`candidate-ip:${ip}`, now) ||
    !deps.accountLimiter.take(`candidate:${ticket}`, now)
  ) {
    throw new CodedError('RATE_LIMITED', '登录尝试过于频繁，请稍后再试 (too many login attempts)');
  }
  const attempt = findAttemptByTicket(db, ticket).find(
    (a) => getSession(db, a.sessionId).status !== 'ended',
  );
  if (attempt === undefined) throw new CodedError('UNAUTHORIZED', BAD_LOGIN);
  if (attempt.lockedUntil !== undefined && attempt.lockedUntil > now) {
    throw new CodedError(
      'UNAUTHORIZED',
      '登录失败次数过多，已锁定，请联系监考员解锁 (locked: ask a proctor)',
    );
  }
  const session = getSession(db, attempt.sessionId);
  if (!verifyExamCode(request.examCode, attempt.examCodeHash, examCodeSecret(db))) {
    transaction(db, () => {
      const failures = attempt.failedLogins + 1;
      const lock = failures >= settings.lockoutAfterFailures;
      run(
        db,
        sql`UPDATE attempts SET failed_logins = ${failures}, locked_until = ${lock ? now + settings.lockoutMs : null} WHERE id = ${attempt.id}`,
      );
      audit.append(
        db,
        {
          actor: `candidate:${attempt.id}`,
          action: lock ? 'candidate.locked' : 'candidate.login-failed',
          payload: { ticket, ip },
        },
        now,
      );
    });
    if (attempt.failedLogins + 1 >= settings.lockoutAfterFailures) {
      deps.notifier.attemptChanged(toAttemptView(getAttempt(db, attempt.id), now));
    }
    throw new CodedError('UNAUTHORIZED', BAD_LOGIN);
  }
  if (request.clientKind === 'kiosk' && !clientAccepted(settings, request.clientIntegrity)) {
    transaction(db, () =>
      audit.append(
        db,
        {
          actor: `candidate:${attempt.id}`,
          action: 'candidate.client-rejected',
          payload: { ticket, ip, clientIntegrity: request.clientIntegrity ?? null },
        },
        now,
      ),
    );
    throw new CodedError('CLIENT_REJECTED', '客户端校验失败 (client integrity check failed)');
  }
  if (request.clientKind === 'web' && !session.rules.allowPracticeClients) {
    throw new CodedError(
      'FORBIDDEN',
      '本场考试只能在考试机上作答 (this exam needs the secure exam client)',
    );
  }
  if (['submitted', 'force_submitted', 'voided', 'absent'].includes(attempt.status)) {
    throw new CodedError('CONFLICT', `本场考试已结束作答 (attempt is ${attempt.status})`);
  }
  if (session.status === 'scheduled' && now < checkInOpensAt(session)) {
    throw new CodedError('CONFLICT', '尚未开始检录，请稍后登录 (check-in has not opened)');
  }
  const cutoff = lateEntryCutoffAt(session);
  if (attempt.status === 'registered' && cutoff !== undefined && now > cutoff) {
    throw new CodedError(
      'FORBIDDEN',
      `开考 ${session.rules.lateEntryCutoffMinutes} 分钟后不得入场 (late entry closed)`,
    );
  }
  let revoked = 0;
  const issued = transaction(db, () => {
    revoked = revokeSubjectTokens(db, 'candidate', attempt.id, now);
    run(
      db,
      sql`UPDATE attempts SET failed_logins = 0, locked_until = NULL, logged_in_at = ${now},
                 status = CASE status WHEN 'registered' THEN 'logged_in' ELSE status END
          WHERE id = ${attempt.id}`,
    );
    const token = issueToken(db, 'candidate', attempt.id, now, settings.candidateTokenTtlMs);
    audit.append(
      db,
      {
        actor: `candidate:${attempt.id}`,
        action: 'candidate.login',
        payload: {
          ticket,
          ip,
          clientKind: request.clientKind,
          clientIntegrity: request.clientIntegrity ?? null,
        },
      },
      now,
    );
    return token;
  });
  if (revoked > 0)
    deps.notifier.revokeAttempt(attempt.id, '已在另一台考试机登录 (logged in elsewhere)');
  const view = toAttemptView(getAttempt(db, attempt.id), now);
  deps.notifier.attemptChanged(view);
  return { token: issued.token, expiresAt: issued.expiresAt, attempt: view };
}

/** Any client passes when no builds are listed; otherwise the kiosk's hash must be listed. */
function clientAccepted(settings: ServerSettings, clientIntegrity: string | undefined): boolean {
  const allowed = settings.requiredClientIntegrity;
  return (
    allowed.length === 0 || (clientIntegrity !== undefined && allowed.includes(clientIntegrity))
  );
}
