/** What decides an attempt's deadline; all times are server epoch milliseconds. */
export interface AttemptTiming {
  /** When the session started (迟到不延长考试时间: a late candidate gets no extra time). */
  readonly sessionStartedAt: number | undefined;
  readonly durationMs: number;
  /** 补时 granted to this attempt. */
  readonly extensionMs: number;
  /** Time this attempt spent paused (its own pauses and session-wide ones), finished pauses only. */
  readonly pausedTotalMs: number;
  /** Set while the attempt is paused: the deadline keeps moving until it resumes. */
  readonly pausedAt: number | undefined;
}

/** deadline = session start + duration + 补时 + paused time (including a pause in progress). */
export function attemptDeadline(timing: AttemptTiming, now: number): number | undefined {
  if (timing.sessionStartedAt === undefined) return undefined;
  const base =
    timing.sessionStartedAt + timing.durationMs + timing.extensionMs + timing.pausedTotalMs;
  return timing.pausedAt === undefined ? base : base + Math.max(0, now - timing.pausedAt);
}

/** 身份证号 shown on screen: first 6 and last 4 characters, the rest hidden. */
export function maskIdNumber(idNumber: string): string {
  if (idNumber.length <= 10) return '*'.repeat(idNumber.length);
  return `${idNumber.slice(0, 6)}${'*'.repeat(idNumber.length - 10)}${idNumber.slice(-4)}`;
}
