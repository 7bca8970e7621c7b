import { describe, expect, it } from 'vitest';
import { createMemoryDb, insertRows, migrateTo, readRows } from '../test-helpers';

describe('migration 0030 answers', () => {
  it('stores an answer event once per (attempt, seq)', () => {
    const db = createMemoryDb();
    migrateTo(db, 30);
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
        duration_ms: 1,
        rules_json: '{}',
        status: 'running',
      },
    ]);
    insertRows(db, 'rooms', [{ session_id: 's1', id: 'r1', name: 'r', seat_count: 1 }]);
    insertRows(db, 'attempts', [
      {
        id: 'a1',
        session_id: 's1',
        admission_ticket: 'T1',
        name: 'n',
        id_number: 'x',
        room_id: 'r1',
        seat: 1,
        exam_code_hash: 'h',
        status: 'in_progress',
      },
    ]);
    const event = {
      attempt_id: 'a1',
      seq: 1,
      item_id: 'i1',
      value_json: 'null',
      client_time: 't',
      server_time: 1,
    };
    insertRows(db, 'answer_events', [event]);
    expect(() => insertRows(db, 'answer_events', [event])).toThrow(/UNIQUE|PRIMARY/);
    expect(() => insertRows(db, 'answer_events', [{ ...event, seq: 0 }])).toThrow(/CHECK/);
    expect(() => insertRows(db, 'answer_events', [{ ...event, attempt_id: 'zz', seq: 2 }])).toThrow(
      /FOREIGN/,
    );
    insertRows(db, 'answers_current', [
      { attempt_id: 'a1', item_id: 'i1', seq: 1, value_json: 'null' },
    ]);
    expect(readRows(db, 'answers_current')).toHaveLength(1);
  });
});
