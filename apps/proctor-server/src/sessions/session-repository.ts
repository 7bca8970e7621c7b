import {
  CodedError,
  SessionRulesSchema,
  type SessionRules,
  type SessionStatus,
  type SessionView,
} from '@skillexam/shared';
import {
  queryAll,
  queryOne,
  run,
  sql,
  type ReadableDb,
  type WritableDb,
} from '@skillexam/shared/sql';

export interface SessionRecord {
  readonly id: string;
  readonly examId: string;
  readonly name: string;
  readonly scheduledStart: number;
  readonly durationMs: number;
  readonly rules: SessionRules;
  readonly status: SessionStatus;
  readonly startedAt: number | undefined;
  readonly pausedAt: number | undefined;
  readonly endedAt: number | undefined;
}

interface SessionRow {
  id: string;
  exam_id: string;
  name: string;
  scheduled_start: number;
  duration_ms: number;
  rules_json: string;
  status: SessionStatus;
  started_at: number | null;
  paused_at: number | null;
  ended_at: number | null;
}

function toRecord(row: SessionRow): SessionRecord {
  return {
    id: row.id,
    examId: row.exam_id,
    name: row.name,
    scheduledStart: row.scheduled_start,
    durationMs: row.duration_ms,
    rules: SessionRulesSchema.parse(JSON.parse(row.rules_json)),
    status: row.status,
    startedAt: row.started_at ?? undefined,
    pausedAt: row.paused_at ?? undefined,
    endedAt: row.ended_at ?? undefined,
  };
}

export function findSession(db: ReadableDb, sessionId: string): SessionRecord | undefined {
  const row = queryOne<SessionRow>(db, sql`SELECT * FROM sessions WHERE id = ${sessionId}`);
  return row === undefined ? undefined : toRecord(row);
}

export function getSession(db: ReadableDb, sessionId: string): SessionRecord {
  const session = findSession(db, sessionId);
  if (session === undefined)
    throw new CodedError('NOT_FOUND', `考试场次 ${sessionId} 不存在 (unknown session)`);
  return session;
}

export function listSessions(db: ReadableDb): SessionRecord[] {
  return queryAll<SessionRow>(db, sql`SELECT * FROM sessions ORDER BY scheduled_start`).map(
    toRecord,
  );
}

export function sessionExists(db: ReadableDb, sessionId: string): boolean {
  return queryOne(db, sql`SELECT 1 AS x FROM sessions WHERE id = ${sessionId}`) !== undefined;
}

export function examIsImported(db: ReadableDb, examId: string): boolean {
  return queryOne(db, sql`SELECT 1 AS x FROM exams WHERE id = ${examId}`) !== undefined;
}

/** 职业名称 set for the session, if any (otherwise it comes from the exam title). */
export function occupationNameOf(db: ReadableDb, sessionId: string): string | undefined {
  return (
    queryOne<{ occupation_name: string | null }>(
      db,
      sql`SELECT occupation_name FROM sessions WHERE id = ${sessionId}`,
    )?.occupation_name ?? undefined
  );
}

export interface NewSession {
  readonly id: string;
  readonly examId: string;
  readonly name: string;
  readonly scheduledStart: number;
  readonly durationMs: number;
  readonly rules: SessionRules;
  readonly autoCheckInAt: number | undefined;
  readonly occupationName: string | undefined;
}

/** A scheduled session (inside the caller's transaction). */
export function insertSession(db: WritableDb, s: NewSession): void {
  run(
    db,
    sql`INSERT INTO sessions (id, exam_id, name, scheduled_start, duration_ms, rules_json, status,
                              auto_check_in_at, occupation_name)
        VALUES (${s.id}, ${s.examId}, ${s.name}, ${s.scheduledStart},
                ${s.durationMs}, ${JSON.stringify(s.rules)}, 'scheduled',
                ${s.autoCheckInAt ?? null}, ${s.occupationName ?? null})`,
  );
}

/** The editable set-up of a scheduled session (inside the caller's transaction). */
export function updateSessionSetup(
  db: WritableDb,
  s: Omit<NewSession, 'examId' | 'occupationName'>,
): void {
  run(
    db,
    sql`UPDATE sessions SET name = ${s.name}, scheduled_start = ${s.scheduledStart},
          duration_ms = ${s.durationMs}, rules_json = ${JSON.stringify(s.rules)},
          auto_check_in_at = ${s.autoCheckInAt ?? null}
        WHERE id = ${s.id} AND status = 'scheduled'`,
  );
}

