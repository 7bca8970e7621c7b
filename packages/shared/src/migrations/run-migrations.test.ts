import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import {
  runMigrations,
  schemaVersion,
  SchemaFromFutureError,
  type Migration,
} from './run-migrations';

type Db = Database.Database;

const steps: Migration<Db>[] = [
  { version: 10, name: 'a', up: (db) => db.exec('CREATE TABLE a (x INTEGER) STRICT') },
  { version: 20, name: 'b', up: (db) => db.exec('CREATE TABLE b (y TEXT) STRICT') },
];

describe('runMigrations (on a real in-memory SQLite database)', () => {
  it('applies pending steps in order, once, and records the version', () => {
    const db = new Database(':memory:');
    expect(runMigrations(db, steps, { target: 10 })).toEqual([10]);
    expect(schemaVersion(db)).toBe(10);
    expect(runMigrations(db, steps)).toEqual([20]);
    expect(runMigrations(db, steps)).toEqual([]);
    expect(schemaVersion(db)).toBe(20);
  });

  it('rolls back every step of a run when one fails', () => {
    const db = new Database(':memory:');
    const failing: Migration<Db>[] = [
      ...steps,
      { version: 30, name: 'bad', up: (d) => d.exec('CREATE TABLE a (x INTEGER)') },
    ];
    expect(() => runMigrations(db, failing)).toThrow(/already exists/);
    expect(schemaVersion(db)).toBe(0);
    expect(
      db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table'").get(),
    ).toEqual({ n: 0 });
  });

  it('refuses a database from the future, naming the file', () => {
    const db = new Database(':memory:');
    db.pragma('user_version = 90');
    expect(() => runMigrations(db, steps, { what: '考试日志' })).toThrow(SchemaFromFutureError);
    expect(() => runMigrations(db, steps, { what: '考试日志' })).toThrow(/考试日志的版本 90/);
  });

  it('refuses a list whose versions do not increase', () => {
    const db = new Database(':memory:');
    expect(() => runMigrations(db, [steps[1]!, steps[0]!])).toThrow(/does not come after 20/);
  });
});
