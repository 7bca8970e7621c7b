import { CodedError } from '@skillexam/shared';
import type { AuditLog } from '../audit/audit-log';
import { transaction, type WritableDb } from '@skillexam/shared/sql';
import {
  assignedSupervisors,
  replaceSessionSupervisors,
  staffRoleByUsername,
} from './session-proctor-repository';
import { getSession } from './session-repository';

/*
 * The 督考人员 a session records (`session:assign-supervisors`, docs/decisions/0985): the exam
 * admin names the supervisors who oversee it; they are shown in the monitor header and printed
 * on the 考场情况记录. Supervisors keep reading every session (0221): the record grants nothing.
 */

/** Replaces the supervisors recorded for a session (one transaction, audited). */
export function assignSupervisors(
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
      if (role !== 'supervisor')
        throw new CodedError(
          'BAD_REQUEST',
          `${username} 的角色是 ${role}，只能指派质量督导员为督考人员 (only supervisors are recorded)`,
        );
    }
    replaceSessionSupervisors(db, sessionId, unique, now);
    audit.append(
      db,
      { actor, action: 'session.assign-supervisors', payload: { sessionId, usernames: unique } },
      now,
    );
    return assignedSupervisors(db, sessionId);
  });
}
