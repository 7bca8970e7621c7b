import { describe, expect, it } from 'vitest';
import { createMemoryDb, insertRows, migrateTo, readRows } from '../test-helpers';

function seedBefore0070() {
  const db = createMemoryDb();
  migrateTo(db, 60);
  insertRows(db, 'exams', [
    {
      id: 'e1',
      title: 'exam',
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
      name: 'session',
      scheduled_start: 1,
      duration_ms: 60_000,
      rules_json: '{}',
      status: 'scheduled',
    },
  ]);
  insertRows(db, 'rooms', [{ session_id: 's1', id: 'r1', name: '第1考场', seat_count: 30 }]);
  insertRows(
    db,
    'attempts',
    [1, 2, 3].map((seat) => ({
      id: `a${seat}`,
      session_id: 's1',
      admission_ticket: `T${seat}`,
      name: `考生${seat}`,
      id_number: 'x',
      room_id: 'r1',
      seat,
      exam_code_hash: 'h',
      status: 'registered',
    })),
  );
  return db;
}

describe('migration 0070 content-release-and-rooms', () => {
  it('gives every existing attempt a 32-bit variation seed and keeps the rows', () => {
    const db = seedBefore0070();
    migrateTo(db, 70);
    const rows = readRows(db, 'attempts');
    expect(rows).toHaveLength(3);
    for (const row of rows) {
      expect(Number.isInteger(row['variation_seed'])).toBe(true);
      expect(row['variation_seed']).toBeGreaterThanOrEqual(0);
      expect(row['variation_seed']).toBeLessThan(2 ** 32);
    }
    expect(() =>
      db.prepare("UPDATE attempts SET variation_seed = -1 WHERE id = 'a1'").run(),
    ).toThrow(/CHECK/);
  });

  it('stores one 32-byte content key per existing session, and optional room and session settings', () => {
    const db = seedBefore0070();
    migrateTo(db, 70);
    expect(() =>
      insertRows(db, 'session_content_keys', [
        {
          session_id: 's1',
          key_bytes: Buffer.alloc(31),
          key_id: '0123456789abcdef',
          created_at: 1,
        },
      ]),
    ).toThrow(/CHECK/);
    expect(() =>
      insertRows(db, 'session_content_keys', [
        {
          session_id: 'nope',
          key_bytes: Buffer.alloc(32),
          key_id: '0123456789abcdef',
          created_at: 1,
        },
      ]),
    ).toThrow(/FOREIGN/);
    insertRows(db, 'session_content_keys', [
      { session_id: 's1', key_bytes: Buffer.alloc(32), key_id: '0123456789abcdef', created_at: 1 },
    ]);
    expect(readRows(db, 'rooms')[0]).toMatchObject({ layout_json: null });
    expect(readRows(db, 'sessions')[0]).toMatchObject({
      auto_check_in_at: null,
      occupation_name: null,
    });
  });
});
