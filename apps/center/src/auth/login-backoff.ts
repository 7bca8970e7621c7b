/*
 * Throttling failed password checks without a lockout: a few free failures (typos), then a
 * wait that doubles with each further failure up to a cap. Counted per (username, address),
 * cleared by a success, and per address across usernames (not cleared by a success). The real
 * user at another address is never slowed. Pure: the counts live in login_failures and
 * login_address_failures.
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

/**
 * Failures of one source address across all usernames (password spraying, decision 1065):
 * enough room for a room of colleagues behind one NAT mistyping, then a wait of its own that
 * stops the address, never an account.
 */
export const ADDRESS_BACKOFF: BackoffPolicy = {
  freeFailures: 20,
  baseMs: 2_000,
  capMs: 60_000,
  forgetAfterMs: 15 * 60_000,
};

export function backoffMs(failures: number, policy: BackoffPolicy = LOGIN_BACKOFF): number {
  const beyond = failures - policy.freeFailures;
  if (beyond <= 0) return 0;
  return Math.min(policy.capMs, policy.baseMs * 2 ** Math.min(beyond - 1, 30));
}

export const TOO_MANY_ATTEMPTS =
  '登录尝试过于频繁，请稍后再试 (too many login attempts; try again later)';
export const TOO_MANY_PASSWORD_ATTEMPTS =
  '原密码尝试过于频繁，请稍后再试 (too many wrong current passwords; try again later)';
export const BAD_CREDENTIALS = '用户名或密码错误 (wrong username or password)';
