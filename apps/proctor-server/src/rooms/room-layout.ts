import { CodedError, SeatLayoutSchema, describeZodError, type RoomView } from '@skillexam/shared';
import type { AuditLog } from '../audit/audit-log';
import { transaction, type ReadableDb, type WritableDb } from '@skillexam/shared/sql';
import { findRoom, occupiedSeats, updateRoomLayout } from './room-repository';

/* Seat-map rules: a seat's label, a seat that must exist, a new map that strands nobody. */

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
    const stranded = occupiedSeats(db, input.sessionId, input.roomId).filter(
      (row) => !seats.has(row.seat),
    );
    if (stranded.length > 0) {
      throw new CodedError(
        'CONFLICT',
        `新座位图缺少已安排考生的座位: ${stranded.map((r) => `${r.seat} 号 (${r.admission_ticket})`).join('、')}`,
      );
    }
    updateRoomLayout(db, input.sessionId, input.roomId, layout);
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
