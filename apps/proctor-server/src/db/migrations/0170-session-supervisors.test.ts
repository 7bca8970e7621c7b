import { describe, expect, it } from 'vitest';
import { run, sql } from '@skillexam/shared/sql';
import { createMemoryDb, migrateTo, readRows, seedOneAttempt } from '../test-helpers';

describe('migration 0170 session-supervisors', () => {
  it('adds an empty record of supervisors per session, one row per name, only for sessions', () => {
    const db = createMemoryDb();
    migrateTo(db, 160);
    seedOneAttempt(db);
    migrateTo(db, 170);
    expect(readRows(db, 'session_supervisors')).toEqual([]);
    run(
      db,
      sql`INSERT INTO session_supervisors (session_id, username, assigned_at) VALUES ('s1', 'sup1', 5)`,
    );
    expect(readRows(db, 'session_supervisors')).toEqual([
      { session_id: 's1', username: 'sup1', assigned_at: 5 },
    ]);
    expect(() =>
      run(
        db,
        sql`INSERT INTO session_supervisors (session_id, username, assigned_at) VALUES ('s1', 'sup1', 6)`,
      ),
    ).toThrow(/UNIQUE|PRIMARY/);
    expect(() =>
      run(
        db,
        sql`INSERT INTO session_supervisors (session_id, username, assigned_at) VALUES ('nope', 'sup1', 6)`,
      ),
    ).toThrow(/FOREIGN KEY/);
  });
});
