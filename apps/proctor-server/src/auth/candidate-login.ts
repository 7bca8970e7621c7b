import {
  CodedError,
  candidateLoginProofFields,
  KIOSK_ENROLLMENT_OUTDATED_MESSAGE,
  type CandidateLoginRequest,
  type CandidateLoginResult,
} from '@skillexam/shared';
import { findAttemptByTicket, getAttempt, toAttemptView } from '../attempts/attempt-repository';
import type { AuditLog } from '../audit/audit-log';
import { queryOne, run, sql, transaction, type WritableDb } from '../db/sql';
import { checkInOpensAt, getSession, lateEntryCutoffAt } from '../sessions/session-repository';
import { verifyExamCode } from '../roster/index';
import { examCodeSecret } from './exam-code-secret';
import type { ServerSettings } from '../settings';
import type { Notifier } from '../socket/notifier';
import { backoffUntil } from './login-backoff';
import { tooManyAttempts, type LoginGuard } from './login-guard';
import { issueToken, revokeSubjectTokens } from './tokens';
import type { KioskProofVerifier, ProofProblem } from '../kiosks/kiosk-proof';
import { recordKioskLogin, type KioskRecord } from '../kiosks/kiosk-registry';

export interface CandidateLoginDeps {
  readonly db: WritableDb;
  readonly audit: AuditLog;
  readonly settings: ServerSettings;
  readonly notifier: Notifier;
  readonly now: () => number;
  readonly guard: LoginGuard;
  readonly proofs: KioskProofVerifier;
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
  const { db, audit, settings, guard } = deps;
  const now = deps.now();
  const ticket = request.admissionTicketNumber.trim();
  guard.checkAddress('candidate', ip, now);
  const kiosk = request.clientKind === 'kiosk' ? attestKiosk(deps, request, ip, now) : undefined;
  const attempt = findAttemptByTicket(db, ticket).find(
    (a) => getSession(db, a.sessionId).status !== 'ended',
  );
  if (attempt === undefined) {
    guard.failUnknownName('candidate', ticket, now);
    guard.failAddress('candidate', ip, now);
    throw new CodedError('UNAUTHORIZED', BAD_LOGIN);
  }
  // A short wait after repeated failures, never a lockout; the same reply as for unknown tickets.
  if (attempt.lockedUntil !== undefined && attempt.lockedUntil > now) throw tooManyAttempts();
  const session = getSession(db, attempt.sessionId);
  if (!verifyExamCode(request.examCode, attempt.examCodeHash, examCodeSecret(db))) {
    guard.failAddress('candidate', ip, now);
    const lockedUntil = transaction(db, () => {
      const failures =
        queryOne<{ failed_logins: number }>(
          db,
          sql`UPDATE attempts SET failed_logins = failed_logins + 1 WHERE id = ${attempt.id}
              RETURNING failed_logins`,
        )?.failed_logins ?? 1;
      const until = backoffUntil(failures, now, guard.policy);
      run(db, sql`UPDATE attempts SET locked_until = ${until} WHERE id = ${attempt.id}`);
      audit.append(
        db,
        {
          actor: `candidate:${attempt.id}`,
          action: 'candidate.login-failed',
          payload: { ticket, ip, failures, waitUntil: until },
        },
        now,
      );
      return until;
    });
    if (lockedUntil !== null) {
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
    if (kiosk !== undefined) recordKioskLogin(db, kiosk.id, now);
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
          kioskId: kiosk?.id ?? null,
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

/**
 * A `kiosk` login must come from an ENROLLED kiosk (docs/decisions/0216): its proof is checked
 * before the ticket is even looked up (so it reveals nothing about tickets); a script that only
 * claims to be a kiosk is refused with CLIENT_REJECTED and audited.
 */
function attestKiosk(
  deps: CandidateLoginDeps,
  request: CandidateLoginRequest,
  ip: string,
  now: number,
): KioskRecord {
  const checked = deps.proofs.verify(
    'candidate-login',
    request.kioskProof,
    candidateLoginProofFields(request),
    now,
  );
  if (checked.ok) return checked.kiosk;
  deps.guard.failAddress('candidate', ip, now);
  transaction(deps.db, () =>
    deps.audit.append(
      deps.db,
      {
        actor: `kiosk:${request.kioskProof?.kioskId ?? 'none'}`,
        action: 'candidate.client-rejected',
        payload: {
          ticket: request.admissionTicketNumber.trim(),
          ip,
          problem: checked.problem,
        },
      },
      now,
    ),
  );
  // A wrong PC clock and an outdated enrollment are problems the room can fix itself; neither
  // says anything about tickets.
  throw new CodedError('CLIENT_REJECTED', kioskRejectionMessage(checked.problem));
}

function kioskRejectionMessage(problem: ProofProblem): string {
  switch (problem) {
    case 'stale':
      return '考试机时钟与考点服务器相差超过 5 分钟，请校准时间后重试 (kiosk clock is off by more than 5 minutes)';
    case 'outdated-enrollment':
      return KIOSK_ENROLLMENT_OUTDATED_MESSAGE;
    default:
      return '本机不是已登记的考试机，请联系考务管理员 (this PC is not an enrolled exam kiosk)';
  }
}

/** Any client passes when no builds are listed; otherwise the kiosk's hash must be listed. */
function clientAccepted(settings: ServerSettings, clientIntegrity: string | undefined): boolean {
  const allowed = settings.requiredClientIntegrity;
  return (
    allowed.length === 0 || (clientIntegrity !== undefined && allowed.includes(clientIntegrity))
  );
}
