import { type ExamClock } from './exam-clock';

/** What the server said about the time: a heartbeat reply or an attempt view. */
export interface ServerTimeReport {
  readonly serverTime: number;
  readonly deadlineAt?: number | undefined;
  readonly status: string;
}

/** When the request that brought a reply was sent and its reply received (local clock, ms). */
export interface RoundTrip {
  readonly sentAt: number;
  readonly receivedAt: number;
}

/**
 * Feeds one server reply to the clock: a sample of the server's time (timed by its round trip,
 * or untimed for a push), and the deadline. While paused the server's deadline moves with its
 * clock ("now + what is left"), so it is frozen at the reply's server time.
 */
export function syncClock(
  clock: ExamClock,
  roundTrip: RoundTrip | undefined,
  report: ServerTimeReport,
): void {
  if (roundTrip === undefined) clock.addUntimedSample(report.serverTime);
  else clock.addSample({ ...roundTrip, serverTime: report.serverTime });
  clock.setDeadline(report.deadlineAt, report.status === 'paused' ? report.serverTime : undefined);
}
