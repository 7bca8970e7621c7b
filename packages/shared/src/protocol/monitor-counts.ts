import type { AttemptStatus } from '../domain/session';
import type { MonitorCounts } from './exam-events';

/*
 * How the console header counts candidates, one definition for the server's snapshot and the
 * console's live store: every candidate falls in exactly one status bucket; 离线 overlaps the
 * live ones (logged in, not finished, not connected).
 */

export type CountBucket = Exclude<keyof MonitorCounts, 'offline'>;

/** Statuses in which a candidate is expected to be connected. */
export const LIVE_ATTEMPT_STATUSES: ReadonlySet<AttemptStatus> = new Set([
  'logged_in',
  'admitted',
  'in_progress',
  'paused',
]);

/**
 * 已登录 = logged in, identity not yet confirmed on screen; 待审核 = identity confirmed, waiting
 * for a proctor; a registered candidate past the login cutoff (`pastCutoff`) counts as 缺考.
 */
export function countBucketOf(
  status: AttemptStatus,
  identityConfirmed: boolean,
  pastCutoff: boolean,
): CountBucket {
  switch (status) {
    case 'registered':
      return pastCutoff ? 'absent' : 'notLoggedIn';
    case 'logged_in':
      return identityConfirmed ? 'awaitingAdmission' : 'loggedIn';
    case 'admitted':
      return 'admitted';
    case 'in_progress':
      return 'inProgress';
    case 'paused':
      return 'paused';
    case 'submitted':
    case 'force_submitted':
      return 'submitted';
    case 'absent':
      return 'absent';
    case 'voided':
      return 'voided';
  }
}

export function emptyMonitorCounts(): MonitorCounts {
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
