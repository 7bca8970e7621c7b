import { describe, expect, it } from 'vitest';
import { formatRemaining, timeWarning } from './countdown';

describe('timeWarning and formatRemaining', () => {
  it.each([
    [undefined, 'none'],
    [16 * 60_000, 'none'],
    [15 * 60_000, 'fifteen'],
    [5 * 60_000 + 1, 'fifteen'],
    [5 * 60_000, 'five'],
    [1, 'five'],
    [0, 'over'],
  ] as const)('%s ms left → %s', (ms, warning) => {
    expect(timeWarning(ms)).toBe(warning);
  });

  it.each([
    [0, '00:00'],
    [999, '00:01'],
    [59_000, '00:59'],
    [15 * 60_000, '15:00'],
    [2 * 3600_000 + 61_000, '2:01:01'],
  ])('%s ms → %s', (ms, text) => {
    expect(formatRemaining(ms)).toBe(text);
  });
});
