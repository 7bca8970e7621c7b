import type { AuditLog } from '../audit/audit-log';
import { transaction, type WritableDb } from '@skillexam/shared/sql';
import { assignProctors } from './session-proctors';
import { createSession, type CreateSessionInput } from './session-setup';

/**
 * Creates a session and assigns its 监考员 in ONE transaction (docs/decisions/0221): an unknown
 * proctor leaves no half-set-up session behind. Used by `session create --proctors` and
 * `POST /api/sessions`. Returns the assigned usernames (none when `proctors` is undefined).
 */
export function createSessionWithProctors(
  db: WritableDb,
  audit: AuditLog,
  input: CreateSessionInput,
  proctors: readonly string[] | undefined,
  actor: string,
  now: number,
): string[] {
  return transaction(db, () => {
    createSession(db, audit, input, actor, now);
    return proctors === undefined ? [] : assignProctors(db, audit, input.id, proctors, actor, now);
  });
}
