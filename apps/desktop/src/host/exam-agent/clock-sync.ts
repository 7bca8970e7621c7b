import { type ExamClock } from './exam-clock';

/** What the server said about the time: a heartbeat reply or an attempt view. */
export interface ServerTimeReport {
  readonly serverTime: number;
  readonly deadlineAt?: number | undefined;
  readonly status: string;
}

/**
 * Feeds one server reply to the clock: a sample of the server's time, and the deadline. While
 * paused the server's deadline moves with its clock ("now + what is left"), so it is frozen at
 * the reply's server time.
 */
export function syncClock(
  clock: ExamClock,
  sentAt: number,
  receivedAt: number,
  report: ServerTimeReport,
): void {
  clock.addSample({ sentAt, receivedAt, serverTime: report.serverTime });
  clock.setDeadline(report.deadlineAt, report.status === 'paused' ? report.serverTime : undefined);
}
