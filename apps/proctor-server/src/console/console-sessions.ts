import type { ConsoleSession } from '@skillexam/shared';
import { queryAll, sql, type ReadableDb } from '../db/sql';
import type { Principal } from '../auth/principal';
import { assignedProctors, staffMaySee } from '../incidents/session-scope';
import { listSessions, toSessionView } from '../sessions/session-repository';

/**
 * Every session with its rooms, candidate count and assigned proctors, for the session list;
 * a proctor gets only the sessions they may see (docs/decisions/0221).
 */
export function consoleSessions(db: ReadableDb, now: number, viewer: Principal): ConsoleSession[] {
  const counts = new Map(
    queryAll<{ session_id: string; n: number }>(
      db,
      sql`SELECT session_id, count(*) AS n FROM attempts GROUP BY session_id`,
    ).map((row) => [row.session_id, row.n]),
  );
  const visible = listSessions(db).filter(
    (session) => viewer.kind !== 'staff' || staffMaySee(db, viewer, session.id),
  );
  return visible.map((session) => ({
    session: toSessionView(session, now),
    rooms: queryAll<{ id: string; name: string; seat_count: number }>(
      db,
      sql`SELECT id, name, seat_count FROM rooms WHERE session_id = ${session.id} ORDER BY id`,
    ).map((room) => ({ id: room.id, name: room.name, seatCount: room.seat_count })),
    candidates: counts.get(session.id) ?? 0,
    proctors: assignedProctors(db, session.id),
  }));
}
