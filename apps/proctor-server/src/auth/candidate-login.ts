import {
  CodedError,
  candidateLoginProofFields,
  type CandidateLoginRequest,
  type CandidateLoginResult,
} from '@skillexam/shared';
import { findAttemptByTicket, getAttempt } from '../attempts/attempt-repository';
import { toAttemptView } from '../attempts/attempt-record';
import { markAttemptLoggedIn } from '../attempts/attempt-status-repository';
import type { AuditLog } from '../audit/audit-log';
import { transaction, type WritableDb } from '@skillexam/shared/sql';
import { checkInOpensAt, getSession, lateEntryCutoffAt } from '../sessions/session-repository';
import { verifyExamCode } from '../roster/index';
import { examCodeSecret } from './exam-code-secret';
import type { ServerSettings } from '../settings';
import type { Notifier } from '../socket/notifier';
import { NO_SUCH_CODE_HASH, recordLoginFailureLater } from './candidate-login-failures';
import type { LoginGuard } from './login-guard';
import { revokeSubjectTokens } from './token-repository';
import { issueToken } from './tokens';
import type { KioskProofVerifier } from '../kiosks/kiosk-proof';
import { kioskRejectionMessage } from '../kiosks/kiosk-rejection-message';
import type { KioskRecord } from '../kiosks/kiosk-registry';
import { recordKioskLogin } from '../kiosks/kiosk-repository';
import { refuseWithdrawnLogin, withdrawnCodeHash } from '../sessions/withdrawn-login';

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
  // Throttled per (ticket, address) (docs/decisions/0215): a guesser's failures slow only the
  // guesser. A made-up ticket goes through the same steps and costs the request the same.
  const who = {
    kind: 'candidate',
    name: ticket,
    ip,
    accountFailures: attempt?.failedLogins,
  } as const;
  guard.checkAccount(who, now);
  // a withdrawn candidate (docs/decisions/0974): the right code gets 请联系监考老师, audited
  const withdrawn = attempt === undefined ? withdrawnCodeHash(db, ticket) : undefined;
  const codeHash = attempt?.examCodeHash ?? withdrawn?.codeHash ?? NO_SUCH_CODE_HASH;
  const codeOk = verifyExamCode(request.examCode, codeHash, examCodeSecret(db));
  if (codeOk && withdrawn !== undefined)
    refuseWithdrawnLogin(db, audit, withdrawn.attemptId, { ticket, ip, at: now });
  if (!codeOk || attempt === undefined) {
    const waitUntil = guard.fail(who, now);
    if (attempt !== undefined) {
      recordLoginFailureLater(deps, { attempt, ticket, ip, waitUntil, at: now });
    }
    throw new CodedError('UNAUTHORIZED', BAD_LOGIN);
  }
  const session = getSession(db, attempt.sessionId);
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
    markAttemptLoggedIn(db, attempt.id, now);
    // bound to the kiosk: its exit grant finds this attempt, its revocation ends this session
    const token = issueToken(
      db,
      'candidate',
      attempt.id,
      now,
      settings.candidateTokenTtlMs,
      kiosk?.id,
    );
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
  guard.succeeded(who, now, false);
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

/** Any client passes when no builds are listed; otherwise the kiosk's hash must be listed. */
function clientAccepted(settings: ServerSettings, clientIntegrity: string | undefined): boolean {
  const allowed = settings.requiredClientIntegrity;
  return (
    allowed.length === 0 || (clientIntegrity !== undefined && allowed.includes(clientIntegrity))
  );
}
