import Database from 'better-sqlite3';
import { runMigrations } from '@skillexam/shared';
import { describe, expect, it } from 'vitest';
import { JOURNAL_MIGRATIONS } from './journal-schema';

const tables = (db: Database.Database) =>
  (
    db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as {
      name: string;
    }[]
  ).map((r) => r.name);

/** One test per journal migration, on an in-memory database. */
const tested = new Set<number>();
const migrationTest = (version: number, name: string, fn: () => void) => {
  tested.add(version);
  it(`migration ${version}: ${name}`, fn);
};

describe('journal.db migrations', () => {
  migrationTest(10, 'attempt, events and flags', () => {
    const db = new Database(':memory:');
    runMigrations(db, JOURNAL_MIGRATIONS, { target: 10 });
    expect(tables(db)).toEqual(['attempt', 'events', 'flags']);
    db.prepare("INSERT INTO attempt (id, attempt_id, created_at) VALUES (1, 'a', 'now')").run();
    expect(() =>
      db.prepare("INSERT INTO attempt (id, attempt_id, created_at) VALUES (2, 'b', 'now')").run(),
    ).toThrow(/CHECK/);
    expect(() =>
      db
        .prepare("INSERT INTO events (seq, item_id, value, client_time) VALUES (0, 'q', '{}', 't')")
        .run(),
    ).toThrow(/CHECK/);
  });

  migrationTest(20, 'sealed paper and content key (ciphertext only)', () => {
    const db = new Database(':memory:');
    runMigrations(db, JOURNAL_MIGRATIONS, { target: 10 });
    db.prepare("INSERT INTO attempt (id, attempt_id, created_at) VALUES (1, 'a', 'now')").run();
    runMigrations(db, JOURNAL_MIGRATIONS, { target: 20 });
    expect(tables(db)).toEqual(['attempt', 'content_key', 'events', 'flags', 'sealed_paper']);
    expect(db.pragma('user_version', { simple: true })).toBe(20);
    // Existing journals keep their attempt; the new tables accept one row and one algorithm.
    expect(db.prepare('SELECT attempt_id FROM attempt').get()).toEqual({ attempt_id: 'a' });
    expect(() =>
      db
        .prepare(
          "INSERT INTO sealed_paper VALUES (1, 'p', 'k', 'aes-128-cbc', 'iv', 'tag', 'c', 't')",
        )
        .run(),
    ).toThrow(/CHECK/);
    db.prepare(
      "INSERT INTO sealed_paper VALUES (1, 'p', 'k', 'aes-256-gcm', 'iv', 'tag', 'c', 't')",
    ).run();
    expect(() =>
      db
        .prepare("INSERT INTO sealed_paper VALUES (2, 'p', 'k', 'aes-256-gcm', 'i', 't', 'c', 't')")
        .run(),
    ).toThrow(/CHECK/);
  });

  migrationTest(30, 'saved login for an offline restart (no exam code stored)', () => {
    const db = new Database(':memory:');
    runMigrations(db, JOURNAL_MIGRATIONS, { target: 20 });
    runMigrations(db, JOURNAL_MIGRATIONS);
    expect(tables(db)).toContain('saved_login');
    expect(db.pragma('user_version', { simple: true })).toBe(30);
    const columns = (db.prepare('PRAGMA table_info(saved_login)').all() as { name: string }[]).map(
      (c) => c.name,
    );
    expect(columns).toEqual([
      'id',
      'admission_ticket',
      'code_hash',
      'token',
      'attempt_json',
      'saved_at_local',
    ]);
    db.prepare("INSERT INTO saved_login VALUES (1, 't', 'h', 'tok', '{}', 0)").run();
    expect(() =>
      db.prepare("INSERT INTO saved_login VALUES (2, 't', 'h', 'tok', '{}', 0)").run(),
    ).toThrow(/CHECK/);
    expect(() =>
      db.prepare("INSERT INTO saved_login VALUES (1, 't', 'h', 'tok', '{}', 'x')").run(),
    ).toThrow();
  });

  it('has a test for every migration in the list', () => {
    expect(JOURNAL_MIGRATIONS.map((m) => m.version).filter((v) => !tested.has(v))).toEqual([]);
  });
});
