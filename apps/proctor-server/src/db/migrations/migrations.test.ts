import { describe, expect, it } from 'vitest';
import { createMemoryDb } from '../test-helpers';
import { MIGRATIONS } from './index';
import {
  checkMigrationOrder,
  DbVersionFromFutureError,
  runMigrations,
  schemaVersion,
} from './runner';

describe('migration runner', () => {
  it('applies all steps, sets user_version, and is idempotent', () => {
    const db = createMemoryDb();
    const latest = MIGRATIONS.at(-1)?.version;
    expect(runMigrations(db, MIGRATIONS)).toBe(latest);
    expect(schemaVersion(db)).toBe(latest);
    expect(runMigrations(db, MIGRATIONS)).toBe(latest);
  });

  it('refuses a database from the future', () => {
    const db = createMemoryDb();
    db.pragma('user_version = 990');
    expect(() => runMigrations(db, MIGRATIONS)).toThrow(DbVersionFromFutureError);
  });

  it('rolls back every pending step when one fails', () => {
    const db = createMemoryDb();
    const broken = [
      ...MIGRATIONS,
      {
        version: 990,
        name: 'broken',
        up: () => {
          throw new Error('boom');
        },
      },
    ];
    expect(() => runMigrations(db, broken)).toThrow('boom');
    expect(schemaVersion(db)).toBe(0);
    expect(
      db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'staff'").get(),
    ).toEqual({ n: 0 });
  });

  it('rejects a list whose versions do not increase', () => {
    const up = (): void => undefined;
    expect(() =>
      checkMigrationOrder([
        { version: 20, name: 'a', up },
        { version: 10, name: 'b', up },
      ]),
    ).toThrow(/does not come after/);
  });
});
