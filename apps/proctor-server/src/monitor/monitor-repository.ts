import type { KioskEventNotice, KioskEventPayload } from '@skillexam/shared';
import {
  queryAll,
  queryOne,
  run,
  sql,
  type ReadableDb,
  type WritableDb,
} from '@skillexam/shared/sql';

/* The SQL of the monitor: answered counts and the coalesced kiosk reports (`kiosk_events`). */

/** Attempt id → how many items it has answered (a cleared answer does not count). */
export function answeredCounts(db: ReadableDb, sessionId: string): Map<string, number> {
  return new Map(
    queryAll<{ attempt_id: string; n: number }>(
      db,
      sql`SELECT c.attempt_id, count(*) AS n FROM answers_current c
          JOIN attempts a ON a.id = c.attempt_id
          WHERE a.session_id = ${sessionId} AND c.value_json <> 'null'
          GROUP BY c.attempt_id`,
    ).map((row) => [row.attempt_id, row.n]),
  );
}

/** The newest record of this kind and detail of an attempt. */
export function lastKioskEventOf(
  db: ReadableDb,
  attemptId: string,
  kind: string,
  detail: string,
): { id: number; count: number; server_time: number } | undefined {
  return queryOne<{ id: number; count: number; server_time: number }>(
    db,
    sql`SELECT id, count, server_time FROM kiosk_events
         WHERE attempt_id = ${attemptId} AND kind = ${kind} AND detail = ${detail}
         ORDER BY id DESC LIMIT 1`,
  );
}

export function bumpKioskEvent(db: WritableDb, id: number, now: number): void {
  run(
    db,
    sql`UPDATE kiosk_events SET count = count + 1, last_server_time = ${now} WHERE id = ${id}`,
  );
}

export function insertKioskEvent(
  db: WritableDb,
  attemptId: string,
  event: KioskEventPayload,
  now: number,
): void {
  run(
    db,
    sql`INSERT INTO kiosk_events (attempt_id, kind, detail, client_time, server_time, last_server_time)
        VALUES (${attemptId}, ${event.kind}, ${event.detail}, ${event.clientTime}, ${now}, ${now})`,
  );
}

export interface KioskEventRow {
  readonly attempt_id: string;
  readonly kind: KioskEventNotice['kind'];
  readonly detail: string;
  readonly at: number;
  readonly count: number;
}

/** The newest records of a session (newest first), each with its count. */
export function recentKioskEventRows(
  db: ReadableDb,
  sessionId: string,
  limit: number,
): KioskEventRow[] {
  return queryAll<KioskEventRow>(
    db,
    sql`SELECT k.attempt_id, k.kind, k.detail, coalesce(k.last_server_time, k.server_time) AS at,
               k.count
          FROM kiosk_events k JOIN attempts a ON a.id = k.attempt_id
         WHERE a.session_id = ${sessionId}
         ORDER BY at DESC, k.id DESC LIMIT ${limit}`,
  );
}

/** The latest record of each kind per candidate, with the candidate's total of that kind. */
export function latestKioskEventRows(db: ReadableDb, sessionId: string): KioskEventRow[] {
  return queryAll<KioskEventRow>(
    db,
    sql`SELECT k.attempt_id, k.kind, k.detail, coalesce(k.last_server_time, k.server_time) AS at,
               t.total AS count
          FROM (SELECT e.attempt_id, e.kind, max(e.id) AS id, sum(e.count) AS total
                  FROM kiosk_events e JOIN attempts a ON a.id = e.attempt_id
                 WHERE a.session_id = ${sessionId}
                 GROUP BY e.attempt_id, e.kind) t
          JOIN kiosk_events k ON k.id = t.id
         ORDER BY at DESC, k.id DESC`,
  );
}
