import {
  CodedError,
  type ProctorMessagePayload,
  type ProctorMessageResult,
} from '@skillexam/shared';
import type { AuditLog } from '../audit/audit-log';
import { transaction, type WritableDb } from '@skillexam/shared/sql';
import { getSession } from '../sessions/session-repository';
import type { Notifier } from '../socket/notifier';
import { getAttempt } from './attempt-repository';
import { reachableAttemptIds } from './attempt-status-repository';

export interface ProctorMessageDeps {
  readonly db: WritableDb;
  readonly audit: AuditLog;
  readonly notifier: Notifier;
}

/**
 * 监考员消息: a text to one candidate or to every candidate of the session who has logged in
 * and not finished; audited, then pushed as `attempt:message`.
 */
export function sendProctorMessage(
  deps: ProctorMessageDeps,
  payload: ProctorMessagePayload,
  sender: { actor: string; name: string },
  now: number,
): ProctorMessageResult {
  const { db, audit, notifier } = deps;
  const recipients = transaction(db, () => {
    getSession(db, payload.sessionId);
    let ids: string[];
    if (payload.attemptId !== undefined) {
      const attempt = getAttempt(db, payload.attemptId);
      if (attempt.sessionId !== payload.sessionId) {
        throw new CodedError(
          'BAD_REQUEST',
          `考生 ${payload.attemptId} 不属于场次 ${payload.sessionId}`,
        );
      }
      ids = [attempt.id];
    } else {
      ids = reachableAttemptIds(db, payload.sessionId);
    }
    audit.append(
      db,
      {
        actor: sender.actor,
        action: 'proctor.message',
        payload: {
          sessionId: payload.sessionId,
          ...(payload.attemptId === undefined ? {} : { attemptId: payload.attemptId }),
          text: payload.text,
          recipients: ids.length,
        },
      },
      now,
    );
    return ids;
  });
  notifier.message(recipients, { text: payload.text, from: sender.name, at: now });
  return { recipients: recipients.length, at: now };
}
