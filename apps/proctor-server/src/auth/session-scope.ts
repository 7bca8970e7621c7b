import { CodedError, type ClientEventName } from '@skillexam/shared';
import { sessionOfAttempt } from '../attempts/attempt-repository';
import type { ReadableDb } from '@skillexam/shared/sql';
import { sessionOfIncident } from '../incidents/incident-repository';
import { isAssignedProctor } from '../sessions/session-proctor-repository';
import type { Principal } from './principal';
import { SOCKET_ROLES } from './roles';

/*
 * Proctors act on — and read — their own sessions only. An admin assigns proctors to a session
 * (`session:assign-proctors`, src/sessions/session-proctors.ts); from then on every event of that session a proctor may call —
 * room actions and reads alike (monitor:snapshot, console:timeline, incident:list,
 * results:summary…, docs/decisions/0221) — is refused for any other proctor, and so are the
 * console's downloads and photos. The rule is strict: a session without assigned proctors is
 * open to NO proctor (docs/decisions/0221, 0403) — any one staff member may be hostile, and
 * assigning 监考员 to a session is the exam admin's set-up step, as in a real exam
 * (`proctor-server session assign-proctors`, POST /api/sessions/proctors, the console's 监考人员
 * control). Admins and supervisors see everything; supervisors change nothing (SOCKET_ROLES in ./roles.ts).
 */

/** Events a proctor may call but a supervisor may not: they change a session. */
export function isRoomAction(event: ClientEventName): boolean {
  const roles = SOCKET_ROLES[event];
  return roles.includes('proctor') && !roles.includes('supervisor');
}

/**
 * Every session a payload refers to: its `sessionId`, and the sessions of its `attemptId`,
 * `attemptIds` and `incidentId` — all of them, so a proctor cannot pair their own session with
 * another session's candidate.
 */
function sessionsOfPayload(db: ReadableDb, payload: unknown): Set<string> {
  const sessions = new Set<string>();
  if (typeof payload !== 'object' || payload === null) return sessions;
  const fields = payload as Record<string, unknown>;
  const add = (sessionId: string | undefined) => {
    if (sessionId !== undefined) sessions.add(sessionId);
  };
  if (typeof fields['sessionId'] === 'string') add(fields['sessionId']);
  const attempts = [
    fields['attemptId'],
    ...(Array.isArray(fields['attemptIds']) ? fields['attemptIds'] : []),
  ];
  for (const attemptId of attempts) {
    if (typeof attemptId === 'string') add(sessionOfAttempt(db, attemptId));
  }
  if (typeof fields['incidentId'] === 'number') {
    add(sessionOfIncident(db, fields['incidentId']));
  }
  return sessions;
}

/** Whether this proctor may read and act on the session: only if assigned to it (strict). */
export function proctorMaySee(db: ReadableDb, username: string, sessionId: string): boolean {
  return isAssignedProctor(db, sessionId, username);
}

interface StaffMember {
  readonly role: string;
  readonly username: string;
}

/** Admins and supervisors see every session; a proctor the sessions of `proctorMaySee`. */
export function staffMaySee(db: ReadableDb, staff: StaffMember, sessionId: string): boolean {
  return staff.role !== 'proctor' || proctorMaySee(db, staff.username, sessionId);
}

/** FORBIDDEN for a proctor outside the session's assignment; admins and supervisors pass. */
export function assertStaffMaySee(db: ReadableDb, staff: StaffMember, sessionId: string): void {
  if (staffMaySee(db, staff, sessionId)) return;
  throw new CodedError(
    'FORBIDDEN',
    `您未被指派到考试场次 ${sessionId}，不能查看或操作该场次 (not assigned to this session)`,
  );
}

/**
 * Throws FORBIDDEN when a proctor calls any event — room action or read — about a session they
 * are not assigned to (for any session the payload refers to). Called for every event after its
 * payload was validated; events without a session (console:sessions, audit:status) pass.
 */
export function assertSessionScope(
  db: ReadableDb,
  _event: ClientEventName,
  payload: unknown,
  principal: Principal,
): void {
  if (principal.kind !== 'staff' || principal.role !== 'proctor') return;
  for (const sessionId of sessionsOfPayload(db, payload))
    assertStaffMaySee(db, principal, sessionId);
}
