import {
  SeatLayoutSchema,
  defaultSeatLayout,
  highestSeat,
  type RoomView,
  type SeatLayout,
} from '@skillexam/shared';
import {
  queryAll,
  queryOne,
  run,
  sql,
  type ReadableDb,
  type WritableDb,
} from '@skillexam/shared/sql';

/*
 * 考场与座位图: each room of a session has a seat map (rows × columns, seats on some cells).
 * A room without a drawn map uses the default grid of its seat count. Attempts keep the seat
 * NUMBER; the map gives its label and place.
 */

interface RoomRow {
  id: string;
  name: string;
  seat_count: number;
  layout_json: string | null;
}

function toView(row: RoomRow): RoomView {
  const stored =
    row.layout_json === null ? undefined : SeatLayoutSchema.safeParse(JSON.parse(row.layout_json));
  return {
    roomId: row.id,
    name: row.name,
    seatCount: row.seat_count,
    layout: stored?.success === true ? stored.data : defaultSeatLayout(row.seat_count),
  };
}

export function listRooms(db: ReadableDb, sessionId: string): RoomView[] {
  return queryAll<RoomRow>(
    db,
    sql`SELECT id, name, seat_count, layout_json FROM rooms WHERE session_id = ${sessionId} ORDER BY id`,
  ).map(toView);
}

export function findRoom(db: ReadableDb, sessionId: string, roomId: string): RoomView | undefined {
  const row = queryOne<RoomRow>(
    db,
    sql`SELECT id, name, seat_count, layout_json FROM rooms WHERE session_id = ${sessionId} AND id = ${roomId}`,
  );
  return row === undefined ? undefined : toView(row);
}

/** Inserts a room (inside the caller's transaction); the seat count covers the layout. */
export function insertRoom(
  db: WritableDb,
  sessionId: string,
  room: { id: string; name: string; seatCount: number; layout?: SeatLayout | undefined },
): void {
  const seatCount =
    room.layout === undefined ? room.seatCount : Math.max(room.seatCount, highestSeat(room.layout));
  run(
    db,
    sql`INSERT INTO rooms (session_id, id, name, seat_count, layout_json)
        VALUES (${sessionId}, ${room.id}, ${room.name}, ${seatCount},
                ${room.layout === undefined ? null : JSON.stringify(room.layout)})`,
  );
}

/** Seats of live candidates in a room (finished, absent and voided attempts hold none). */
export function occupiedSeats(
  db: ReadableDb,
  sessionId: string,
  roomId: string,
): { admission_ticket: string; seat: number }[] {
  return queryAll<{ admission_ticket: string; seat: number }>(
    db,
    sql`SELECT admission_ticket, seat FROM attempts
        WHERE session_id = ${sessionId} AND room_id = ${roomId}
          AND status NOT IN ('submitted', 'force_submitted', 'absent', 'voided')
        ORDER BY seat`,
  );
}

export function updateRoomLayout(
  db: WritableDb,
  sessionId: string,
  roomId: string,
  layout: SeatLayout,
): void {
  run(
    db,
    sql`UPDATE rooms SET layout_json = ${JSON.stringify(layout)}, seat_count = ${highestSeat(layout)}
        WHERE session_id = ${sessionId} AND id = ${roomId}`,
  );
}
