import type { AttemptProgress, AttemptView } from '@skillexam/shared';

/*
 * The dashboard's counts, recomputed from the normalized store on every applied batch:
 * 未登录 / 已登录 / 待审核 / 作答中 / 暂停 / 离线 / 已交卷 (plus 已准入, 缺考, 作废).
 * 已登录 = logged in, identity not yet confirmed on screen; 待审核 = identity confirmed,
 * waiting for a proctor to admit. 离线 overlaps the others: a candidate who logged in, has not
 * finished and is not connected (by the server's presence or a heartbeat older than 30 s).
 */

export const OFFLINE_AFTER_MS = 30_000;

export interface StatusCounts {
  notLoggedIn: number;
  loggedIn: number;
  awaitingAdmission: number;
  admitted: number;
  inProgress: number;
  paused: number;
  offline: number;
  submitted: number;
  absent: number;
  voided: number;
}

const LIVE = new Set(['logged_in', 'admitted', 'in_progress', 'paused']);

export function isOffline(
  attempt: AttemptView,
  progress: AttemptProgress | undefined,
  serverNow: number,
): boolean {
  if (!LIVE.has(attempt.status)) return false;
  if (progress?.online === true) return false;
  const beat = attempt.lastHeartbeatAt;
  if (beat !== undefined && serverNow - beat <= OFFLINE_AFTER_MS) return false;
  // No fresh heartbeat: offline when the server says so or the last heartbeat is old.
  return progress !== undefined || beat !== undefined;
}

export function emptyCounts(): StatusCounts {
  return {
    notLoggedIn: 0,
    loggedIn: 0,
    awaitingAdmission: 0,
    admitted: 0,
    inProgress: 0,
    paused: 0,
    offline: 0,
    submitted: 0,
    absent: 0,
    voided: 0,
  };
}

export function countStatuses(
  attempts: Iterable<AttemptView>,
  progress: Readonly<Record<string, AttemptProgress>>,
  serverNow: number,
): StatusCounts {
  const counts = emptyCounts();
  for (const attempt of attempts) {
    switch (attempt.status) {
      case 'registered':
        counts.notLoggedIn += 1;
        break;
      case 'logged_in':
        if (attempt.identityConfirmed) counts.awaitingAdmission += 1;
        else counts.loggedIn += 1;
        break;
      case 'admitted':
        counts.admitted += 1;
        break;
      case 'in_progress':
        counts.inProgress += 1;
        break;
      case 'paused':
        counts.paused += 1;
        break;
      case 'submitted':
      case 'force_submitted':
        counts.submitted += 1;
        break;
      case 'absent':
        counts.absent += 1;
        break;
      case 'voided':
        counts.voided += 1;
        break;
    }
    if (isOffline(attempt, progress[attempt.attemptId], serverNow)) counts.offline += 1;
  }
  return counts;
}
