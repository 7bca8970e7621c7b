import { CodedError } from '@skillexam/shared';
import { transaction, type WritableDb } from '@skillexam/shared/sql';
import type { AuditLog } from '../audit/audit-log';
import { withdrawnLogins } from './candidate-admin-repository';

/*
 * Candidate login of a withdrawn candidate (docs/decisions/0974): with the right exam code the
 * kiosk says only 请联系监考老师 — not why — and the refusal is audited so the proctor can see
 * it; a wrong code gets the usual 准考证号或考试码错误 like any unknown ticket.
 */

export const WITHDRAWN_LOGIN = '无法登录，请联系监考老师 (please contact the proctor)';

/** The stored code hash of a withdrawn candidate with this ticket (sessions not ended). */
export function withdrawnCodeHash(
  db: WritableDb,
  ticket: string,
): { attemptId: string; codeHash: string } | undefined {
  const row = withdrawnLogins(db, ticket)[0];
  return row === undefined
    ? undefined
    : { attemptId: row.attempt_id, codeHash: row.exam_code_hash };
}

/** Audits the refused login and throws FORBIDDEN with the candidate-facing message. */
export function refuseWithdrawnLogin(
  db: WritableDb,
  audit: AuditLog,
  attemptId: string,
  detail: { ticket: string; ip: string; at: number },
): never {
  transaction(db, () =>
    audit.append(
      db,
      {
        actor: `candidate:${attemptId}`,
        action: 'candidate.login-refused',
        payload: { ticket: detail.ticket, ip: detail.ip, reason: 'withdrawn' },
      },
      detail.at,
    ),
  );
  throw new CodedError('FORBIDDEN', WITHDRAWN_LOGIN);
}
