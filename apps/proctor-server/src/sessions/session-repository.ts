import {
  CodedError,
  SessionRulesSchema,
  type SessionRules,
  type SessionStatus,
  type SessionView,
} from '@skillexam/shared';
import { queryAll, queryOne, sql, type ReadableDb } from '../db/sql';

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
