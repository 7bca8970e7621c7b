import { describe, expect, it } from 'vitest';
import { backoffMs, backoffUntil, FailureCounter } from './login-backoff';

const policy = { freeFailures: 3, baseMs: 1_000, capMs: 30_000 };

describe('login backoff', () => {
  it('is free for typos, then doubles up to the cap, never more', () => {
    expect([0, 1, 2, 3].map((n) => backoffMs(n, policy))).toEqual([0, 0, 0, 0]);
    expect([4, 5, 6, 7, 8].map((n) => backoffMs(n, policy))).toEqual([
      1_000, 2_000, 4_000, 8_000, 16_000,
    ]);
    expect(backoffMs(9, policy)).toBe(30_000);
    expect(backoffMs(10_000, policy)).toBe(30_000);
    expect(backoffUntil(2, 100, policy)).toBeNull();
    expect(backoffUntil(4, 100, policy)).toBe(1_100);
  });

  it('counts failures per key, blocks until the wait ends, refunds and forgets', () => {
    const counter = new FailureCounter(60_000);
    const until = (n: number) => backoffUntil(n, 0, policy);
    for (let i = 0; i < 4; i++) counter.fail('ip:a', 0, until);
    expect(counter.blocked('ip:a', 500)).toBe(true);
    expect(counter.blocked('ip:a', 1_000)).toBe(false);
    expect(counter.blocked('ip:b', 500)).toBe(false);
    counter.refund('ip:a', 500);
    expect(counter.blocked('ip:a', 500)).toBe(false);
    expect(counter.fail('ip:a', 600, until)).toBe(4);
    // forgotten a window after the last failure
    expect(counter.fail('ip:a', 70_000, until)).toBe(1);
  });
});
