/*
 * Throttling failed logins without a lockout (docs/decisions/0215). Every failure makes the
 * guesser wait a little longer before its next attempt on that account FROM THAT ADDRESS, capped
 * at `capMs`; the real user at another address is never slowed by it. Failures per source
 * address are limited separately. Nothing here does IO.
 */

export interface BackoffPolicy {
  /** Failures that cost nothing (typos). */
  readonly freeFailures: number;
  /** The wait after the first failure beyond the free ones; doubles with each further failure. */
  readonly baseMs: number;
  /** The longest wait, however many failures. */
  readonly capMs: number;
}

/** How long, after `failures` consecutive failures, the next attempt must wait. */
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

/** How many keys a FailureCounter remembers at most (about 200 bytes each). */
export const FAILURE_COUNTER_MAX_ENTRIES = 50_000;

interface FailureEntry {
  readonly failures: number;
  readonly until: number | null;
  /** When the last failure was counted. */
  readonly at: number;
  /** The caller's note from the last failure (LoginGuard: the account's count in the database). */
  readonly mark: number;
}

/**
 * Consecutive failures per key, kept in memory: per source address (a fixed window that counts
 * FAILURES only, so sixty honest kiosks behind one NAT log in freely) and per (account name,
 * source address). Memory is bounded: at most `maxEntries` keys, the least recently failed one
 * evicted first (the Map's insertion order, since every failure re-inserts its key), and keys
 * idle for `forgetAfterMs` are dropped from the old end. Every operation is O(1) amortized;
 * nothing scans the whole map on the request path.
 */
export class FailureCounter {
  private readonly entries = new Map<string, FailureEntry>();

  constructor(
    private readonly forgetAfterMs: number,
    private readonly maxEntries = FAILURE_COUNTER_MAX_ENTRIES,
  ) {}

  get size(): number {
    return this.entries.size;
  }

  /** Whether `key` must wait at `now`. */
  blocked(key: string, now: number): boolean {
    const entry = this.current(key, now);
    return entry !== undefined && entry.until !== null && entry.until > now;
  }

  /** The `mark` given with the last failure of `key`, if it is remembered. */
  mark(key: string, now: number): number | undefined {
    return this.current(key, now)?.mark;
  }

  /** Counts one failure; `until` decides the wait that follows from the new count. */
  fail(
    key: string,
    now: number,
    until: (failures: number) => number | null,
    mark = 0,
  ): { failures: number; until: number | null } {
    const failures = (this.current(key, now)?.failures ?? 0) + 1;
    const entry = { failures, until: until(failures), at: now, mark };
    this.entries.delete(key); // re-insert at the young end
    this.entries.set(key, entry);
    this.dropOld(now);
    return { failures, until: entry.until };
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

  private current(key: string, now: number): FailureEntry | undefined {
    const entry = this.entries.get(key);
    if (entry !== undefined && now - entry.at >= this.forgetAfterMs) {
      this.entries.delete(key);
      return undefined;
    }
    return entry;
  }

  /** Evicts beyond the cap, then idle keys, both from the old end: O(1) amortized. */
  private dropOld(now: number): void {
    for (const [key, entry] of this.entries) {
      if (this.entries.size <= this.maxEntries && now - entry.at < this.forgetAfterMs) return;
      this.entries.delete(key);
    }
  }
}
