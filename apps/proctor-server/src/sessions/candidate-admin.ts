import {
  CodedError,
  type AddCandidateRequestSchema,
  type AddCandidateResult,
  type CandidateAdminList,
  type CandidateAdminRow,
  type CandidateReasonRequestSchema,
} from '@skillexam/shared';
import { transaction } from '@skillexam/shared/sql';
import type { z } from 'zod';
import { revokeSubjectTokens } from '../auth/token-repository';
import type { Store } from '../db/store';
import { findRoom, listRooms } from '../rooms/room-repository';
import { freeSeats } from '../rooms/seat-assignment';
import { ROSTER_FIELD_LABELS, parseRoster, type RosterField } from '../roster/index';
import { findAttempt } from '../attempts/attempt-repository';
import {
  candidateRows,
  findWithdrawn,
  moveAttemptToWithdrawals,
  moveWithdrawalToAttempts,
  seatsInUse,
  ticketOnRoster,
  ticketWithdrawn,
  withdrawnRows,
  type CandidateListRow,
} from './candidate-admin-repository';
import { commitRosterImport } from './roster-import';
import { getSession } from './session-repository';

/*
 * 考生管理 (docs/decisions/0973–0976): one candidate added through the roster's own parser and
 * import (a one-row roster: the same checks and messages), withdrawn (撤销考试资格) before they
 * sign in, reinstated (恢复资格) before the exam starts. Every write is audited with its reason.
 */

type AddInput = z.infer<typeof AddCandidateRequestSchema>;
type ReasonInput = z.infer<typeof CandidateReasonRequestSchema>;

function maskId(id: string): string {
  return id.length <= 10 ? id : `${id.slice(0, 6)}${'*'.repeat(id.length - 10)}${id.slice(-4)}`;
}

function toRow(row: CandidateListRow): CandidateAdminRow {
  return {
    attemptId: row.id,
    admissionTicketNumber: row.admission_ticket,
    name: row.name,
    idNumber: maskId(row.id_number),
    roomId: row.room_id,
    roomName: row.room_name,
    seat: row.seat,
    status: row.status as CandidateAdminRow['status'],
    photo: row.photo_hash !== null,
    extraMinutes: Math.round(row.roster_extra_ms / 60_000),
  };
}

/** The roster and the withdrawn candidates of a session, for the 考生管理 page. */
export function listSessionCandidates(store: Store, sessionId: string): CandidateAdminList {
  const session = getSession(store.db, sessionId);
  const withdrawn = withdrawnRows(store.db, sessionId).map((row) => ({
    ...toRow(row),
    withdrawal: { at: row.withdrawn_at, by: row.withdrawn_by, reason: row.reason },
  }));
  return {
    sessionId,
    sessionStatus: session.status,
    rooms: listRooms(store.db, sessionId).map((room) => ({ id: room.roomId, name: room.name })),
    candidates: [...candidateRows(store.db, sessionId).map(toRow), ...withdrawn],
  };
}

/**
 * The first seat of the room's map that no candidate holds, in the order 自动排座 and the roster
 * import fill seats (docs/decisions/0975, 0990).
 */
export function firstFreeSeat(store: Store, sessionId: string, roomId: string): number {
  const room = findRoom(store.db, sessionId, roomId);
  if (room === undefined)
    throw new CodedError('NOT_FOUND', `考场 ${roomId} 不在本场次 (unknown room)`);
  const free = freeSeats(room.layout, seatsInUse(store.db, sessionId, roomId))[0]?.seat;
  if (free === undefined)
    throw new CodedError('CONFLICT', `考场 ${room.name} 已没有空座位 (no free seat in the room)`);
  return free;
}

const csvCell = (value: string): string => `"${value.replaceAll('"', '""')}"`;
const CSV_FIELDS: readonly RosterField[] = [
  'admissionTicketNumber',
  'name',
  'idNumber',
  'photo',
  'room',
  'seat',
  'extraMinutes',
  'largeText',
  'highContrast',
];

