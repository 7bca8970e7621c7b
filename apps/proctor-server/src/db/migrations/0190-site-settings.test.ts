import { describe, expect, it } from 'vitest';
import { run, sql } from '@skillexam/shared/sql';
import { createMemoryDb, migrateTo, readRows, seedOneAttempt } from '../test-helpers';

describe('migration 0190 site-settings', () => {
  it('adds an empty table of site settings, one row per key', () => {
    const db = createMemoryDb();
    migrateTo(db, 180);
    seedOneAttempt(db);
    migrateTo(db, 190);
    expect(readRows(db, 'site_settings')).toEqual([]);
    run(
      db,
      sql`INSERT INTO site_settings (key, value, updated_at, updated_by) VALUES ('k', 'v', 5, 'staff:admin')`,
    );
    expect(readRows(db, 'site_settings')).toEqual([
      { key: 'k', value: 'v', updated_at: 5, updated_by: 'staff:admin' },
    ]);
    expect(() =>
      run(
        db,
        sql`INSERT INTO site_settings (key, value, updated_at, updated_by) VALUES ('k', 'w', 6, 'x')`,
      ),
    ).toThrow(/UNIQUE|PRIMARY/);
  });
});
