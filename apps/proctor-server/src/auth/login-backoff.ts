/*
 * Throttling failed logins without a lockout (docs/decisions/0215). Every failure makes the
 * account wait a little longer before its next attempt, capped so a candidate is never kept out
 * of their own exam for more than `capMs`; failures per source address are limited separately.
 * Nothing here does IO: the callers keep the counts (the database for real accounts, memory for
 * source addresses and for names that do not exist).
 */

export interface BackoffPolicy {
  /** Failures that cost nothing (typos). */
  readonly freeFailures: number;
  /** The wait after the first failure beyond the free ones; doubles with each further failure. */
  readonly baseMs: number;
  /** The longest wait, however many failures. */
  readonly capMs: number;
}

/** How long an account with `failures` consecutive failures must wait before its next attempt. */
export function backoffMs(failures: number, policy: BackoffPolicy): number {
  const beyond = failures - policy.freeFailures;
  if (beyond <= 0) return 0;
  return Math.min(policy.capMs, policy.baseMs * 2 ** Math.min(beyond - 1, 30));
}

/** The `lockedUntil` after `failures` failures at `now`, or null when no wait is due. */
export function backoffUntil(failures: number, now: number, policy: BackoffPolicy): number | null {
  const wait = backoffMs(failures, policy);
  return wait === 0 ? null : now + wait;
}

export const TOO_MANY_ATTEMPTS = '登录尝试过于频繁，请稍后再试 (too many login attempts)';

/**
 * Consecutive failures per key, kept in memory: per source address (a fixed window that counts
 * FAILURES only, so sixty honest kiosks behind one NAT log in freely) and per unknown account
 * name (so a name that does not exist backs off exactly like one that does).
 */
export class FailureCounter {
  private readonly entries = new Map<
    string,
    { failures: number; until: number | null; at: number }
  >();

  constructor(private readonly forgetAfterMs: number) {}

  /** Whether `key` must wait at `now`. */
  blocked(key: string, now: number): boolean {
    const entry = this.current(key, now);
    return entry !== undefined && entry.until !== null && entry.until > now;
  }

  /** Counts one failure; `until` decides the wait that follows from the new count. */
  fail(key: string, now: number, until: (failures: number) => number | null): number {
    const failures = (this.current(key, now)?.failures ?? 0) + 1;
    if (this.entries.size > 50_000) this.prune(now);
    this.entries.set(key, { failures, until: until(failures), at: now });
    return failures;
  }

  /** Takes back one counted failure (a login that turned out right). */
  refund(key: string, now: number): void {
    const entry = this.current(key, now);
    if (entry === undefined) return;
    if (entry.failures <= 1) this.entries.delete(key);
    else this.entries.set(key, { ...entry, failures: entry.failures - 1, until: null });
  }

  clear(key: string): void {
    this.entries.delete(key);
  }

  private current(key: string, now: number) {
    const entry = this.entries.get(key);
    if (entry !== undefined && now - entry.at >= this.forgetAfterMs) {
      this.entries.delete(key);
      return undefined;
    }
    return entry;
  }

  private prune(now: number): void {
    for (const [key, entry] of this.entries) {
      if (now - entry.at >= this.forgetAfterMs) this.entries.delete(key);
    }
  }
}
