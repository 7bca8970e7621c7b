import { randomBytes } from 'node:crypto';
import {
  CandidateSchema,
  CodedError,
  ExamRoomSchema,
  SessionRulesSchema,
  describeZodError,
  type Candidate,
  type ExamRoom,
  type SessionRules,
} from '@skillexam/shared';
import { z } from 'zod';
import type { AuditLog } from '../audit/audit-log';
import { transaction, type WritableDb } from '@skillexam/shared/sql';
import { examCodeSecret } from '../auth/exam-code-secret';
import { generateExamCodes, hashExamCode } from '../roster/index';
import { sessionContentKey } from '../content/content-key';
import { seatLabel } from '../rooms/room-layout';
import { findRoom, insertRoom } from '../rooms/room-repository';
import { assertKeyNotReleased } from '../console/key-release';
import { insertRosterAttempt, ticketOrSeatTaken } from './roster-repository';
import { examIsImported, getSession, insertSession, sessionExists } from './session-repository';

export const CreateSessionInputSchema = z.object({
  id: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$/),
  name: z.string().trim().min(1).max(200),
  examId: z.string().min(1).max(64),
  scheduledStart: z.number().int(),
  durationMinutes: z.int().min(1).max(600),
  rules: SessionRulesSchema,
  rooms: z.array(ExamRoomSchema).min(1),
  /** Check-in opens by itself at this time (epoch ms), audited as actor `system`. */
  checkInAt: z.number().int().optional(),
  /** 职业名称 shown on the kiosk's identity screen, e.g. 电工; default from the exam title. */
  occupationName: z.string().trim().min(1).max(100).optional(),
});
export type CreateSessionInput = z.input<typeof CreateSessionInputSchema>;

/** The rules' minutes fit the duration; automatic check-in is not after the start (create, edit). */
export function checkSessionTimes(session: {
  rules: SessionRules;
  durationMinutes: number;
  scheduledStart: number;
  checkInAt?: number | undefined;
}): void {
  for (const rule of ['lateEntryCutoffMinutes', 'earliestSubmissionMinutes'] as const) {
    if (session.rules[rule] > session.durationMinutes) {
      throw new CodedError(
        'BAD_REQUEST',
        `rules.${rule} (${session.rules[rule]}) 超过考试时长 ${session.durationMinutes} 分钟`,
      );
    }
  }
  if (session.checkInAt !== undefined && session.checkInAt > session.scheduledStart) {
    throw new CodedError('BAD_REQUEST', 'checkInAt: 自动检录时间晚于开考时间 (after the start)');
  }
}

/** Schedules a session in its rooms; the exam must be imported. */
export function createSession(
  db: WritableDb,
  audit: AuditLog,
  input: CreateSessionInput,
  actor: string,
  now: number,
): void {
  const parsed = CreateSessionInputSchema.safeParse(input);
  if (!parsed.success) throw new CodedError('BAD_REQUEST', describeZodError(parsed.error));
  const session = parsed.data;
  const rules: SessionRules = session.rules;
  checkSessionTimes(session);
  const roomIds = session.rooms.map((room) => room.id);
  const twice = roomIds.find((id, index) => roomIds.indexOf(id) !== index);
  if (twice !== undefined) throw new CodedError('BAD_REQUEST', `rooms: 考场 ${twice} 重复`);
  transaction(db, () => {
    if (!examIsImported(db, session.examId)) {
      throw new CodedError('NOT_FOUND', `考试 ${session.examId} 未导入 (exam not imported)`);
    }
    assertKeyNotReleased(db, session.examId); // docs/decisions/0220: released is recorded
    if (sessionExists(db, session.id)) {
      throw new CodedError('CONFLICT', `考试场次 ${session.id} 已存在 (session exists)`);
    }
    insertSession(db, {
      id: session.id,
      examId: session.examId,
      name: session.name,
      scheduledStart: session.scheduledStart,
      durationMs: session.durationMinutes * 60_000,
      rules,
      autoCheckInAt: session.checkInAt,
      occupationName: session.occupationName,
    });
    for (const room of session.rooms satisfies ExamRoom[]) insertRoom(db, session.id, room);
    sessionContentKey(db, session.id, now);
    audit.append(db, { actor, action: 'session.create', payload: session }, now);
  });
}

