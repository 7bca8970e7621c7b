import type { AttemptView } from '@skillexam/shared';

/** Session time left: the latest deadline of the session (start + duration + pauses). */
export function sessionTimeLeft(
  attempts: readonly AttemptView[],
  serverNow: number,
): number | undefined {
  let latest: number | undefined;
  for (const a of attempts) {
    if (a.deadlineAt === undefined) continue;
    const left = a.pausedAt === undefined ? a.deadlineAt - serverNow : a.deadlineAt - a.serverTime;
    latest = latest === undefined ? left : Math.max(latest, left);
  }
  return latest === undefined ? undefined : Math.max(0, latest);
}
