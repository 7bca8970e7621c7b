import { runMigrations, SchemaFromFutureError } from '@skillexam/shared';
import { describe, expect, it } from 'vitest';
import { JOURNAL_MIGRATIONS } from './index';
import { memoryJournal, migrateTo, tables } from './test-helpers';

describe('journal.db migrations', () => {
  it('applies every step once and is idempotent', () => {
    const db = memoryJournal();
    expect(runMigrations(db, JOURNAL_MIGRATIONS)).toEqual([10, 20, 30]);
    expect(runMigrations(db, JOURNAL_MIGRATIONS)).toEqual([]);
    expect(tables(db)).toHaveLength(6);
  });

  it('refuses a journal from the future as a 考试日志', () => {
    const db = memoryJournal();
    db.pragma('user_version = 990');
    expect(() => runMigrations(db, JOURNAL_MIGRATIONS, { what: '考试日志' })).toThrow(
      SchemaFromFutureError,
    );
    expect(() => migrateTo(db)).toThrow(/高于本程序支持的版本/);
    expect(tables(db)).toEqual([]);
  });
});
