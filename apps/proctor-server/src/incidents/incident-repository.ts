import type { IncidentCategory, IncidentView } from '@skillexam/shared';
import {
  queryAll,
  queryOne,
  run,
  sql,
  type ReadableDb,
  type WritableDb,
} from '@skillexam/shared/sql';

/*
 * 考场情况记录 rows. Incidents come from the incidents page (`kind = 'manual'`) and from proctor
 * actions that record one themselves (试卷作废 `void`, 调换座位 `move`, 全场暂停 `session_pause`,
 * `note`, proctor notes recorded by earlier versions); the action's kind decides the category of the latter.
 */

interface IncidentRow {
  id: number;
  session_id: string;
  attempt_id: string | null;
  kind: string;
  category: IncidentCategory;
  action: string;
  description: string;
  actor: string;
  created_at: number;
  confirmed_by: string | null;
  confirmed_at: number | null;
}

interface CandidateRow {
  incident_id: number;
  attempt_id: string;
  admission_ticket: string;
  name: string;
  seat: number;
}

const KIND_CATEGORY: Readonly<Record<string, IncidentCategory>> = {
  void: 'violation',
  move: 'equipment',
  session_pause: 'power_network',
};

/** 处理结果 of incidents recorded by a proctor action. */
export const KIND_ACTION: Readonly<Record<string, string>> = {
  void: '试卷作废',
  move: '调换考试机',
  session_pause: '全场暂停并补时',
};

function categoryOf(row: IncidentRow): IncidentCategory {
  return row.kind === 'manual' ? row.category : (KIND_CATEGORY[row.kind] ?? row.category);
}

function toView(row: IncidentRow, candidates: readonly CandidateRow[]): IncidentView {
  return {
    id: row.id,
    sessionId: row.session_id,
    category: categoryOf(row),
    description: row.description,
    action: row.action !== '' ? row.action : (KIND_ACTION[row.kind] ?? ''),
    source: row.kind,
    candidates: candidates.map((c) => ({
      attemptId: c.attempt_id,
      admissionTicketNumber: c.admission_ticket,
      name: c.name,
      seat: c.seat,
    })),
    createdBy: row.actor,
    createdAt: row.created_at,
    ...(row.confirmed_by === null ? {} : { confirmedBy: row.confirmed_by }),
    ...(row.confirmed_at === null ? {} : { confirmedAt: row.confirmed_at }),
  };
}

function selectIncidents(
  db: ReadableDb,
  sessionId: string | null,
  id: number | null,
): IncidentRow[] {
  return queryAll<IncidentRow>(
    db,
    sql`SELECT i.id, i.session_id, i.attempt_id, i.kind, i.category, i.action, i.description,
               i.actor, i.created_at, c.confirmed_by, c.confirmed_at
          FROM incidents i LEFT JOIN incident_confirmations c ON c.incident_id = i.id
         WHERE (${sessionId} IS NULL OR i.session_id = ${sessionId}) AND (${id} IS NULL OR i.id = ${id})
         ORDER BY i.created_at, i.id`,
  );
}

function candidatesOf(db: ReadableDb, sessionId: string): Map<number, CandidateRow[]> {
  // Candidates listed explicitly, plus the single attempt of incidents recorded by an action.
  const rows = queryAll<CandidateRow>(
    db,
    sql`SELECT x.incident_id, a.id AS attempt_id, a.admission_ticket, a.name, a.seat FROM (
          SELECT ic.incident_id, ic.attempt_id FROM incident_candidates ic
            JOIN incidents i ON i.id = ic.incident_id WHERE i.session_id = ${sessionId}
          UNION
          SELECT id AS incident_id, attempt_id FROM incidents
            WHERE session_id = ${sessionId} AND attempt_id IS NOT NULL
        ) x JOIN attempts a ON a.id = x.attempt_id ORDER BY a.seat`,
  );
  const byIncident = new Map<number, CandidateRow[]>();
  for (const row of rows) {
    const list = byIncident.get(row.incident_id) ?? [];
    list.push(row);
    byIncident.set(row.incident_id, list);
  }
  return byIncident;
}

export function listIncidents(db: ReadableDb, sessionId: string): IncidentView[] {
  const candidates = candidatesOf(db, sessionId);
  return selectIncidents(db, sessionId, null).map((row) =>
    toView(row, candidates.get(row.id) ?? []),
  );
}

export function findIncident(db: ReadableDb, incidentId: number): IncidentView | undefined {
  const [row] = selectIncidents(db, null, incidentId);
  if (row === undefined) return undefined;
  return toView(row, candidatesOf(db, row.session_id).get(row.id) ?? []);
}

export interface NewIncident {
  readonly sessionId: string;
  readonly category: IncidentCategory;
  readonly description: string;
  readonly action: string;
  readonly attemptIds: readonly string[];
  readonly actor: string;
  readonly at: number;
}

/** Inserts a manual incident and its candidates (inside the caller's transaction). */
export function insertManualIncident(db: WritableDb, incident: NewIncident): number {
  const id = run(
    db,
    sql`INSERT INTO incidents (session_id, attempt_id, kind, category, action, description, actor, created_at)
        VALUES (${incident.sessionId}, NULL, 'manual', ${incident.category}, ${incident.action},
                ${incident.description}, ${incident.actor}, ${incident.at})`,
  ).lastInsertRowid;
  for (const attemptId of new Set(incident.attemptIds)) {
    run(
      db,
      sql`INSERT INTO incident_candidates (incident_id, attempt_id) VALUES (${id}, ${attemptId})`,
    );
  }
  return id;
}

export function insertConfirmation(
  db: WritableDb,
  incidentId: number,
  confirmedBy: string,
  at: number,
): void {
  run(
    db,
    sql`INSERT INTO incident_confirmations (incident_id, confirmed_by, confirmed_at)
        VALUES (${incidentId}, ${confirmedBy}, ${at})`,
  );
}

/**
 * Records the incident of a proctor action — 试卷作废 `void`, 调换座位 `move`, 全场暂停
 * `session_pause` — with its reason (inside the action's transaction).
 */
export function insertIncident(
  db: WritableDb,
  sessionId: string,
  attemptId: string | undefined,
  kind: string,
  description: string,
  actor: string,
  now: number,
): number {
  return run(
    db,
    sql`INSERT INTO incidents (session_id, attempt_id, kind, description, actor, created_at)
        VALUES (${sessionId}, ${attemptId ?? null}, ${kind}, ${description}, ${actor}, ${now})`,
  ).lastInsertRowid;
}

/** The session of an incident, or undefined for an unknown incident (scope checks). */
export function sessionOfIncident(db: ReadableDb, incidentId: number): string | undefined {
  return queryOne<{ session_id: string }>(
    db,
    sql`SELECT session_id FROM incidents WHERE id = ${incidentId}`,
  )?.session_id;
}

/** The staff who acted on the session (audit records naming it), for the record's 监考人员. */
export function staffActorsOfSession(db: ReadableDb, sessionId: string): string[] {
  return queryAll<{ actor: string }>(
    db,
    sql`SELECT DISTINCT actor FROM audit_log
         WHERE actor LIKE 'staff:%' AND json_extract(payload_json, '$.sessionId') = ${sessionId}`,
  ).map((row) => row.actor);
}
