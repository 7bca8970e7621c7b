import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  execScript,
  queryAll,
  queryOne,
  queryValue,
  run,
  setBeforeCommitHook,
  sql,
  transaction,
  type WritableDb,
} from './index';

let dir: string;
let db: WritableDb;

function open(path: string): WritableDb {
  return new Database(path) as WritableDb;
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'shared-sql-'));
  db = open(join(dir, 'test.db'));
  execScript(db, 'CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT NOT NULL, blob BLOB);');
});

afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

function names(): string[] {
  return queryAll<{ name: string }>(db, sql`SELECT name FROM t ORDER BY id`).map((r) => r.name);
}

describe('queries', () => {
  it('runs, reads rows, one row and one value', () => {
    const first = run(db, sql`INSERT INTO t (name) VALUES (${'a'})`);
    run(db, sql`INSERT INTO t (name, blob) VALUES (${'b'}, ${Buffer.from([1, 2])})`);
    expect(first).toEqual({ changes: 1, lastInsertRowid: 1 });
    expect(typeof first.lastInsertRowid).toBe('number');
    expect(names()).toEqual(['a', 'b']);
    expect(queryOne<{ id: number }>(db, sql`SELECT id FROM t WHERE name = ${'b'}`)).toEqual({
      id: 2,
    });
    expect(queryOne(db, sql`SELECT id FROM t WHERE name = ${'zz'}`)).toBeUndefined();
    expect(queryValue<number>(db, sql`SELECT count(*) FROM t`)).toBe(2);
    expect(queryValue(db, sql`SELECT id FROM t WHERE name = ${'zz'}`)).toBeUndefined();
  });

  it('leaves a statement read by queryValue usable for whole rows', () => {
    run(db, sql`INSERT INTO t (name) VALUES (${'a'})`);
    const text = sql`SELECT name FROM t WHERE id = ${1}`;
    expect(queryValue<string>(db, text)).toBe('a');
    expect(queryOne(db, text)).toEqual({ name: 'a' });
  });

  it('reports changes of an update', () => {
    run(db, sql`INSERT INTO t (name) VALUES (${'a'}), (${'b'})`);
    expect(run(db, sql`UPDATE t SET name = ${'c'}`).changes).toBe(2);
  });
});

describe('transaction', () => {
  it('commits together, or rolls everything back on a throw', () => {
    transaction(db, () => {
      run(db, sql`INSERT INTO t (name) VALUES (${'a'})`);
      run(db, sql`INSERT INTO t (name) VALUES (${'b'})`);
    });
    expect(() =>
      transaction(db, () => {
        run(db, sql`INSERT INTO t (name) VALUES (${'c'})`);
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(names()).toEqual(['a', 'b']);
  });

  it('makes a nested transaction a savepoint: its throw undoes only its own work', () => {
    transaction(db, () => {
      run(db, sql`INSERT INTO t (name) VALUES (${'outer'})`);
      expect(() =>
        transaction(db, () => {
          run(db, sql`INSERT INTO t (name) VALUES (${'inner'})`);
          throw new Error('inner fails');
        }),
      ).toThrow('inner fails');
    });
    expect(names()).toEqual(['outer']);
  });

  it('takes the write lock up front (IMMEDIATE): a second writer is refused at once', () => {
    const other = open(join(dir, 'test.db'));
    other.pragma('busy_timeout = 0');
    try {
      transaction(db, () => {
        // A DEFERRED transaction would hold no lock yet; IMMEDIATE already holds RESERVED.
        expect(() => other.exec('BEGIN IMMEDIATE')).toThrow(/locked|busy/i);
      });
      other.exec('BEGIN IMMEDIATE');
      other.exec('ROLLBACK');
    } finally {
      other.close();
    }
  });

  it('runs the before-commit hook once, inside the outermost transaction, after fn', () => {
    const seen: string[] = [];
    setBeforeCommitHook(db, () => {
      seen.push(`hook:${String(db.inTransaction)}:${names().join('')}`);
      run(db, sql`INSERT INTO t (name) VALUES (${'h'})`);
    });
    transaction(db, () => {
      run(db, sql`INSERT INTO t (name) VALUES (${'a'})`);
      transaction(db, () => run(db, sql`INSERT INTO t (name) VALUES (${'b'})`));
    });
    expect(seen).toEqual(['hook:true:ab']);
    expect(names()).toEqual(['a', 'b', 'h']);
  });

  it('rolls back what the hook wrote when the hook throws', () => {
    setBeforeCommitHook(db, () => {
      run(db, sql`INSERT INTO t (name) VALUES (${'h'})`);
      throw new Error('hook fails');
    });
    expect(() => transaction(db, () => run(db, sql`INSERT INTO t (name) VALUES (${'a'})`))).toThrow(
      'hook fails',
    );
    expect(names()).toEqual([]);
  });
});
