import { randomBytes } from 'node:crypto';
import {
  CodedError,
  isFinishedAttemptStatus,
  type AssignSeatResult,
  type AttemptStatus,
  type AutoSeatResult,
  type SeatOrder,
  type SessionSeats,
} from '@skillexam/shared';
import { transaction, type ReadableDb, type WritableDb } from '@skillexam/shared/sql';
import type { AuditLog } from '../audit/audit-log';
import { getSession } from '../sessions/session-repository';
import { requireSeat } from './room-layout';
import { findRoom, listRooms } from './room-repository';
import { manualMoves, planSeats, type PlanRoom } from './seat-assignment';
import { applySeatMoves, findSeatHolder, seatHolders } from './seat-assignment-repository';

/*
 * 排座 before check-in (docs/decisions/0977–0978): automatic plans (preview or save), a manual
 * move or swap, and the seat page's view. Each save is one transaction with its audit record.
 */

export interface SeatDeps {
  readonly db: WritableDb;
  readonly audit: AuditLog;
}

/** Throws CONFLICT once check-in has opened: from then on seats change only by 调座. */
export function requireBeforeCheckIn(db: ReadableDb, sessionId: string): void {
  const session = getSession(db, sessionId);
  if (session.status !== 'scheduled') {
    throw new CodedError(
      'CONFLICT',
      `考试场次 ${sessionId} 已开始检录，不能再排座；请在监考台用「调座」(proctor:move) 调换座位 (check-in has opened: status ${session.status})`,
    );
  }
}

/** One room, or every room of the session in natural id order (room-2 before room-10). */
function planRooms(db: ReadableDb, sessionId: string, roomId: string | undefined): PlanRoom[] {
  if (roomId !== undefined) {
    const room = findRoom(db, sessionId, roomId);
    if (room === undefined)
      throw new CodedError('NOT_FOUND', `考场 ${roomId} 不在场次 ${sessionId} (unknown room)`);
    return [room];
  }
  return listRooms(db, sessionId).sort((a, b) =>
    a.roomId.localeCompare(b.roomId, 'en', { numeric: true }),
  );
}

function plan(db: ReadableDb, input: AutoSeatInput, seed: string | undefined) {
  const rooms = planRooms(db, input.sessionId, input.roomId);
  const scope =
    input.roomId === undefined ? `场次 ${input.sessionId}` : `考场 ${rooms[0]?.name ?? ''}`;
  const candidates = seatHolders(db, input.sessionId, input.roomId);
  return planSeats(rooms, candidates, input.order, seed, scope);
}

/**
 * Seeds of random previews, so that saving a previewed draw saves exactly that draw: only a seed
 * this server drew for the same session and room is accepted back, once; the audit records how
 * many draws were previewed before the saved one.
 */
export class SeedBook {
  private readonly drawn = new Map<string, { seeds: Set<string>; draws: number }>();

  draw(sessionId: string, roomId: string | undefined): string {
    const key = `${sessionId}\u0000${roomId ?? '*'}`;
    const entry = this.drawn.get(key) ?? { seeds: new Set<string>(), draws: 0 };
    const seed = randomBytes(16).toString('hex');
    entry.seeds.add(seed);
    entry.draws += 1;
    if (entry.seeds.size > 100) entry.seeds.delete(entry.seeds.values().next().value as string);
    this.drawn.delete(key);
    this.drawn.set(key, entry);
    if (this.drawn.size > 1000) this.drawn.delete(this.drawn.keys().next().value as string);
    return seed;
  }

  /** The number of previewed draws when `seed` was one of them (then forgets them), else undefined. */
  take(sessionId: string, roomId: string | undefined, seed: string): number | undefined {
    const key = `${sessionId}\u0000${roomId ?? '*'}`;
    const entry = this.drawn.get(key);
    if (entry?.seeds.has(seed) !== true) return undefined;
    this.drawn.delete(key);
    return entry.draws;
  }
}

export interface AutoSeatInput {
  readonly sessionId: string;
  readonly roomId?: string | undefined;
  readonly order: SeatOrder;
  readonly save: boolean;
  readonly seed?: string | undefined;
}

