import { CodedError, type AttemptStatus, type AttemptView } from '@skillexam/shared';
import { queryAll, queryOne, type ReadableDb } from '../db/sql';
import { attemptDeadline, maskIdNumber } from './deadline';

/** An attempt joined with the session fields that decide its timing. */
export interface AttemptRecord {
  readonly id: string;
  readonly sessionId: string;
  readonly examId: string;
  readonly admissionTicket: string;
  readonly name: string;
  readonly idNumber: string;
  readonly photoHash: string | undefined;
  readonly roomId: string;
  readonly seat: number;
  readonly examCodeHash: string;
  readonly status: AttemptStatus;
  readonly failedLogins: number;
  readonly lockedUntil: number | undefined;
  readonly identityConfirmedAt: number | undefined;
  readonly startedAt: number | undefined;
  readonly pausedAt: number | undefined;
  readonly pauseKind: 'attempt' | 'session' | undefined;
  readonly pausedTotalMs: number;
  readonly extensionMs: number;
  /** 补时上限 raised for this candidate by an exam admin; undefined: the session rule. */
  readonly extensionCapMs: number | undefined;
  readonly submittedAt: number | undefined;
  readonly ackedSeq: number;
  readonly lastHeartbeatAt: number | undefined;
  readonly sessionStartedAt: number | undefined;
  readonly durationMs: number;
  /** 乱序 seed of the candidate's own item and option order. */
  readonly variationSeed: number;
}

interface AttemptRow {
  id: string;
  session_id: string;
  exam_id: string;
  admission_ticket: string;
  name: string;
  id_number: string;
  photo_hash: string | null;
  room_id: string;
  seat: number;
  exam_code_hash: string;
  status: AttemptStatus;
  failed_logins: number;
  locked_until: number | null;
  identity_confirmed_at: number | null;
  started_at: number | null;
  paused_at: number | null;
  pause_kind: 'attempt' | 'session' | null;
  paused_total_ms: number;
  extension_ms: number;
  extension_cap_ms: number | null;
  submitted_at: number | null;
  acked_seq: number;
  last_heartbeat_at: number | null;
  session_started_at: number | null;
  duration_ms: number;
  variation_seed: number | null;
}

const opt = <T>(value: T | null): T | undefined => (value === null ? undefined : value);

function toRecord(row: AttemptRow): AttemptRecord {
  return {
    id: row.id,
    sessionId: row.session_id,
    examId: row.exam_id,
    admissionTicket: row.admission_ticket,
    name: row.name,
    idNumber: row.id_number,
    photoHash: opt(row.photo_hash),
    roomId: row.room_id,
    seat: row.seat,
    examCodeHash: row.exam_code_hash,
    status: row.status,
    failedLogins: row.failed_logins,
    lockedUntil: opt(row.locked_until),
    identityConfirmedAt: opt(row.identity_confirmed_at),
    startedAt: opt(row.started_at),
    pausedAt: opt(row.paused_at),
    pauseKind: opt(row.pause_kind),
    pausedTotalMs: row.paused_total_ms,
    extensionMs: row.extension_ms,
    extensionCapMs: opt(row.extension_cap_ms),
    submittedAt: opt(row.submitted_at),
    ackedSeq: row.acked_seq,
    lastHeartbeatAt: opt(row.last_heartbeat_at),
    sessionStartedAt: opt(row.session_started_at),
    durationMs: row.duration_ms,
    variationSeed: row.variation_seed ?? 0,
  };
}

const SELECT_ATTEMPT = `
  SELECT a.id, a.session_id, s.exam_id, a.admission_ticket, a.name, a.id_number, a.photo_hash,
         a.room_id, a.seat, a.exam_code_hash, a.status, a.failed_logins, a.locked_until,
         a.identity_confirmed_at, a.started_at, a.paused_at, a.pause_kind, a.paused_total_ms,
         a.extension_ms, a.extension_cap_ms, a.submitted_at, a.acked_seq, a.last_heartbeat_at, a.variation_seed,
         s.started_at AS session_started_at, s.duration_ms
  FROM attempts a JOIN sessions s ON s.id = a.session_id`;

export function findAttempt(db: ReadableDb, attemptId: string): AttemptRecord | undefined {
  const row = queryOne<AttemptRow>(db, {
    text: `${SELECT_ATTEMPT} WHERE a.id = ?`,
    params: [attemptId],
  });
  return row === undefined ? undefined : toRecord(row);
}

export function getAttempt(db: ReadableDb, attemptId: string): AttemptRecord {
  const attempt = findAttempt(db, attemptId);
  if (attempt === undefined)
    throw new CodedError('NOT_FOUND', `考生作答记录 ${attemptId} 不存在 (unknown attempt)`);
  return attempt;
}

export function findAttemptByTicket(db: ReadableDb, admissionTicket: string): AttemptRecord[] {
  return queryAll<AttemptRow>(db, {
    text: `${SELECT_ATTEMPT} WHERE a.admission_ticket = ? ORDER BY s.scheduled_start DESC`,
    params: [admissionTicket],
  }).map(toRecord);
}

export function listAttempts(db: ReadableDb, sessionId: string): AttemptRecord[] {
  return queryAll<AttemptRow>(db, {
    text: `${SELECT_ATTEMPT} WHERE a.session_id = ? ORDER BY a.room_id, a.seat`,
    params: [sessionId],
  }).map(toRecord);
}

export function deadlineOf(attempt: AttemptRecord, now: number): number | undefined {
  return attemptDeadline(attempt, now);
}

export function toAttemptView(attempt: AttemptRecord, now: number): AttemptView {
  const deadlineAt = attemptDeadline(attempt, now);
  return {
    attemptId: attempt.id,
    sessionId: attempt.sessionId,
    admissionTicketNumber: attempt.admissionTicket,
    name: attempt.name,
    maskedIdNumber: maskIdNumber(attempt.idNumber),
    ...(attempt.photoHash === undefined ? {} : { photoAssetHash: attempt.photoHash }),
    roomId: attempt.roomId,
    seat: attempt.seat,
    status: attempt.status,
    identityConfirmed: attempt.identityConfirmedAt !== undefined,
    ...(attempt.lockedUntil !== undefined && attempt.lockedUntil > now
      ? { lockedUntil: attempt.lockedUntil }
      : {}),
    ...(attempt.startedAt === undefined ? {} : { startedAt: attempt.startedAt }),
    ...(deadlineAt === undefined ? {} : { deadlineAt }),
    ...(attempt.pausedAt === undefined ? {} : { pausedAt: attempt.pausedAt }),
    ...(attempt.pauseKind === undefined ? {} : { pauseKind: attempt.pauseKind }),
    extensionMs: attempt.extensionMs,
    ...(attempt.extensionCapMs === undefined ? {} : { extensionCapMs: attempt.extensionCapMs }),
    ...(attempt.submittedAt === undefined ? {} : { submittedAt: attempt.submittedAt }),
    ackedSeq: attempt.ackedSeq,
    ...(attempt.lastHeartbeatAt === undefined ? {} : { lastHeartbeatAt: attempt.lastHeartbeatAt }),
    serverTime: now,
  };
}
