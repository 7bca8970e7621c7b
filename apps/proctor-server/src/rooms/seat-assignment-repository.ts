import {
  queryAll,
  queryOne,
  run,
  sql,
  type ReadableDb,
  type WritableDb,
} from '@skillexam/shared/sql';
import type { SeatHolder } from './seat-assignment';

/*
 * 排座 SQL: the candidates holding seats (live attempts: finished, absent and voided ones hold
 * none, as the attempts_seat index says) and the seat changes of a plan or a swap.
 */

interface HolderRow {
  id: string;
  session_id: string;
  admission_ticket: string;
  name: string;
  room_id: string;
  seat: number;
  status: string;
}

const toHolder = (row: HolderRow): SeatHolder => ({
  candidateId: row.id,
  admissionTicketNumber: row.admission_ticket,
  name: row.name,
  roomId: row.room_id,
  seat: row.seat,
});

/** Live candidates of the session (or of one room), by room and seat. */
export function seatHolders(db: ReadableDb, sessionId: string, roomId?: string): SeatHolder[] {
  const rows =
    roomId === undefined
      ? queryAll<HolderRow>(
          db,
          sql`SELECT id, session_id, admission_ticket, name, room_id, seat, status FROM attempts
              WHERE session_id = ${sessionId}
                AND status NOT IN ('submitted', 'force_submitted', 'absent', 'voided')
              ORDER BY room_id, seat`,
        )
      : queryAll<HolderRow>(
          db,
          sql`SELECT id, session_id, admission_ticket, name, room_id, seat, status FROM attempts
              WHERE session_id = ${sessionId} AND room_id = ${roomId}
                AND status NOT IN ('submitted', 'force_submitted', 'absent', 'voided')
              ORDER BY seat`,
        );
  return rows.map(toHolder);
}

/** One attempt by id, with its session and status (undefined when unknown). */
export function findSeatHolder(
  db: ReadableDb,
  candidateId: string,
): (SeatHolder & { sessionId: string; status: string }) | undefined {
  const row = queryOne<HolderRow>(
    db,
    sql`SELECT id, session_id, admission_ticket, name, room_id, seat, status FROM attempts
        WHERE id = ${candidateId}`,
  );
  return row === undefined
    ? undefined
    : { ...toHolder(row), sessionId: row.session_id, status: row.status };
}

/**
 * Moves candidates to their new seats inside the caller's transaction: every moved attempt is
 * first parked on a negative seat so that no intermediate state breaks the one-candidate-per-seat
 * index, then put on its seat.
 */
export function applySeatMoves(
  db: WritableDb,
  sessionId: string,
  moves: readonly { candidateId: string; roomId: string; seat: number }[],
): void {
  moves.forEach((move, index) => {
    run(
      db,
      sql`UPDATE attempts SET seat = ${-(index + 1)}
          WHERE id = ${move.candidateId} AND session_id = ${sessionId}`,
    );
  });
  for (const move of moves) {
    run(
      db,
      sql`UPDATE attempts SET room_id = ${move.roomId}, seat = ${move.seat}
          WHERE id = ${move.candidateId} AND session_id = ${sessionId}`,
    );
  }
}
