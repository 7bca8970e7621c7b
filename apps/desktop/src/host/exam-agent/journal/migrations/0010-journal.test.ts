import { execScript } from '@skillexam/shared/sql';
import { describe, expect, it } from 'vitest';
import { memoryJournal, migrateTo, tables } from './test-helpers';

describe('journal migration 0010: attempt, events and flags', () => {
  it('creates the tables with one attempt row and positive sequence numbers', () => {
    const db = memoryJournal();
    migrateTo(db, 10);
    expect(tables(db)).toEqual(['attempt', 'events', 'flags']);
    expect(db.pragma('user_version', { simple: true })).toBe(10);
    execScript(db, "INSERT INTO attempt (id, attempt_id, created_at) VALUES (1, 'a', 'now')");
    expect(() =>
      execScript(db, "INSERT INTO attempt (id, attempt_id, created_at) VALUES (2, 'b', 'now')"),
    ).toThrow(/CHECK/);
    expect(() =>
      execScript(
        db,
        "INSERT INTO events (seq, item_id, value, client_time) VALUES (0, 'q', '{}', 't')",
      ),
    ).toThrow(/CHECK/);
    expect(() => execScript(db, "INSERT INTO flags VALUES ('q', 2)")).toThrow(/CHECK/);
  });
});
