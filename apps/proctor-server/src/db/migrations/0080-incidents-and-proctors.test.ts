import { describe, expect, it } from 'vitest';
import { createMemoryDb, explain, insertRows, migrateTo, readRows } from '../test-helpers';

function seed(db: ReturnType<typeof createMemoryDb>): void {
  insertRows(db, 'exams', [
    {
      id: 'e1',
      title: 't',
      manifest_json: '{}',
      candidate_paper_json: '{}',
      answer_key_json: '{}',
      imported_at: 1,
    },
  ]);
  insertRows(db, 'sessions', [
    {
      id: 's1',
      exam_id: 'e1',
      name: 'n',
      scheduled_start: 1,
      duration_ms: 60_000,
      rules_json: '{}',
      status: 'running',
    },
  ]);
  insertRows(db, 'rooms', [{ session_id: 's1', id: 'r1', name: 'r', seat_count: 10 }]);
  insertRows(db, 'attempts', [
    {
      id: 'a1',
      session_id: 's1',
      admission_ticket: 'T1',
      name: '张三',
      id_number: 'x',
      room_id: 'r1',
      seat: 1,
      exam_code_hash: 'h',
      status: 'in_progress',
    },
  ]);
}

describe('migration 0080 incidents-and-proctors', () => {
  it('categorises existing incidents by kind and keeps their candidate', () => {
    const db = createMemoryDb();
    migrateTo(db, 60);
    seed(db);
    insertRows(db, 'incidents', [
      {
        session_id: 's1',
        attempt_id: 'a1',
        kind: 'void',
        description: 'd',
        actor: 'staff:p1',
        created_at: 1,
      },
      {
        session_id: 's1',
        attempt_id: null,
        kind: 'session_pause',
        description: 'd',
        actor: 'staff:p1',
        created_at: 2,
      },
      {
        session_id: 's1',
        attempt_id: null,
        kind: 'note',
        description: 'd',
        actor: 'staff:p1',
        created_at: 3,
      },
    ]);
    migrateTo(db, 80);
    expect(readRows(db, 'incidents').map((r) => r['category'])).toEqual([
      'violation',
      'power_network',
      'other',
    ]);
    expect(readRows(db, 'incident_candidates')).toEqual([{ incident_id: 1, attempt_id: 'a1' }]);
    expect(
      explain(db, "SELECT * FROM incidents WHERE session_id = 's1' ORDER BY created_at"),
    ).toMatch(/incidents_session/);
  });

  it('refuses an unknown category and a confirmation by the proctor who recorded it', () => {
    const db = createMemoryDb();
    migrateTo(db, 80);
    seed(db);
    expect(() =>
      insertRows(db, 'incidents', [
        {
          session_id: 's1',
          kind: 'manual',
          category: 'weather',
          description: 'd',
          actor: 'staff:p1',
          created_at: 1,
        },
      ]),
    ).toThrow(/CHECK/);
    insertRows(db, 'incidents', [
      {
        session_id: 's1',
        kind: 'manual',
        category: 'violation',
        description: 'd',
        actor: 'staff:p1',
        created_at: 1,
      },
    ]);
    expect(() =>
      insertRows(db, 'incident_confirmations', [
        { incident_id: 1, confirmed_by: 'staff:p1', confirmed_at: 2 },
      ]),
    ).toThrow(/second proctor/);
    insertRows(db, 'incident_confirmations', [
      { incident_id: 1, confirmed_by: 'staff:p2', confirmed_at: 2 },
    ]);
    expect(() =>
      insertRows(db, 'incident_confirmations', [
        { incident_id: 1, confirmed_by: 'staff:p3', confirmed_at: 3 },
      ]),
    ).toThrow(/UNIQUE|PRIMARY/);
    insertRows(db, 'session_proctors', [{ session_id: 's1', username: 'p1', assigned_at: 1 }]);
    expect(() =>
      insertRows(db, 'session_proctors', [{ session_id: 'nope', username: 'p1', assigned_at: 1 }]),
    ).toThrow(/FOREIGN/);
  });

  it('indexes the audit records of one attempt, answers left out', () => {
    const db = createMemoryDb();
    migrateTo(db, 80);
    const where = "action <> 'answer.save'";
    expect(
      explain(
        db,
        `SELECT seq FROM audit_log WHERE json_extract(payload_json, '$.attemptId') = 'a1' AND ${where}`,
      ),
    ).toMatch(/audit_log_attempt/);
    expect(
      explain(db, `SELECT seq FROM audit_log WHERE actor = 'candidate:a1' AND ${where}`),
    ).toMatch(/audit_log_actor/);
  });
});
