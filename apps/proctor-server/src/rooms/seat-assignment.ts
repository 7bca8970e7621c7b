import { createHash } from 'node:crypto';
import { CodedError, type SeatLayout, type SeatOrder } from '@skillexam/shared';

/*
 * 排座 rules, pure (docs/decisions/0977–0978): the usable seats of a room in map order, an
 * automatic plan (准考证号 order, or a Fisher–Yates shuffle driven by a recorded seed so anyone
 * can redo the draw) filling one room or the rooms of a session in turn, and the moves of a
 * manual assignment (an occupied seat swaps the two).
 */

export interface SeatHolder {
  readonly candidateId: string;
  readonly admissionTicketNumber: string;
  readonly name: string;
  readonly roomId: string;
  readonly seat: number;
}

export interface PlanRoom {
  readonly roomId: string;
  readonly name: string;
  readonly layout: SeatLayout;
}

export interface PlannedSeat extends SeatHolder {
  readonly fromRoomId: string;
  readonly fromSeat: number;
  readonly label: string;
}

export interface RoomPlan {
  readonly roomId: string;
  readonly name: string;
  readonly seats: number;
  readonly assignments: PlannedSeat[];
}

/** The seats of a map from the front left, row by row (the order candidates fill them). */
export function usableSeats(layout: SeatLayout): SeatLayout['seats'] {
  return [...layout.seats].sort((a, b) => a.row - b.row || a.column - b.column);
}

const byTicket = (a: SeatHolder, b: SeatHolder) =>
  a.admissionTicketNumber < b.admissionTicketNumber
    ? -1
    : a.admissionTicketNumber > b.admissionTicketNumber
      ? 1
      : 0;

/**
 * A deterministic stream of 32-bit words from a seed: SHA-256(seed ‖ ":" ‖ counter), eight
 * big-endian words per block, counter from 0.
 */
function wordStream(seed: string): () => number {
  let counter = 0;
  let block: Buffer = Buffer.alloc(0);
  let offset = 0;
  return () => {
    if (offset >= block.length) {
      block = createHash('sha256').update(`${seed}:${counter}`).digest();
      counter += 1;
      offset = 0;
    }
    const word = block.readUInt32BE(offset);
    offset += 4;
    return word;
  };
}

/**
 * The list shuffled by the seed: Fisher–Yates from the last element down, each index drawn
 * uniformly in 0…i by rejection sampling of the word stream (no modulo bias).
 */
export function seededShuffle<T>(items: readonly T[], seed: string): T[] {
  const out = [...items];
  const next = wordStream(seed);
  for (let i = out.length - 1; i > 0; i -= 1) {
    const range = i + 1;
    const limit = Math.floor(0x1_0000_0000 / range) * range;
    let word = next();
    while (word >= limit) word = next();
    const j = word % range;
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

/**
 * The plan: the candidates in 准考证号 order, or shuffled (from 准考证号 order, so the draw
 * depends on the seed alone), fill the usable seats of the rooms in the order given — one room,
 * or every room of a session one after the other. Throws CONFLICT when there are fewer seats
 * than candidates, saying how many are missing; `scope` names the room or session in it.
 */
export function planSeats(
  rooms: readonly PlanRoom[],
  candidates: readonly SeatHolder[],
  order: SeatOrder,
  seed: string | undefined,
  scope: string,
): RoomPlan[] {
  if (order === 'random' && seed === undefined) throw new Error('a random draw needs a seed');
  const total = rooms.reduce((sum, room) => sum + room.layout.seats.length, 0);
  if (candidates.length > total) {
    const missing = candidates.length - total;
    throw new CodedError(
      'CONFLICT',
      `${scope} 有 ${candidates.length} 名考生、${total} 个座位，缺 ${missing} 个座位 (${missing} seats missing)`,
    );
  }
  const sorted = [...candidates].sort(byTicket);
  const queue = order === 'random' ? seededShuffle(sorted, seed ?? '') : sorted;
  let next = 0;
  return rooms.map((room) => {
    const seats = usableSeats(room.layout);
    const taken = queue.slice(next, next + seats.length);
    next += taken.length;
    return {
      roomId: room.roomId,
      name: room.name,
      seats: seats.length,
      assignments: taken.map((candidate, index) => {
        const seat = seats[index];
        if (seat === undefined) throw new Error('a room takes at most its seats');
        return {
          ...candidate,
          fromRoomId: candidate.roomId,
          fromSeat: candidate.seat,
          roomId: room.roomId,
          seat: seat.seat,
          label: seat.label,
        };
      }),
    };
  });
}

/** The usable seats of a map that nobody holds, in the order candidates fill them. */
export function freeSeats(layout: SeatLayout, taken: ReadonlySet<number>): SeatLayout['seats'] {
  return usableSeats(layout).filter((seat) => !taken.has(seat.seat));
}

/**
 * Seats candidates on the free seats of one room in 准考证号 order: `planSeats` on the room's
 * map without the taken seats (the roster import's empty 座位号, docs/decisions/0990). Throws
 * CONFLICT like `planSeats` when the free seats are too few.
 */
export function planFreeSeats(
  room: PlanRoom,
  taken: ReadonlySet<number>,
  candidates: readonly SeatHolder[],
  scope: string,
): RoomPlan {
  const layout = { ...room.layout, seats: freeSeats(room.layout, taken) };
  const [plan] = planSeats([{ ...room, layout }], candidates, 'admission', undefined, scope);
  if (plan === undefined) throw new Error('one room gives one plan');
  return plan;
}

export interface SeatMove {
  readonly candidateId: string;
  readonly admissionTicketNumber: string;
  readonly name: string;
  readonly from: { readonly roomId: string; readonly seat: number };
  readonly to: { readonly roomId: string; readonly seat: number };
}

/**
 * The moves of putting `candidate` on (roomId, seat): one move, or two when another candidate
 * holds that seat (they take the candidate's old seat). Throws BAD_REQUEST when the candidate
 * already sits there.
 */
export function manualMoves(
  candidate: SeatHolder,
  target: { roomId: string; seat: number },
  occupant: SeatHolder | undefined,
): SeatMove[] {
  if (candidate.roomId === target.roomId && candidate.seat === target.seat) {
    throw new CodedError(
      'BAD_REQUEST',
      `考生 ${candidate.admissionTicketNumber} 已在该座位 (already on this seat)`,
    );
  }
  const from = { roomId: candidate.roomId, seat: candidate.seat };
  const move = (who: SeatHolder, to: { roomId: string; seat: number }): SeatMove => ({
    candidateId: who.candidateId,
    admissionTicketNumber: who.admissionTicketNumber,
    name: who.name,
    from: { roomId: who.roomId, seat: who.seat },
    to: { roomId: to.roomId, seat: to.seat },
  });
  const moves = [move(candidate, target)];
  if (occupant !== undefined && occupant.candidateId !== candidate.candidateId)
    moves.push(move(occupant, from));
  return moves;
}
