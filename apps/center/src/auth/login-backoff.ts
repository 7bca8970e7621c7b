/*
 * Throttling failed logins per (username, address) without a lockout: a few free failures
 * (typos), then a wait that doubles with each further failure up to a cap; a success clears it.
 * The real user at another address is never slowed. Pure: the counts live in login_failures.
 */

export interface BackoffPolicy {
  readonly freeFailures: number;
  readonly baseMs: number;
  readonly capMs: number;
  /** Failures older than this are forgotten: the count starts again. */
  readonly forgetAfterMs: number;
}

export const LOGIN_BACKOFF: BackoffPolicy = {
  freeFailures: 3,
  baseMs: 2_000,
  capMs: 5 * 60_000,
  forgetAfterMs: 60 * 60_000,
};

export function backoffMs(failures: number, policy: BackoffPolicy = LOGIN_BACKOFF): number {
  const beyond = failures - policy.freeFailures;
  if (beyond <= 0) return 0;
  return Math.min(policy.capMs, policy.baseMs * 2 ** Math.min(beyond - 1, 30));
}

export const TOO_MANY_ATTEMPTS =
  '登录尝试过于频繁，请稍后再试 (too many login attempts; try again later)';
export const BAD_CREDENTIALS = '用户名或密码错误 (wrong username or password)';
