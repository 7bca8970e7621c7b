import { execScript, queryOne, sql } from '@skillexam/shared/sql';
import { describe, expect, it } from 'vitest';
import { memoryJournal, migrateTo, tables } from './test-helpers';

describe('journal migration 0020: sealed paper and content key (ciphertext only)', () => {
  it('keeps the attempt and accepts one sealed paper of one algorithm', () => {
    const db = memoryJournal();
    migrateTo(db, 10);
    execScript(db, "INSERT INTO attempt (id, attempt_id, created_at) VALUES (1, 'a', 'now')");
    migrateTo(db, 20);
    expect(tables(db)).toEqual(['attempt', 'content_key', 'events', 'flags', 'sealed_paper']);
    expect(db.pragma('user_version', { simple: true })).toBe(20);
    expect(queryOne(db, sql`SELECT attempt_id FROM attempt`)).toEqual({ attempt_id: 'a' });
    expect(() =>
      execScript(
        db,
        "INSERT INTO sealed_paper VALUES (1, 'p', 'k', 'aes-128-cbc', 'iv', 'tag', 'c', 't')",
      ),
    ).toThrow(/CHECK/);
    execScript(
      db,
      "INSERT INTO sealed_paper VALUES (1, 'p', 'k', 'aes-256-gcm', 'iv', 'tag', 'c', 't')",
    );
    expect(() =>
      execScript(
        db,
        "INSERT INTO sealed_paper VALUES (2, 'p', 'k', 'aes-256-gcm', 'i', 't', 'c', 't')",
      ),
    ).toThrow(/CHECK/);
    execScript(db, "INSERT INTO content_key VALUES (1, 'k', 'key', 't')");
    expect(() => execScript(db, "INSERT INTO content_key VALUES (2, 'k', 'key', 't')")).toThrow(
      /CHECK/,
    );
  });
});