export interface IssuedCandidate {
  readonly admissionTicketNumber: string;
  readonly attemptId: string;
  /** The one-time exam code in clear text (8 characters): shown once, for the admission slip. */
  readonly examCode: string;
  readonly name: string;
  readonly roomId: string;
  readonly seat: number;
}

/**
 * Adds a roster to a session, all or nothing: every row is checked first (ID checksum, room,
 * seat within the room, no duplicate ticket or seat) and any problem rejects the whole roster.
 */
export function addRoster(
  db: WritableDb,
  audit: AuditLog,
  sessionId: string,
  rows: readonly unknown[],
  actor: string,
  now: number,
): IssuedCandidate[] {
  const problems: string[] = [];
  const candidates: Candidate[] = [];
  rows.forEach((row, index) => {
    const parsed = CandidateSchema.safeParse(row);
    if (parsed.success) candidates.push(parsed.data);
    else problems.push(`第 ${index + 1} 行 (row ${index + 1}): ${describeZodError(parsed.error)}`);
  });
  const seenTickets = new Set<string>();
  const seenSeats = new Set<string>();
  candidates.forEach((candidate) => {
    if (seenTickets.has(candidate.admissionTicketNumber)) {
      problems.push(`准考证号 ${candidate.admissionTicketNumber} 重复 (duplicate ticket)`);
    }
    seenTickets.add(candidate.admissionTicketNumber);
    const seatKey = `${candidate.roomId}#${candidate.seat}`;
    if (seenSeats.has(seatKey))
      problems.push(`考场 ${candidate.roomId} 座位 ${candidate.seat} 重复 (duplicate seat)`);
    seenSeats.add(seatKey);
  });
  return transaction(db, () => {
    const session = getSession(db, sessionId);
    if (session.status === 'ended')
      throw new CodedError('CONFLICT', '考试场次已结束 (session ended)');
    for (const candidate of candidates) {
      const room = findRoom(db, sessionId, candidate.roomId);
      if (room === undefined)
        problems.push(
          `准考证号 ${candidate.admissionTicketNumber}: 考场 ${candidate.roomId} 不在本场次 (unknown room)`,
        );
      else if (seatLabel(room, candidate.seat) === undefined) {
        problems.push(
          `准考证号 ${candidate.admissionTicketNumber}: 考场 ${room.name} 的座位图没有 ${candidate.seat} 号座位`,
        );
      }
      if (ticketOrSeatTaken(db, sessionId, candidate))
        problems.push(
          `准考证号 ${candidate.admissionTicketNumber}: 已在名单中或座位已占用 (already on the roster)`,
        );
    }
    if (problems.length > 0) {
      throw new CodedError(
        'BAD_REQUEST',
        `考生名单有 ${problems.length} 处错误，未导入任何考生:\n${problems.join('\n')}`,
      );
    }
    const secret = examCodeSecret(db);
    const codes = generateExamCodes(candidates.length);
    const issued = candidates.map((candidate, index) => {
      const attemptId = `a${randomBytes(12).toString('hex')}`;
      const examCode = codes[index] ?? '';
      insertRosterAttempt(db, {
        attemptId,
        sessionId,
        admissionTicketNumber: candidate.admissionTicketNumber,
        name: candidate.name,
        idNumber: candidate.idNumber,
        photoAssetHash: candidate.photoAssetHash,
        roomId: candidate.roomId,
        seat: candidate.seat,
        examCodeHash: hashExamCode(examCode, secret),
        variationSeed: randomBytes(4).readUInt32BE(0),
        accommodations: candidate.accommodations,
      });
      const extra = candidate.accommodations?.extraMinutes ?? 0;
      if (extra > 0) {
        // the roster's 延长时间 is 补时 granted at import: audited like a proctor's (0914)
        audit.append(
          db,
          {
            actor,
            action: 'attempt.extend',
            payload: {
              attemptId,
              minutes: extra,
              reason: '考生名单：延长时间 (roster accommodation)',
            },
          },
          now,
        );
      }
      return {
        admissionTicketNumber: candidate.admissionTicketNumber,
        attemptId,
        examCode,
        name: candidate.name,
        roomId: candidate.roomId,
        seat: candidate.seat,
      };
    });
    audit.append(
      db,
      {
        actor,
        action: 'roster.import',
        payload: { sessionId, tickets: issued.map((c) => c.admissionTicketNumber) },
      },
      now,
    );
    return issued;
  });
}
