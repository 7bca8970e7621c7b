/** Tunables of the running server; defaults suit an exam room, tests and benches override them. */
export interface ServerSettings {
  /** Group commit: how long the first queued answer waits for company before the commit. */
  readonly groupCommitMs: number;
  /** Group commit: commit at once when this many answers are queued. */
  readonly groupCommitMaxEvents: number;
  /** Answers arriving up to this long after the deadline are still taken (in flight at the end). */
  readonly answerGraceMs: number;
  /** 简答题: 1 marker, or 2 independent markers (a third when they differ too much). */
  readonly manualMarkersRequired: 1 | 2;
  /** Largest accepted payload of any event, in bytes of JSON. */
  readonly maxPayloadBytes: number;
  readonly staffTokenTtlMs: number;
  readonly candidateTokenTtlMs: number;
  /**
   * Failed logins never lock an account (docs/decisions/0215): after `loginBackoffFreeFailures`
   * failures each further one makes the account (staff or candidate) wait, starting at
   * `loginBackoffBaseMs` and doubling up to `loginBackoffCapMs`; a login that succeeds clears it.
   */
  readonly loginBackoffFreeFailures: number;
  readonly loginBackoffBaseMs: number;
  readonly loginBackoffCapMs: number;
  /** FAILED logins allowed per client IP in each window; successful logins are not counted. */
  readonly loginFailuresPerIp: number;
  readonly loginRateWindowMs: number;
  /** How often the deadline sweeper looks for attempts to submit automatically. */
  readonly deadlineSweepMs: number;
  /**
   * SHA-256 hashes (64 lowercase hex) of the kiosk builds allowed to sit exams; empty accepts
   * any. A secure-client login whose clientIntegrity is missing or unlisted gets CLIENT_REJECTED.
   */
  readonly requiredClientIntegrity: readonly string[];
  /** The built proctor console served at /console; default PROCTOR_CONSOLE_DIR or apps/console/dist. */
  readonly consoleDir?: string;
  /** Where a backup started from the console goes (--backup-dir); default `<data>-backups`. */
  readonly backupDir?: string;
  /** How many backups are kept (--backup-keep); default 48. */
  readonly backupKeep?: number;
  /** How long a console push waits for the evaluation centre (default 60 s; docs/decisions/0991). */
  readonly centrePushTimeoutMs?: number;
}

export const DEFAULT_SETTINGS: ServerSettings = {
  groupCommitMs: 4,
  groupCommitMaxEvents: 500,
  answerGraceMs: 2_000,
  manualMarkersRequired: 1,
  maxPayloadBytes: 64 * 1024,
  staffTokenTtlMs: 12 * 3_600_000,
  candidateTokenTtlMs: 12 * 3_600_000,
  loginBackoffFreeFailures: 3,
  loginBackoffBaseMs: 1_000,
  loginBackoffCapMs: 30_000,
  loginFailuresPerIp: 30,
  loginRateWindowMs: 60_000,
  deadlineSweepMs: 250,
  requiredClientIntegrity: [],
};
