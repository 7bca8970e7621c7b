import type { SeatLayout } from '@skillexam/shared';
import type { ReadableDb } from '@skillexam/shared/sql';
import { freeSeats, planFreeSeats, type SeatHolder } from '../rooms/seat-assignment';
import { ROSTER_FIELD_LABELS, type RosterIssue, type RosterRow } from '../roster/index';
import { seatsInUse } from './candidate-admin-repository';

/*
 * The seats of a roster's rows (docs/decisions/0990): a written 座位号 is kept as written; an
 * empty one gets a free usable seat of the row's room, in 准考证号 order, after the seats the
 * file writes and those the session's candidates already hold — the 自动排座 planner
 * (rooms/seat-assignment.ts) on the room's free seats. A room with too few free seats is an issue
 * naming the room and how many seats are missing; its rows stay without a seat.
 */

export interface RosterSeatRoom {
  readonly id: string;
  readonly name: string;
  readonly layout: SeatLayout;
  /** false for a room this import creates: nobody holds its seats yet. */
  readonly stored: boolean;
}

export interface RosterSeat {
  /** undefined only for an empty 座位号 whose room has no free seat left for it. */
  readonly seat: number | undefined;
  /** true when the import chose the seat (the file's 座位号 was empty). */
  readonly auto: boolean;
}

/** Every row's seat (same order as `rows`) and the rooms short of free seats as issues. */
export function seatRosterRows(
  db: ReadableDb,
  sessionId: string,
  file: string,
  rows: readonly { readonly row: RosterRow; readonly roomId: string }[],
  rooms: ReadonlyMap<string, RosterSeatRoom>,
): { seats: RosterSeat[]; issues: RosterIssue[] } {
  const seats: RosterSeat[] = rows.map(({ row }) => ({
    seat: row.seat,
    auto: row.seat === undefined,
  }));
  const issues: RosterIssue[] = [];
  const waiting = new Map<string, SeatHolder[]>();
  rows.forEach(({ row, roomId }, index) => {
    if (row.seat !== undefined) return;
    const list = waiting.get(roomId) ?? [];
    list.push({
      candidateId: String(index),
      admissionTicketNumber: row.admissionTicketNumber,
      name: row.name,
      roomId,
      seat: 0,
    });
    waiting.set(roomId, list);
  });
  for (const [roomId, holders] of waiting) {
    const room = rooms.get(roomId);
    if (room === undefined) throw new Error(`room ${roomId} of the roster is not planned`);
    const taken = new Set(room.stored ? seatsInUse(db, sessionId, roomId) : []);
    for (const { row, roomId: rowRoom } of rows)
      if (rowRoom === roomId && row.seat !== undefined) taken.add(row.seat);
    const free = freeSeats(room.layout, taken).length;
    if (free < holders.length) {
      const missing = holders.length - free;
      issues.push({
        file,
        row: 0,
        field: ROSTER_FIELD_LABELS.seat,
        reason: `考场 ${room.name} 有 ${holders.length} 名考生未填座位号，只有 ${free} 个空座位，缺 ${missing} 个座位 (room ${room.name}: ${holders.length} candidates without a seat, ${free} free seats, ${missing} seats missing)`,
      });
      continue;
    }
    const plan = planFreeSeats(
      { roomId, name: room.name, layout: room.layout },
      taken,
      holders,
      `考场 ${room.name}`,
    );
    for (const placed of plan.assignments)
      seats[Number(placed.candidateId)] = { seat: placed.seat, auto: true };
  }
  return { seats, issues };
}
