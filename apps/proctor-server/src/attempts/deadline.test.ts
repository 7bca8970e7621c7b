import { describe, expect, it } from 'vitest';
import { attemptDeadline, maskIdNumber } from './deadline';

describe('attemptDeadline', () => {
  const base = {
    sessionStartedAt: 1_000,
    durationMs: 60_000,
    extensionMs: 0,
    pausedTotalMs: 0,
    pausedAt: undefined,
  };

  it('is undefined before the session starts', () => {
    expect(attemptDeadline({ ...base, sessionStartedAt: undefined }, 5)).toBeUndefined();
  });

  it('adds 补时 and finished pauses', () => {
    expect(attemptDeadline(base, 0)).toBe(61_000);
    expect(attemptDeadline({ ...base, extensionMs: 5_000, pausedTotalMs: 2_000 }, 0)).toBe(68_000);
  });

  it('keeps moving while paused', () => {
    expect(attemptDeadline({ ...base, pausedAt: 10_000 }, 10_000)).toBe(61_000);
    expect(attemptDeadline({ ...base, pausedAt: 10_000 }, 13_000)).toBe(64_000);
  });
});

describe('maskIdNumber', () => {
  it('shows only the first six and last four characters', () => {
    expect(maskIdNumber('11010519491231002X')).toBe('110105********002X');
  });
});
