import {
  CodedError,
  UpdateSessionRequestSchema,
  describeZodError,
  type UpdateSessionRequest,
} from '@skillexam/shared';
import { transaction, type WritableDb } from '@skillexam/shared/sql';
import type { AuditLog } from '../audit/audit-log';
import { checkSessionTimes } from './session-setup';
import { getSession, updateSessionSetup } from './session-repository';

/**
 * 编辑场次: name, start, duration, rules and automatic check-in of a session, only while it is
 * scheduled (check-in not open), with the checks of `createSession`; audited with the values
 * before and after (docs/decisions/0965).
 */
export function updateSession(
  db: WritableDb,
  audit: AuditLog,
  input: UpdateSessionRequest,
  actor: string,
  now: number,
): void {
  const parsed = UpdateSessionRequestSchema.safeParse(input);
  if (!parsed.success) throw new CodedError('BAD_REQUEST', describeZodError(parsed.error));
  const next = parsed.data;
  checkSessionTimes(next);
  transaction(db, () => {
    const before = getSession(db, next.id);
    if (before.status !== 'scheduled') {
      throw new CodedError(
        'CONFLICT',
        `考试场次 ${next.id} 已开始检录，不能再修改 (check-in has opened: status ${before.status})`,
      );
    }
    updateSessionSetup(db, {
      id: next.id,
      name: next.name,
      scheduledStart: next.scheduledStart,
      durationMs: next.durationMinutes * 60_000,
      rules: next.rules,
      autoCheckInAt: next.checkInAt,
    });
    audit.append(
      db,
      {
        actor,
        action: 'session.update',
        payload: {
          sessionId: next.id,
          before: {
            name: before.name,
            scheduledStart: before.scheduledStart,
            durationMinutes: before.durationMs / 60_000,
            rules: before.rules,
          },
          after: next,
        },
      },
      now,
    );
  });
}
