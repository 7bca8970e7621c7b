import { describe, expect, it } from 'vitest';
import {
  attemptStatusLabel,
  attemptTimeLeft,
  formatClock,
  formatDateTime,
  formatDuration,
  formatPercent,
  formatPoints,
  sessionStatusLabel,
} from './format';

describe('format', () => {
  it('formats durations with hours only when needed, never negative', () => {
    expect(formatDuration(0)).toBe('00:00');
    expect(formatDuration(65_400)).toBe('01:05');
    expect(formatDuration(3_909_000)).toBe('1:05:09');
    expect(formatDuration(-5_000)).toBe('00:00');
  });

  it('shows China time whatever the browser zone', () => {
    const at = Date.parse('2026-11-21T01:02:03Z');
    expect(formatClock(at)).toBe('09:02:03');
    expect(formatDateTime(at)).toBe('2026-11-21 09:02');
  });

  it('formats percentages and points', () => {
    expect(formatPercent(0.6)).toBe('60.0%');
    expect(formatPercent(undefined)).toBe('—');
    expect(formatPoints(72.5)).toBe('72.5');
    expect(formatPoints(80)).toBe('80');
    expect(formatPoints(1 / 3)).toBe('0.33');
  });

  it('labels statuses in Chinese and English', () => {
    expect(attemptStatusLabel('in_progress', 'zh-CN')).toBe('作答中');
    expect(attemptStatusLabel('logged_in', 'zh-CN', true)).toBe('待审核');
    expect(attemptStatusLabel('logged_in', 'zh-CN', false)).toBe('已登录');
    expect(attemptStatusLabel('voided', 'en')).toBe('Voided');
    expect(sessionStatusLabel('check_in', 'zh-CN')).toBe('检录中');
  });

  it('counts time left down while answering and freezes it while paused', () => {
    const running = { deadlineAt: 10_000, serverTime: 1_000 };
    expect(attemptTimeLeft(running, 4_000)).toBe(6_000);
    expect(attemptTimeLeft(running, 20_000)).toBe(0);
    const paused = { deadlineAt: 10_000, pausedAt: 500, serverTime: 2_000 };
    expect(attemptTimeLeft(paused, 2_000)).toBe(8_000);
    expect(attemptTimeLeft(paused, 9_000)).toBe(8_000);
    expect(attemptTimeLeft({ serverTime: 0 }, 0)).toBeUndefined();
    expect(attemptTimeLeft({ ...running, submittedAt: 3_000 }, 4_000)).toBeUndefined();
  });
});
