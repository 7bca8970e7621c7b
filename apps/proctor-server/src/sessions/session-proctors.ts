import { CodedError } from '@skillexam/shared';
import type { AuditLog } from '../audit/audit-log';
import { transaction, type WritableDb } from '@skillexam/shared/sql';
import {
  assignedProctors,
  replaceSessionProctors,
  staffRoleByUsername,
} from './session-proctor-repository';
import { getSession } from './session-repository';

/*
 * An admin assigns the 监考员 of a session (`session:assign-proctors`, POST /api/sessions/proctors,
 * `proctor-server session assign-proctors`); from then on only they read and act on it
 * (src/auth/session-scope.ts, docs/decisions/0221).
 */

/** Replaces the proctors assigned to a session (one transaction, audited). */
export function assignProctors(
  db: WritableDb,
  audit: AuditLog,
  sessionId: string,
  usernames: readonly string[],
  actor: string,
  now: number,
): string[] {
  return transaction(db, () => {
    getSession(db, sessionId);
    const unique = [...new Set(usernames)];
    for (const username of unique) {
      const role = staffRoleByUsername(db, username);
      if (role === undefined)
        throw new CodedError('NOT_FOUND', `考务人员 ${username} 不存在 (unknown staff user)`);
      if (role !== 'proctor')
        throw new CodedError(
          'BAD_REQUEST',
          `${username} 的角色是 ${role}，只能指派监考人员 (only proctors are assigned)`,
        );
    }
    replaceSessionProctors(db, sessionId, unique, now);
    audit.append(
      db,
      { actor, action: 'session.assign-proctors', payload: { sessionId, usernames: unique } },
      now,
    );
    return assignedProctors(db, sessionId);
  });
}
