import { readdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runMigrations, SchemaFromFutureError } from '@skillexam/shared';
import { describe, expect, it } from 'vitest';
import { JOURNAL_MIGRATIONS } from './index';
import { memoryJournal, migrateTo, tables } from './test-helpers';

const here = dirname(fileURLToPath(import.meta.url));

describe('journal.db migrations', () => {
  it('every migration in the list has a file and a test file', () => {
    const files = readdirSync(here);
    for (const migration of JOURNAL_MIGRATIONS) {
      const prefix = String(migration.version).padStart(4, '0');
      const source = files.find(
        (file) => file.startsWith(`${prefix}-`) && !file.includes('.test.'),
      );
      expect(source, `migration ${prefix} has a file`).toBeDefined();
      expect(files, `migration ${prefix} has a test`).toContain(
        (source ?? '').replace(/\.ts$/, '.test.ts'),
      );
    }
    const migrationFiles = files.filter((file) => /^\d{4}-.*(?<!\.test)\.ts$/.test(file));
    expect(migrationFiles).toHaveLength(JOURNAL_MIGRATIONS.length);
  });

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
