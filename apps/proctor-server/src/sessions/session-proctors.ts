import { CodedError } from '@skillexam/shared';
import type { AuditLog } from '../audit/audit-log';
import { transaction, type WritableDb } from '@skillexam/shared/sql';
import {
  assignedProctors,
  assignedSupervisors,
  replaceSessionProctors,
  replaceSessionSupervisors,
  staffRoleByUsername,
} from './session-proctor-repository';
import { getSession } from './session-repository';

/*
 * The staff an admin names for a session. 监考员 (`session:assign-proctors`, POST
 * /api/sessions/proctors, `proctor-server session assign-proctors`): from then on only they read
 * and act on it (src/auth/session-scope.ts, docs/decisions/0221). 督考人员
 * (`session:assign-supervisors`, docs/decisions/0985): shown in the monitor header and printed on
 * the 考场情况记录; supervisors keep reading every session, the record grants nothing.
 */

interface SessionStaffKind {
  readonly role: 'proctor' | 'supervisor';
  readonly action: string;
  readonly wrongRole: string;
  readonly replace: (db: WritableDb, sessionId: string, names: string[], now: number) => void;
  readonly read: (db: WritableDb, sessionId: string) => string[];
}

const PROCTORS: SessionStaffKind = {
  role: 'proctor',
  action: 'session.assign-proctors',
  wrongRole: '只能指派监考人员 (only proctors are assigned)',
  replace: replaceSessionProctors,
  read: assignedProctors,
};

const SUPERVISORS: SessionStaffKind = {
  role: 'supervisor',
  action: 'session.assign-supervisors',
  wrongRole: '只能指派质量督导员为督考人员 (only supervisors are recorded)',
  replace: replaceSessionSupervisors,
  read: assignedSupervisors,
};

/** Replaces the session's staff of one kind (one transaction, audited); every name is checked. */
function assignSessionStaff(
  kind: SessionStaffKind,
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
      if (role !== kind.role)
        throw new CodedError('BAD_REQUEST', `${username} 的角色是 ${role}，${kind.wrongRole}`);
    }
    kind.replace(db, sessionId, unique, now);
    audit.append(
      db,
      { actor, action: kind.action, payload: { sessionId, usernames: unique } },
      now,
    );
    return kind.read(db, sessionId);
  });
}

/** Replaces the proctors assigned to a session. */
export function assignProctors(
  db: WritableDb,
  audit: AuditLog,
  sessionId: string,
  usernames: readonly string[],
  actor: string,
  now: number,
): string[] {
  return assignSessionStaff(PROCTORS, db, audit, sessionId, usernames, actor, now);
}

/** Replaces the supervisors recorded for a session. */
export function assignSupervisors(
  db: WritableDb,
  audit: AuditLog,
  sessionId: string,
  usernames: readonly string[],
  actor: string,
  now: number,
): string[] {
  return assignSessionStaff(SUPERVISORS, db, audit, sessionId, usernames, actor, now);
}
