import { describe, expect, it } from 'vitest';
import { createMemoryDb, explain, insertRows, migrateTo } from '../test-helpers';

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
      status: 'scheduled',
    },
  ]);
  insertRows(db, 'rooms', [{ session_id: 's1', id: 'r1', name: '第一考场', seat_count: 30 }]);
}

function attempt(id: string, ticket: string, seat: number, status = 'registered') {
  return {
    id,
    session_id: 's1',
    admission_ticket: ticket,
    name: '张三',
    id_number: 'x',
    room_id: 'r1',
    seat,
    exam_code_hash: 'h',
    status,
  };
}

describe('migration 0020 exams-and-sessions', () => {
  it('keeps one active candidate per seat and one attempt per ticket', () => {
    const db = createMemoryDb();
    migrateTo(db, 20);
    seed(db);
    insertRows(db, 'attempts', [attempt('a1', 'T0001', 1)]);
    expect(() => insertRows(db, 'attempts', [attempt('a2', 'T0002', 1)])).toThrow(/UNIQUE/);
    expect(() => insertRows(db, 'attempts', [attempt('a3', 'T0001', 2)])).toThrow(/UNIQUE/);
    // a finished attempt frees its seat
    insertRows(db, 'attempts', [attempt('a4', 'T0004', 3, 'voided'), attempt('a5', 'T0005', 3)]);
  });

  it('refuses an attempt in a room the session does not have', () => {
    const db = createMemoryDb();
    migrateTo(db, 20);
    seed(db);
    expect(() =>
      insertRows(db, 'attempts', [{ ...attempt('a1', 'T0001', 1), room_id: 'r9' }]),
    ).toThrow(/FOREIGN KEY/);
  });

  it('finds attempts of a session by status through an index', () => {
    const db = createMemoryDb();
    migrateTo(db, 20);
    expect(
      explain(db, "SELECT id FROM attempts WHERE session_id = 's1' AND status = 'admitted'"),
    ).toMatch(/USING (COVERING )?INDEX/);
  });
});
