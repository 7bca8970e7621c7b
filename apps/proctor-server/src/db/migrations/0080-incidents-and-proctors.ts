import { execScript, type WritableDb } from '@skillexam/shared/sql';

/**
 * 考场情况记录 (docs/decisions/0402): an incident gets a category (违纪 / 设备故障 / 断电断网 / 其他), a
 * 处理结果, any number of candidates, and a confirmation by a second proctor (never the one who
 * recorded it, also enforced by a trigger). Proctors can be assigned to sessions: a session with
 * assigned proctors accepts room actions from them (and admins) only. Two partial indexes serve
 * the candidate timeline from the audit log without slowing down the answer path.
 */
export function migrate0080(db: WritableDb): void {
  execScript(
    db,
    `
    ALTER TABLE incidents ADD COLUMN category TEXT NOT NULL DEFAULT 'other'
      CHECK (category IN ('violation', 'equipment', 'power_network', 'other'));
    ALTER TABLE incidents ADD COLUMN action TEXT NOT NULL DEFAULT '';
    UPDATE incidents SET category = CASE kind
      WHEN 'void' THEN 'violation'
      WHEN 'move' THEN 'equipment'
      WHEN 'session_pause' THEN 'power_network'
      ELSE 'other' END;
    CREATE INDEX incidents_session ON incidents (session_id, created_at);

    CREATE TABLE incident_candidates (
      incident_id INTEGER NOT NULL REFERENCES incidents (id),
      attempt_id TEXT NOT NULL REFERENCES attempts (id),
      PRIMARY KEY (incident_id, attempt_id)
    ) STRICT, WITHOUT ROWID;
    INSERT INTO incident_candidates (incident_id, attempt_id)
      SELECT id, attempt_id FROM incidents WHERE attempt_id IS NOT NULL;

    CREATE TABLE incident_confirmations (
      incident_id INTEGER PRIMARY KEY REFERENCES incidents (id),
      confirmed_by TEXT NOT NULL,
      confirmed_at INTEGER NOT NULL
    ) STRICT;
    CREATE TRIGGER incident_confirmations_second_proctor
      BEFORE INSERT ON incident_confirmations
      WHEN NEW.confirmed_by = (SELECT actor FROM incidents WHERE id = NEW.incident_id)
      BEGIN
        SELECT RAISE(ABORT, 'an incident must be confirmed by a second proctor');
      END;

    CREATE TABLE session_proctors (
      session_id TEXT NOT NULL REFERENCES sessions (id),
      username TEXT NOT NULL,
      assigned_at INTEGER NOT NULL,
      PRIMARY KEY (session_id, username)
    ) STRICT, WITHOUT ROWID;

    -- The console's candidate timeline reads an attempt's audit records; answers are left out.
    CREATE INDEX audit_log_attempt ON audit_log (json_extract(payload_json, '$.attemptId'), seq)
      WHERE action <> 'answer.save';
    CREATE INDEX audit_log_actor ON audit_log (actor, seq) WHERE action <> 'answer.save';
    `,
  );
}