/** 自动排座: the plan (save false) or the plan saved and audited with its order and seed. */
export function autoAssignSeats(
  deps: SeatDeps,
  seeds: SeedBook,
  input: AutoSeatInput,
  actor: string,
  now: number,
): AutoSeatResult {
  const { db, audit } = deps;
  requireBeforeCheckIn(db, input.sessionId);
  if (!input.save) {
    const seed = input.order === 'random' ? seeds.draw(input.sessionId, input.roomId) : undefined;
    const rooms = plan(db, input, seed);
    return { order: input.order, ...(seed === undefined ? {} : { seed }), saved: false, rooms };
  }
  let seed: string | undefined;
  let previewedDraws: number | undefined;
  if (input.order === 'random') {
    previewedDraws =
      input.seed === undefined ? undefined : seeds.take(input.sessionId, input.roomId, input.seed);
    seed = previewedDraws === undefined ? randomBytes(16).toString('hex') : input.seed;
  }
  return transaction(db, () => {
    requireBeforeCheckIn(db, input.sessionId);
    const rooms = plan(db, input, seed);
    const assignments = rooms.flatMap((room) => room.assignments);
    applySeatMoves(db, input.sessionId, assignments);
    audit.append(
      db,
      {
        actor,
        action: 'seat.auto-assign',
        payload: {
          sessionId: input.sessionId,
          ...(input.roomId === undefined ? {} : { roomId: input.roomId }),
          order: input.order,
          ...(seed === undefined ? {} : { seed, previewedDraws: previewedDraws ?? 0 }),
          seats: assignments.map((a) => ({
            ticket: a.admissionTicketNumber,
            from: { roomId: a.fromRoomId, seat: a.fromSeat },
            to: { roomId: a.roomId, seat: a.seat },
          })),
        },
      },
      now,
    );
    return { order: input.order, ...(seed === undefined ? {} : { seed }), saved: true, rooms };
  });
}

/**
 * 手动排座: one candidate of the session to a seat of any of its rooms; a candidate already on
 * that seat takes the first one's old seat. The checks of 调座 (proctor:move) that apply before
 * check-in: the candidate is of this session and not finished, the room is of the session and
 * its map has the seat.
 */
export function assignSeat(
  deps: SeatDeps,
  input: { sessionId: string; candidateId: string; roomId: string; seat: number },
  actor: string,
  now: number,
): AssignSeatResult {
  const { db, audit } = deps;
  return transaction(db, () => {
    requireBeforeCheckIn(db, input.sessionId);
    const candidate = findSeatHolder(db, input.candidateId);
    if (candidate?.sessionId !== input.sessionId) {
      throw new CodedError(
        'NOT_FOUND',
        `考生 ${input.candidateId} 不在场次 ${input.sessionId} (candidate not in this session)`,
      );
    }
    if (isFinishedAttemptStatus(candidate.status as AttemptStatus))
      throw new CodedError('CONFLICT', `当前状态 ${candidate.status} 不能调换座位`);
    requireSeat(db, input.sessionId, input.roomId, input.seat);
    const occupant = seatHolders(db, input.sessionId, input.roomId).find(
      (h) => h.seat === input.seat,
    );
    const moves = manualMoves(candidate, { roomId: input.roomId, seat: input.seat }, occupant);
    applySeatMoves(
      db,
      input.sessionId,
      moves.map((m) => ({ candidateId: m.candidateId, ...m.to })),
    );
    audit.append(
      db,
      {
        actor,
        action: moves.length > 1 ? 'seat.swap' : 'seat.assign',
        payload: {
          sessionId: input.sessionId,
          moves: moves.map((m) => ({
            candidateId: m.candidateId,
            ticket: m.admissionTicketNumber,
            from: m.from,
            to: m.to,
          })),
        },
      },
      now,
    );
    return {
      moved: moves.map((m) => ({
        candidateId: m.candidateId,
        admissionTicketNumber: m.admissionTicketNumber,
        name: m.name,
        roomId: m.to.roomId,
        seat: m.to.seat,
      })),
    };
  });
}

/** The seat page: the session's rooms with their maps and every live candidate's seat. */
export function sessionSeats(db: ReadableDb, sessionId: string): SessionSeats {
  const session = getSession(db, sessionId);
  return {
    sessionId,
    status: session.status,
    rooms: listRooms(db, sessionId).map((r) => ({
      roomId: r.roomId,
      name: r.name,
      layout: r.layout,
    })),
    candidates: seatHolders(db, sessionId),
  };
}
