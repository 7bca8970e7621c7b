import { CodedError, type ClientEventName } from '@skillexam/shared';
import type { AuditLog } from '../audit/audit-log';
import { ACTION_ROLES } from '../auth/action-roles';
import type { Principal } from '../auth/principal';
import {
  queryAll,
  queryOne,
  run,
  sql,
  transaction,
  type ReadableDb,
  type WritableDb,
} from '../db/sql';
import { getSession } from '../sessions/session-repository';

/*
 * Proctors act on their own sessions only. An admin assigns proctors to a session
 * (`session:assign-proctors`); from then on the session's room actions — every event a proctor
 * may call and a supervisor may not — are refused for any other proctor. A session without
 * assigned proctors stays open to every proctor (a single-room site needs no assignment).
 * Admins stand in everywhere; supervisors change nothing anyway (ACTION_ROLES).
 */

export function assignedProctors(db: ReadableDb, sessionId: string): string[] {
  return queryAll<{ username: string }>(
    db,
    sql`SELECT username FROM session_proctors WHERE session_id = ${sessionId} ORDER BY username`,
  ).map((row) => row.username);
}

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
      const staff = queryOne<{ role: string }>(
        db,
        sql`SELECT role FROM staff WHERE username = ${username}`,
      );
      if (staff === undefined)
        throw new CodedError('NOT_FOUND', `考务人员 ${username} 不存在 (unknown staff user)`);
      if (staff.role !== 'proctor')
        throw new CodedError(
          'BAD_REQUEST',
          `${username} 的角色是 ${staff.role}，只能指派监考人员 (only proctors are assigned)`,
        );
    }
    run(db, sql`DELETE FROM session_proctors WHERE session_id = ${sessionId}`);
    for (const username of unique) {
      run(
        db,
        sql`INSERT INTO session_proctors (session_id, username, assigned_at) VALUES (${sessionId}, ${username}, ${now})`,
      );
    }
    audit.append(
      db,
      { actor, action: 'session.assign-proctors', payload: { sessionId, usernames: unique } },
      now,
    );
    return assignedProctors(db, sessionId);
  });
}

/** Events a proctor may call but a supervisor may not: they change a session. */
export function isRoomAction(event: ClientEventName): boolean {
  const roles = ACTION_ROLES[event];
  return roles.includes('proctor') && !roles.includes('supervisor');
}

function sessionOfPayload(db: ReadableDb, payload: unknown): string | undefined {
  if (typeof payload !== 'object' || payload === null) return undefined;
  const fields = payload as Record<string, unknown>;
  if (typeof fields['sessionId'] === 'string') return fields['sessionId'];
  if (typeof fields['attemptId'] === 'string') {
    return queryOne<{ session_id: string }>(
      db,
      sql`SELECT session_id FROM attempts WHERE id = ${fields['attemptId']}`,
    )?.session_id;
  }
  if (typeof fields['incidentId'] === 'number') {
    return queryOne<{ session_id: string }>(
      db,
      sql`SELECT session_id FROM incidents WHERE id = ${fields['incidentId']}`,
    )?.session_id;
  }
  return undefined;
}

/**
 * Throws FORBIDDEN when a proctor calls a room action on a session that has assigned proctors
 * and they are not one of them. Called for every event after its payload was validated.
 */
export function assertSessionScope(
  db: ReadableDb,
  event: ClientEventName,
  payload: unknown,
  principal: Principal,
): void {
  if (principal.kind !== 'staff' || principal.role !== 'proctor' || !isRoomAction(event)) return;
  const sessionId = sessionOfPayload(db, payload);
  if (sessionId === undefined) return;
  const assigned = assignedProctors(db, sessionId);
  if (assigned.length === 0 || assigned.includes(principal.username)) return;
  throw new CodedError(
    'FORBIDDEN',
    `您未被指派到考试场次 ${sessionId}，不能操作该场次的考生 (not assigned to this session)`,
  );
}