/** One roster row as a .csv file with the template's headers. */
function oneRowRoster(cells: Readonly<Record<RosterField, string>>): Uint8Array {
  const header = CSV_FIELDS.map((field) => csvCell(ROSTER_FIELD_LABELS[field])).join(',');
  const row = CSV_FIELDS.map((field) => csvCell(cells[field])).join(',');
  return new TextEncoder().encode(`${header}\n${row}\n`);
}

/** 添加考生: a one-row roster through parseRoster and the roster import (all-or-nothing). */
export async function addCandidate(
  store: Store,
  input: AddInput,
  actor: string,
  now: number,
): Promise<AddCandidateResult> {
  const session = getSession(store.db, input.sessionId);
  if (session.status === 'ended')
    throw new CodedError('CONFLICT', '考试场次已结束 (session ended)');
  const seatGiven = input.seat !== undefined;
  const seat = input.seat ?? firstFreeSeat(store, session.id, input.roomId);
  if (findRoom(store.db, session.id, input.roomId) === undefined)
    throw new CodedError('NOT_FOUND', `考场 ${input.roomId} 不在本场次 (unknown room)`);
  const fileName = '添加考生.csv';
  // the parser reads cells NFKC-normalized and trimmed: the photo map's key must match
  const photoName = (input.photo?.fileName ?? '').normalize('NFKC').trim();
  const parsed = await parseRoster(
    oneRowRoster({
      admissionTicketNumber: input.admissionTicketNumber,
      name: input.name,
      idNumber: input.idNumber,
      photo: photoName,
      room: input.roomId,
      seat: String(seat),
      extraMinutes: String(input.extraMinutes ?? ''),
      largeText: input.largeText === true ? '是' : '否',
      highContrast: input.highContrast === true ? '是' : '否',
    }),
    {
      fileName,
      photos: new Map(
        input.photo === undefined ? [] : [[photoName, Buffer.from(input.photo.base64, 'base64')]],
      ),
    },
  );
  if (parsed.issues.length > 0) {
    const lines = parsed.issues.map((i) => (i.field === '' ? i.reason : `${i.field}: ${i.reason}`));
    throw new CodedError('BAD_REQUEST', `考生信息有误，未添加 (not added):\n${lines.join('\n')}`);
  }
  const row = parsed.rows[0];
  if (row === undefined) throw new CodedError('BAD_REQUEST', '名单中没有考生 (no candidate rows)');
  if (ticketWithdrawn(store.db, session.id, row.admissionTicketNumber)) {
    throw new CodedError(
      'CONFLICT',
      `准考证号 ${row.admissionTicketNumber}: 该考生已被撤销考试资格，请使用“恢复资格” (withdrawn: reinstate instead)`,
    );
  }
  return transaction(store.db, () => {
    const { issued } = commitRosterImport(store, session.id, parsed, fileName, actor, now);
    const candidate = issued[0];
    if (candidate === undefined) throw new CodedError('INTERNAL', '未添加考生 (nothing added)');
    store.audit.append(
      store.db,
      {
        actor,
        action: 'candidate.add',
        payload: {
          sessionId: session.id,
          attemptId: candidate.attemptId,
          ticket: candidate.admissionTicketNumber,
          roomId: candidate.roomId,
          seat: candidate.seat,
          seatChosen: seatGiven ? 'given' : 'first-free',
          photo: row.photo?.sha256 ?? null,
        },
      },
      now,
    );
    return {
      attemptId: candidate.attemptId,
      admissionTicketNumber: candidate.admissionTicketNumber,
      roomId: candidate.roomId,
      seat: candidate.seat,
    };
  });
}

/**
 * 撤销考试资格 (docs/decisions/0973, 0974): only a candidate who has not signed in; after that
 * the monitor's 作废 applies. The seat is freed; the row is kept with who, when and why.
 */
