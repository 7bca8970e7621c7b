import type { KioskEventNotice, KioskEventPayload } from '@skillexam/shared';
import type { AuditLog } from '../audit/audit-log';
import type { ReadableDb, WritableDb } from '@skillexam/shared/sql';
import {
  bumpKioskEvent,
  insertKioskEvent,
  lastKioskEventOf,
  latestKioskEventRows,
  recentKioskEventRows,
  type KioskEventRow,
} from './monitor-repository';

/*
 * Kiosk reports (focus lost, displays, VM, remote tools) stored coalesced
 * (docs/decisions/0222): the same report (kind and detail) of one candidate within
 * COALESCE_WINDOW_MS of the first occurrence of that kind-and-detail record, even with other
 * details in between, only increments that record's count —
 * no new row, no audit record, no console push. A new window opens a new record, audited and
 * pushed. The monitor reads the latest record of each kind per candidate, so one kiosk's flood
 * cannot bury another candidate's warning.
 */

export const COALESCE_WINDOW_MS = 10_000;
/** Reports one attempt may send per window before it is refused (RATE_LIMITED). */
export const KIOSK_EVENTS_PER_WINDOW = 30;

export interface RecordedKioskEvent {
  readonly notice: KioskEventNotice;
  /** True when the report opened a new record (audited; pushed to the console). */
  readonly opened: boolean;
}

/** Stores one report; call inside the transaction that checked the attempt. */
export function recordKioskEvent(
  db: WritableDb,
  audit: AuditLog,
  sessionId: string,
  attemptId: string,
  event: KioskEventPayload,
  now: number,
): RecordedKioskEvent {
  // the window is looked up by kind AND detail: alternating details (A, B, A, B) coalesce into
  // one record each, not a new audited, pushed record per report
  const open = lastKioskEventOf(db, attemptId, event.kind, event.detail);
  const base = { attemptId, sessionId, kind: event.kind, detail: event.detail };
  if (open !== undefined && now - open.server_time < COALESCE_WINDOW_MS) {
    bumpKioskEvent(db, open.id, now);
    return { notice: { ...base, at: now, count: open.count + 1 }, opened: false };
  }
  insertKioskEvent(db, attemptId, event, now);
  audit.append(
    db,
    { actor: `candidate:${attemptId}`, action: 'kiosk.event', payload: { attemptId, ...event } },
    now,
  );
  return { notice: { ...base, at: now, count: 1 }, opened: true };
}

function toNotice(sessionId: string, row: KioskEventRow): KioskEventNotice {
  return {
    attemptId: row.attempt_id,
    sessionId,
    kind: row.kind,
    detail: row.detail,
    at: row.at,
    count: row.count,
  };
}

/** The newest records of a session (newest first), each with its count. */
export function recentKioskEvents(
  db: ReadableDb,
  sessionId: string,
  limit: number,
): KioskEventNotice[] {
  return recentKioskEventRows(db, sessionId, limit).map((row) => toNotice(sessionId, row));
}

/**
 * The latest record of each kind per candidate of a session, with the candidate's total count
 * of that kind; newest first. At most candidates × kinds rows, whatever a kiosk sends.
 */
export function latestKioskEvents(db: ReadableDb, sessionId: string): KioskEventNotice[] {
  return latestKioskEventRows(db, sessionId).map((row) => toNotice(sessionId, row));
}
