import { execScript, queryAll, sql } from '@skillexam/shared/sql';
import { describe, expect, it } from 'vitest';
import { memoryJournal, migrateTo, tables } from './test-helpers';

describe('journal migration 0030: saved login for an offline restart', () => {
  it('adds one saved-login row that stores no exam code', () => {
    const db = memoryJournal();
    migrateTo(db, 20);
    migrateTo(db, 30);
    expect(tables(db)).toContain('saved_login');
    expect(db.pragma('user_version', { simple: true })).toBe(30);
    const columns = queryAll<{ name: string }>(db, sql`PRAGMA table_info(saved_login)`).map(
      (column) => column.name,
    );
    expect(columns).toEqual([
      'id',
      'admission_ticket',
      'code_hash',
      'token',
      'attempt_json',
      'saved_at_local',
    ]);
    execScript(db, "INSERT INTO saved_login VALUES (1, 't', 'h', 'tok', '{}', 0)");
    expect(() =>
      execScript(db, "INSERT INTO saved_login VALUES (2, 't', 'h', 'tok', '{}', 0)"),
    ).toThrow(/CHECK/);
    expect(() =>
      execScript(db, "INSERT INTO saved_login VALUES (1, 't', 'h', 'tok', '{}', 'x')"),
    ).toThrow();
  });
});