/** The automatic check-in time of a session, if it has one. */
export function autoCheckInAtOf(db: ReadableDb, sessionId: string): number | undefined {
  return (
    queryOne<{ at: number | null }>(
      db,
      sql`SELECT auto_check_in_at AS at FROM sessions WHERE id = ${sessionId}`,
    )?.at ?? undefined
  );
}

/** Scheduled sessions whose automatic check-in time has come. */
export function dueCheckInSessionIds(db: ReadableDb, now: number): string[] {
  return queryAll<{ id: string }>(
    db,
    sql`SELECT id FROM sessions WHERE status = 'scheduled' AND auto_check_in_at IS NOT NULL
        AND auto_check_in_at <= ${now}`,
  ).map((row) => row.id);
}

/*
 * The rows of each session step (SessionService keeps the rules, the transaction and the audit
 * record). Steps that move the whole room move its attempts in the same statement set.
 */

export function markCheckIn(db: WritableDb, sessionId: string): void {
  run(db, sql`UPDATE sessions SET status = 'check_in' WHERE id = ${sessionId}`);
}

/** 开考: the session runs and every admitted candidate starts now. */
export function markStarted(db: WritableDb, sessionId: string, now: number): void {
  run(db, sql`UPDATE sessions SET status = 'running', started_at = ${now} WHERE id = ${sessionId}`);
  run(
    db,
    sql`UPDATE attempts SET status = 'in_progress', started_at = ${now} WHERE session_id = ${sessionId} AND status = 'admitted'`,
  );
}

/** 全场暂停: the session and every running candidate pause (pause kind `session`). */
export function markPaused(db: WritableDb, sessionId: string, now: number): void {
  run(db, sql`UPDATE sessions SET status = 'paused', paused_at = ${now} WHERE id = ${sessionId}`);
  run(
    db,
    sql`UPDATE attempts SET status = 'paused', paused_at = ${now}, pause_kind = 'session'
        WHERE session_id = ${sessionId} AND status = 'in_progress'`,
  );
}

export function markResumed(db: WritableDb, sessionId: string): void {
  run(db, sql`UPDATE sessions SET status = 'running', paused_at = NULL WHERE id = ${sessionId}`);
}

export function markEnded(db: WritableDb, sessionId: string, now: number): void {
  run(
    db,
    sql`UPDATE sessions SET status = 'ended', ended_at = ${now}, paused_at = NULL WHERE id = ${sessionId}`,
  );
}

/** 缺考: a candidate who never started when the session ended. */
export function markAbsent(db: WritableDb, attemptId: string): void {
  run(db, sql`UPDATE attempts SET status = 'absent' WHERE id = ${attemptId}`);
}

const MINUTE_MS = 60_000;

export function checkInOpensAt(session: SessionRecord): number {
  return session.scheduledStart - session.rules.checkInOpensMinutesBefore * MINUTE_MS;
}

/** 开考N分钟后不得入场, counted from the actual start. */
export function lateEntryCutoffAt(session: SessionRecord): number | undefined {
  return session.startedAt === undefined
    ? undefined
    : session.startedAt + session.rules.lateEntryCutoffMinutes * MINUTE_MS;
}

/** 开考N分钟后方可交卷, counted from the actual start. */
export function earliestSubmissionAt(session: SessionRecord): number | undefined {
  return session.startedAt === undefined
    ? undefined
    : session.startedAt + session.rules.earliestSubmissionMinutes * MINUTE_MS;
}

export function toSessionView(session: SessionRecord, now: number): SessionView {
  return {
    id: session.id,
    name: session.name,
    examId: session.examId,
    status: session.status,
    scheduledStart: session.scheduledStart,
    durationMinutes: Math.round(session.durationMs / MINUTE_MS),
    rules: session.rules,
    ...(session.startedAt === undefined ? {} : { startedAt: session.startedAt }),
    ...(session.pausedAt === undefined ? {} : { pausedAt: session.pausedAt }),
    ...(session.endedAt === undefined ? {} : { endedAt: session.endedAt }),
    serverTime: now,
  };
}
