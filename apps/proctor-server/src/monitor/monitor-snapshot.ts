import {
  countBucketOf,
  emptyMonitorCounts,
  isFinishedAttemptStatus,
  LIVE_ATTEMPT_STATUSES,
  type AbsentCandidate,
  type AttemptProgress,
  type MonitorCounts,
  type MonitorSnapshot,
} from '@skillexam/shared';
import { listAttempts } from '../attempts/attempt-repository';
import { toAttemptView, type AttemptRecord } from '../attempts/attempt-record';
import type { ReadableDb } from '@skillexam/shared/sql';
import type { ExamCatalog } from '../exams/exam-repository';
import { latestKioskEvents, recentKioskEvents } from './kiosk-event-log';
import { answeredCounts } from './monitor-repository';
import { seatLabel } from '../rooms/room-layout';
import { listRooms } from '../rooms/room-repository';
import { getSession, lateEntryCutoffAt, toSessionView } from '../sessions/session-repository';

/*
 * `monitor:snapshot`: everything the proctor console shows for a session in one read — the
 * session, every attempt, the rooms' seat maps, counts per state, per-candidate progress and
 * presence, time left, the absent list after the late-entry cutoff, recent kiosk events and the
 * latest kiosk event of each kind per candidate (none can be buried by a flood, 0222).
 */

const RECENT_KIOSK_EVENTS = 50;

export interface SnapshotDeps {
  readonly db: ReadableDb;
  readonly catalog: ExamCatalog;
  readonly isOnline: (attemptId: string) => boolean;
}

/** Counts per state; `offline` overlaps the live states, every other bucket partitions the roster. */
export function countAttempts(
  attempts: readonly AttemptRecord[],
  absentIds: ReadonlySet<string>,
  isOnline: (attemptId: string) => boolean,
): MonitorCounts {
  const counts = emptyMonitorCounts();
  for (const attempt of attempts) {
    if (LIVE_ATTEMPT_STATUSES.has(attempt.status) && !isOnline(attempt.id)) counts.offline += 1;
    const bucket = countBucketOf(
      attempt.status,
      attempt.identityConfirmedAt !== undefined,
      absentIds.has(attempt.id),
    );
    counts[bucket] += 1;
  }
  return counts;
}

export function buildMonitorSnapshot(
  deps: SnapshotDeps,
  sessionId: string,
  now: number,
): MonitorSnapshot {
  const { db } = deps;
  const session = getSession(db, sessionId);
  const attempts = listAttempts(db, sessionId);
  const rooms = listRooms(db, sessionId);
  const roomById = new Map(rooms.map((room) => [room.roomId, room]));
  const total = deps.catalog
    .paper(session.examId)
    .sections.reduce((sum, section) => sum + section.items.length, 0);
  const answered = answeredCounts(db, sessionId);
  const cutoff = lateEntryCutoffAt(session);
  const cutoffPassed = cutoff !== undefined && now > cutoff;
  const absent: AbsentCandidate[] = attempts
    .filter((a) => a.status === 'absent' || (cutoffPassed && a.status === 'registered'))
    .map((a) => ({
      attemptId: a.id,
      admissionTicketNumber: a.admissionTicket,
      name: a.name,
      roomId: a.roomId,
      seat: a.seat,
    }));
  const views = attempts.map((attempt) => toAttemptView(attempt, now));
  const progress: AttemptProgress[] = views.map((view) => {
    const room = roomById.get(view.roomId);
    const label = room === undefined ? undefined : seatLabel(room, view.seat);
    const running = view.deadlineAt !== undefined && !isFinishedAttemptStatus(view.status);
    return {
      attemptId: view.attemptId,
      answered: answered.get(view.attemptId) ?? 0,
      total,
      online: deps.isOnline(view.attemptId),
      ...(running && view.deadlineAt !== undefined
        ? { timeLeftMs: Math.max(0, view.deadlineAt - now) }
        : {}),
      ...(label === undefined ? {} : { seatLabel: label }),
    };
  });
  const timeLeft = sessionTimeLeft(
    session.startedAt,
    session.durationMs,
    session.endedAt,
    progress,
    now,
  );
  return {
    session: toSessionView(session, now),
    attempts: views,
    rooms,
    counts: countAttempts(attempts, new Set(absent.map((a) => a.attemptId)), deps.isOnline),
    progress,
    ...(timeLeft === undefined ? {} : { timeLeftMs: timeLeft }),
    absent,
    recentKioskEvents: recentKioskEvents(db, sessionId, RECENT_KIOSK_EVENTS),
    latestKioskEvents: latestKioskEvents(db, sessionId),
  };
}

/** The latest deadline of any running candidate; the scheduled end when nobody runs. */
function sessionTimeLeft(
  startedAt: number | undefined,
  durationMs: number,
  endedAt: number | undefined,
  progress: readonly AttemptProgress[],
  now: number,
): number | undefined {
  if (startedAt === undefined) return undefined;
  if (endedAt !== undefined) return 0;
  const running = progress.flatMap((p) => (p.timeLeftMs === undefined ? [] : [p.timeLeftMs]));
  return running.length > 0 ? Math.max(...running) : Math.max(0, startedAt + durationMs - now);
}
