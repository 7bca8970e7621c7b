import type { ConsoleSession } from '@skillexam/shared';
import type { ReadableDb } from '@skillexam/shared/sql';
import type { Principal } from '../auth/principal';
import { staffMaySee } from '../auth/session-scope';
import { assignedProctors, assignedSupervisors } from '../sessions/session-proctor-repository';
import { listSessions, toSessionView } from '../sessions/session-repository';
import { candidateCountsBySession, roomsOfSession } from './console-repository';

/**
 * Every session with its rooms, candidate count, assigned proctors and recorded supervisors (0985),
 * for the session list;
 * a proctor gets only the sessions they may see (docs/decisions/0221).
 */
export function consoleSessions(db: ReadableDb, now: number, viewer: Principal): ConsoleSession[] {
  const counts = candidateCountsBySession(db);
  const visible = listSessions(db).filter(
    (session) => viewer.kind !== 'staff' || staffMaySee(db, viewer, session.id),
  );
  return visible.map((session) => ({
    session: toSessionView(session, now),
    rooms: roomsOfSession(db, session.id),
    candidates: counts.get(session.id) ?? 0,
    proctors: assignedProctors(db, session.id),
    supervisors: assignedSupervisors(db, session.id),
  }));
}
