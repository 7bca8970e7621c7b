import { describe, expect, it } from 'vitest';
import { createDb } from '../../../test/support/db-helpers';
import { DbFromFutureError, checkMigrationOrder, migrateBank, schemaVersion } from '../migrate';
import { MIGRATIONS } from './index';

describe('migration runner', () => {
  it('applies every step once, sets user_version and is idempotent', () => {
    const db = createDb();
    expect(migrateBank(db)).toEqual(MIGRATIONS.map((m) => m.version));
    expect(schemaVersion(db)).toBe(MIGRATIONS.at(-1)?.version);
    expect(migrateBank(db)).toEqual([]);
  });

  it('refuses a database from the future and changes nothing', () => {
    const db = createDb();
    db.pragma('user_version = 9990');
    expect(() => migrateBank(db)).toThrow(DbFromFutureError);
    expect(() => migrateBank(db)).toThrow(/高于本程序支持的版本/);
    expect(
      db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table'").get(),
    ).toEqual({ n: 0 });
  });

  it('rolls back every step when one fails', () => {
    const db = createDb();
    const broken = [
      { version: 10, name: 'ok', up: () => db.exec('CREATE TABLE a (x INTEGER) STRICT') },
      { version: 20, name: 'bad', up: () => db.exec('CREATE TABLE a (x INTEGER) STRICT') },
    ];
    expect(() => migrateBank(db, broken)).toThrow(/already exists/);
    expect(schemaVersion(db)).toBe(0);
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'a'").get()).toEqual({
      n: 0,
    });
  });

  it('rejects a list whose versions do not increase', () => {
    const noop = () => undefined;
    expect(() =>
      checkMigrationOrder([
        { version: 20, name: 'b', up: noop },
        { version: 10, name: 'a', up: noop },
      ]),
    ).toThrow(/must increase/);
  });
});
