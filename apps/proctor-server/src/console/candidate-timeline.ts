import type { TimelineEntry } from '@skillexam/shared';
import { getAttempt } from '../attempts/attempt-repository';
import { queryAll, sql, type ReadableDb } from '../db/sql';

/*
 * The event timeline of one candidate for the console's candidate panel: logins, identity
 * confirmation, admission, pauses, 补时, moves, submission and every kiosk report (focus lost,
 * display changes, VM or remote-tool warnings), from the audit chain — the same records the
 * auditors see. Answer saves are left out (they are progress, shown as answered / total).
 */

const MAX_ENTRIES = 500;

interface AuditRow {
  seq: number;
  at: number;
  actor: string;
  action: string;
  payload_json: string;
}

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
  const actor = `candidate:${attemptId}`;
  const rows = queryAll<AuditRow>(
    db,
    sql`SELECT seq, at, actor, action, payload_json FROM audit_log
         WHERE json_extract(payload_json, '$.attemptId') = ${attemptId} AND action <> 'answer.save'
        UNION
        SELECT seq, at, actor, action, payload_json FROM audit_log
         WHERE actor = ${actor} AND action <> 'answer.save'
        ORDER BY seq DESC LIMIT ${MAX_ENTRIES}`,
  );
  return rows.reverse().map((row) => {
    const payload = JSON.parse(row.payload_json) as Record<string, unknown>;
    const kind =
      row.action === 'kiosk.event' && typeof payload['kind'] === 'string'
        ? `kiosk.${payload['kind']}`
        : row.action;
    return { at: row.at, kind, actor: row.actor, detail: detailOf(row.action, payload) };
  });
}
