import {
  CodedError,
  SeatLayoutSchema,
  defaultSeatLayout,
  describeZodError,
  highestSeat,
  type RoomView,
  type SeatLayout,
} from '@skillexam/shared';
import type { AuditLog } from '../audit/audit-log';
import {
  queryAll,
  queryOne,
  run,
  sql,
  transaction,
  type ReadableDb,
  type WritableDb,
} from '../db/sql';

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

/** The label of a seat number in a room, if the room's map has that seat. */
export function seatLabel(room: RoomView, seat: number): string | undefined {
  return room.layout.seats.find((s) => s.seat === seat)?.label;
}

/** Throws BAD_REQUEST unless the room is in the session and its map has the seat. */
export function requireSeat(
  db: ReadableDb,
  sessionId: string,
  roomId: string,
  seat: number,
): RoomView {
  const room = findRoom(db, sessionId, roomId);
  if (room === undefined)
    throw new CodedError('BAD_REQUEST', `考场 ${roomId} 不在本场次 (unknown room)`);
  if (seatLabel(room, seat) === undefined) {
    throw new CodedError(
      'BAD_REQUEST',
      `考场 ${room.name} 没有 ${seat} 号座位 (no such seat in the seat map)`,
    );
  }
  return room;
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

/**
 * Replaces a room's seat map: every seat a candidate of the room holds must still exist.
 * One transaction with its audit record.
 */
export function setRoomLayout(
  db: WritableDb,
  audit: AuditLog,
  input: { sessionId: string; roomId: string; layout: unknown },
  actor: string,
  now: number,
): RoomView {
  const parsed = SeatLayoutSchema.safeParse(input.layout);
  if (!parsed.success)
    throw new CodedError('BAD_REQUEST', `座位图无效: ${describeZodError(parsed.error)}`);
  const layout = parsed.data;
  return transaction(db, () => {
    const room = findRoom(db, input.sessionId, input.roomId);
    if (room === undefined) {
      throw new CodedError(
        'NOT_FOUND',
        `考场 ${input.roomId} 不在场次 ${input.sessionId} (unknown room)`,
      );
    }
    const seats = new Set(layout.seats.map((s) => s.seat));
    const stranded = queryAll<{ admission_ticket: string; seat: number }>(
      db,
      sql`SELECT admission_ticket, seat FROM attempts
          WHERE session_id = ${input.sessionId} AND room_id = ${input.roomId}
            AND status NOT IN ('submitted', 'force_submitted', 'absent', 'voided')
          ORDER BY seat`,
    ).filter((row) => !seats.has(row.seat));
    if (stranded.length > 0) {
      throw new CodedError(
        'CONFLICT',
        `新座位图缺少已安排考生的座位: ${stranded.map((r) => `${r.seat} 号 (${r.admission_ticket})`).join('、')}`,
      );
    }
    run(
      db,
      sql`UPDATE rooms SET layout_json = ${JSON.stringify(layout)}, seat_count = ${highestSeat(layout)}
          WHERE session_id = ${input.sessionId} AND id = ${input.roomId}`,
    );
    audit.append(
      db,
      {
        actor,
        action: 'room.set-layout',
        payload: { sessionId: input.sessionId, roomId: input.roomId, layout },
      },
      now,
    );
    const updated = findRoom(db, input.sessionId, input.roomId);
    if (updated === undefined) throw new Error('room vanished inside its own transaction');
    return updated;
  });
}
