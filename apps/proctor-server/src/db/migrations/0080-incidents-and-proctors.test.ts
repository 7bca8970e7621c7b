import { describe, expect, it } from 'vitest';
import {
  createMemoryDb,
  explain,
  insertRows,
  migrateTo,
  readRows,
  seedOneAttempt,
} from '../test-helpers';

describe('migration 0080 incidents-and-proctors', () => {
  it('categorises existing incidents by kind and keeps their candidate', () => {
    const db = createMemoryDb();
    migrateTo(db, 60);
    seedOneAttempt(db);
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
    seedOneAttempt(db);
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
