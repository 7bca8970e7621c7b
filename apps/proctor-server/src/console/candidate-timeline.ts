import type { TimelineEntry } from '@skillexam/shared';
import { getAttempt } from '../attempts/attempt-repository';
import type { ReadableDb } from '@skillexam/shared/sql';
import { attemptAuditRows } from '../audit/audit-repository';

/*
 * The event timeline of one candidate for the console's candidate panel: logins, identity
 * confirmation, admission, pauses, 补时, moves, submission and every kiosk report (focus lost,
 * display changes, VM or remote-tool warnings), from the audit chain — the same records the
 * auditors see. Answer saves are left out (they are progress, shown as answered / total).
 */

const MAX_ENTRIES = 500;

const DETAIL_FORMAT: readonly [string, (value: string | number) => string][] = [
  ['minutes', (v) => `${v} 分钟`],
  ['capMinutes', (v) => `补时上限 ${v} 分钟`],
  ['roomId', (v) => `考场 ${v}`],
  ['seat', (v) => `座位 ${v}`],
  ['reason', (v) => String(v)],
  ['description', (v) => String(v)],
  ['clientKind', (v) => (v === 'kiosk' ? '考试机' : '网页客户端')],
  ['ip', (v) => `IP ${v}`],
];

function detailOf(action: string, payload: Record<string, unknown>): string {
  if (action === 'kiosk.event' || action === 'answer.rejected') {
    const detail = payload['detail'];
    return typeof detail === 'string' ? detail : '';
  }
  const parts: string[] = [];
  for (const [key, format] of DETAIL_FORMAT) {
    const value = payload[key];
    if (typeof value === 'string' || typeof value === 'number') parts.push(format(value));
  }
  return parts.join(' · ');
}

export function candidateTimeline(db: ReadableDb, attemptId: string): TimelineEntry[] {
  getAttempt(db, attemptId);
  const rows = attemptAuditRows(db, attemptId, MAX_ENTRIES);
  return rows.reverse().map((row) => {
    const payload = JSON.parse(row.payload_json) as Record<string, unknown>;
    const kind =
      row.action === 'kiosk.event' && typeof payload['kind'] === 'string'
        ? `kiosk.${payload['kind']}`
        : row.action;
    return { at: row.at, kind, actor: row.actor, detail: detailOf(row.action, payload) };
  });
}
