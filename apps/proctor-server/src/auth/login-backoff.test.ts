import { describe, expect, it } from 'vitest';
import {
  backoffMs,
  backoffUntil,
  FAILURE_COUNTER_MAX_ENTRIES,
  FailureCounter,
} from './login-backoff';

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
    expect(counter.fail('ip:a', 600, until).failures).toBe(4);
    // forgotten a window after the last failure
    expect(counter.fail('ip:a', 70_000, until).failures).toBe(1);
  });

  it('keeps at most its cap of keys under 60,000 made-up names, evicting the oldest', () => {
    const counter = new FailureCounter(24 * 3_600_000, 10_000);
    const until = (n: number) => backoffUntil(n, 0, policy);
    for (let i = 0; i < 4; i++) counter.fail('real-guesser', 0, until);
    let largest = 0;
    for (let i = 0; i < 60_000; i++) {
      counter.fail(`candidate:NO-SUCH-${i}`, 1 + i, until);
      largest = Math.max(largest, counter.size);
    }
    expect(largest).toBe(10_000);
    expect(counter.size).toBe(10_000);
    expect(counter.mark('real-guesser', 60_001)).toBeUndefined(); // the oldest went first
    expect(counter.mark('candidate:NO-SUCH-59999', 60_001)).toBe(0); // the newest stays
    expect(counter.mark('candidate:NO-SUCH-49999', 60_001)).toBeUndefined();
  });

  it('caps at FAILURE_COUNTER_MAX_ENTRIES by default and drops idle keys from the old end', () => {
    const counter = new FailureCounter(24 * 3_600_000);
    const until = () => null;
    for (let i = 0; i < 60_000; i++) counter.fail(`k${i}`, i, until);
    expect(counter.size).toBe(FAILURE_COUNTER_MAX_ENTRIES);
    // idle keys leave from the old end as time passes, however many there are
    counter.fail('late', 24 * 3_600_000 + 30_000, until);
    expect(counter.size).toBeLessThan(FAILURE_COUNTER_MAX_ENTRIES);
  });
});