export function withdrawCandidate(store: Store, input: ReasonInput, actor: string, now: number) {
  const { db } = store;
  return transaction(db, () => {
    const session = getSession(db, input.sessionId);
    if (session.status === 'ended')
      throw new CodedError('CONFLICT', '考试场次已结束 (session ended)');
    const attempt = findAttempt(db, input.attemptId);
    if (attempt === undefined || attempt.sessionId !== session.id) {
      const again = findWithdrawn(db, session.id, input.attemptId) !== undefined;
      throw new CodedError(
        again ? 'CONFLICT' : 'NOT_FOUND',
        again
          ? '该考生已被撤销考试资格 (already withdrawn)'
          : `考生 ${input.attemptId} 不在本场次名单中 (not on this roster)`,
      );
    }
    if (attempt.status !== 'registered') {
      throw new CodedError(
        'CONFLICT',
        `考生 ${attempt.admissionTicket} 已登录或已开考，不能撤销考试资格；请在监考台作废试卷 (already signed in: void the attempt in the monitor)`,
      );
    }
    revokeSubjectTokens(db, 'candidate', attempt.id, now);
    const moved = withdrawRow(store, attempt.id, { by: actor, reason: input.reason, at: now });
    if (!moved) throw new CodedError('CONFLICT', '考生状态已改变，请刷新 (status changed)');
    store.audit.append(
      db,
      {
        actor,
        action: 'candidate.withdraw',
        payload: {
          sessionId: session.id,
          attemptId: attempt.id,
          ticket: attempt.admissionTicket,
          roomId: attempt.roomId,
          seat: attempt.seat,
          reason: input.reason,
        },
      },
      now,
    );
    return { attemptId: attempt.id, withdrawn: true };
  });
}

/** The move; a row that other records point at (an incident, a kiosk event) cannot leave. */
function withdrawRow(
  store: Store,
  attemptId: string,
  withdrawal: { by: string; reason: string; at: number },
): boolean {
  try {
    return moveAttemptToWithdrawals(store.db, attemptId, withdrawal);
  } catch (error) {
    if ((error as { code?: unknown }).code !== 'SQLITE_CONSTRAINT_FOREIGNKEY') throw error;
    throw new CodedError(
      'CONFLICT',
      '该考生已有考场记录（如事件记录），不能撤销考试资格；请在监考台作废 (has exam-room records: void instead)',
    );
  }
}

/**
 * 恢复资格 before the exam starts: back on the roster with the same exam code, in the old seat
 * or, when someone took it meanwhile, the room's first free seat (docs/decisions/0974).
 */
export function reinstateCandidate(store: Store, input: ReasonInput, actor: string, now: number) {
  const { db } = store;
  return transaction(db, () => {
    const session = getSession(db, input.sessionId);
    if (!['scheduled', 'check_in'].includes(session.status))
      throw new CodedError('CONFLICT', '考试已开始，不能恢复考试资格 (the exam has started)');
    const withdrawn = findWithdrawn(db, session.id, input.attemptId);
    if (withdrawn === undefined)
      throw new CodedError('NOT_FOUND', `考生 ${input.attemptId} 未被撤销资格 (not withdrawn)`);
    if (ticketOnRoster(db, session.id, withdrawn.admission_ticket)) {
      throw new CodedError(
        'CONFLICT',
        `准考证号 ${withdrawn.admission_ticket} 已在名单中 (the ticket is on the roster again)`,
      );
    }
    const seat = seatsInUse(db, session.id, withdrawn.room_id).has(withdrawn.seat)
      ? firstFreeSeat(store, session.id, withdrawn.room_id)
      : withdrawn.seat;
    moveWithdrawalToAttempts(db, withdrawn.id, seat);
    store.audit.append(
      db,
      {
        actor,
        action: 'candidate.reinstate',
        payload: {
          sessionId: session.id,
          attemptId: withdrawn.id,
          ticket: withdrawn.admission_ticket,
          roomId: withdrawn.room_id,
          seat,
          previousSeat: withdrawn.seat,
          reason: input.reason,
        },
      },
      now,
    );
    return { attemptId: withdrawn.id, roomId: withdrawn.room_id, seat };
  });
}
