import { CodedError, type Accommodations, type AttemptStatus } from '@skillexam/shared';
import { queryAll, queryOne, type ReadableDb } from '@skillexam/shared/sql';
import type { AttemptRecord } from './attempt-record';

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
  roster_extra_ms: number;
  large_text: number;
  high_contrast: number;
  submitted_at: number | null;
  acked_seq: number;
  last_heartbeat_at: number | null;
  session_started_at: number | null;
  duration_ms: number;
  variation_seed: number | null;
}

const opt = <T>(value: T | null): T | undefined => (value === null ? undefined : value);

/** 考生便利措施 from the roster, or undefined when it granted none. */
function accommodationsOf(row: AttemptRow): Accommodations | undefined {
  const extraMinutes = Math.round(row.roster_extra_ms / 60_000);
  return extraMinutes === 0 && row.large_text === 0 && row.high_contrast === 0
    ? undefined
    : { extraMinutes, largeText: row.large_text === 1, highContrast: row.high_contrast === 1 };
}

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
    accommodations: accommodationsOf(row),
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
         a.extension_ms, a.extension_cap_ms, a.roster_extra_ms, a.large_text, a.high_contrast, a.submitted_at, a.acked_seq, a.last_heartbeat_at, a.variation_seed,
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

/** The session of an attempt, or undefined for an unknown attempt (scope checks). */
export function sessionOfAttempt(db: ReadableDb, attemptId: string): string | undefined {
  return queryOne<{ session_id: string }>(db, {
    text: 'SELECT session_id FROM attempts WHERE id = ?',
    params: [attemptId],
  })?.session_id;
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
