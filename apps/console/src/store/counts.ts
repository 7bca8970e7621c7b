import {
  countBucketOf,
  emptyMonitorCounts,
  LIVE_ATTEMPT_STATUSES,
  type AttemptProgress,
  type AttemptView,
  type MonitorCounts,
} from '@skillexam/shared';

/*
 * The dashboard's counts, recomputed from the normalized store on every applied batch:
 * 未登录 / 已登录 / 待审核 / 作答中 / 暂停 / 离线 / 已交卷 (plus 已准入, 缺考, 作废).
 * 已登录 = logged in, identity not yet confirmed on screen; 待审核 = identity confirmed,
 * waiting for a proctor to admit. 离线 overlaps the others: a candidate who logged in, has not
 * finished and is not connected (by the server's presence or a heartbeat older than 30 s).
 */

export const OFFLINE_AFTER_MS = 30_000;

export type StatusCounts = MonitorCounts;

export function isOffline(
  attempt: AttemptView,
  progress: AttemptProgress | undefined,
  serverNow: number,
): boolean {
  if (!LIVE_ATTEMPT_STATUSES.has(attempt.status)) return false;
  if (progress?.online === true) return false;
  const beat = attempt.lastHeartbeatAt;
  if (beat !== undefined && serverNow - beat <= OFFLINE_AFTER_MS) return false;
  // No fresh heartbeat: offline when the server says so or the last heartbeat is old.
  return progress !== undefined || beat !== undefined;
}

export const emptyCounts = emptyMonitorCounts;

export function countStatuses(
  attempts: Iterable<AttemptView>,
  progress: Readonly<Record<string, AttemptProgress>>,
  serverNow: number,
  absentIds: ReadonlySet<string> = new Set(),
): StatusCounts {
  const counts = emptyMonitorCounts();
  for (const attempt of attempts) {
    counts[
      countBucketOf(attempt.status, attempt.identityConfirmed, absentIds.has(attempt.attemptId))
    ] += 1;
    if (isOffline(attempt, progress[attempt.attemptId], serverNow)) counts.offline += 1;
  }
  return counts;
}
