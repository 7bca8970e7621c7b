import type { AttemptStatus, AttemptView, Locale, SessionStatus } from '@skillexam/shared';
import {
  ATTEMPT_STATUS,
  AWAITING_ADMISSION,
  LIST_SEPARATOR,
  SESSION_STATUS,
} from './format-messages';

/* Formatting for the console: durations, China-time clocks, statuses, percentages. */

/** 1:05:09 for an hour or more, 05:09 below; negative durations show as 00:00. */
export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  const mm = String(minutes).padStart(2, '0');
  const ss = String(seconds).padStart(2, '0');
  return hours > 0 ? `${hours}:${mm}:${ss}` : `${mm}:${ss}`;
}

const CHINA_OFFSET_MS = 8 * 3_600_000;

/** HH:mm:ss in China time (UTC+8, no daylight saving), whatever the browser's zone. */
export function formatClock(epochMs: number): string {
  const d = new Date(epochMs + CHINA_OFFSET_MS);
  return [d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds()]
    .map((n) => String(n).padStart(2, '0'))
    .join(':');
}

/** yyyy-MM-dd HH:mm in China time. */
export function formatDateTime(epochMs: number): string {
  const d = new Date(epochMs + CHINA_OFFSET_MS);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

export function formatPercent(ratio: number | undefined, digits = 1): string {
  return ratio === undefined || !Number.isFinite(ratio) ? '—' : `${(ratio * 100).toFixed(digits)}%`;
}

export function formatNumber(value: number | undefined, digits = 2): string {
  return value === undefined || !Number.isFinite(value) ? '—' : value.toFixed(digits);
}

/** Points as written on Chinese score sheets: no trailing zeros (72.5, 80). */
export function formatPoints(value: number | undefined): string {
  return value === undefined ? '—' : String(Math.round(value * 100) / 100);
}

export function attemptStatusLabel(
  status: AttemptStatus,
  lang: Locale,
  identityConfirmed = false,
): string {
  if (status === 'logged_in' && identityConfirmed) return AWAITING_ADMISSION[lang];
  return ATTEMPT_STATUS[status][lang];
}

export function sessionStatusLabel(status: SessionStatus, lang: Locale): string {
  return SESSION_STATUS[status][lang];
}

/**
 * Time left of an attempt now, on the server clock: frozen while paused, counting down while
 * answering; undefined before the start or without a deadline.
 */
export function attemptTimeLeft(
  attempt: Pick<AttemptView, 'deadlineAt' | 'pausedAt' | 'serverTime' | 'submittedAt'>,
  serverNow: number,
): number | undefined {
  if (attempt.deadlineAt === undefined || attempt.submittedAt !== undefined) return undefined;
  // While paused the server's deadline moves with the clock: what was left at the view stays.
  const now = attempt.pausedAt === undefined ? serverNow : attempt.serverTime;
  return Math.max(0, attempt.deadlineAt - now);
}

/** Names run together as the language writes a list: 第一考场、第二考场 / Room 1, Room 2. */
export function joinList(items: readonly string[], lang: Locale): string {
  return items.join(LIST_SEPARATOR[lang]);
}
