import { describe, expect, it } from 'vitest';
import { sql, run } from '@skillexam/shared/sql';
import { createMemoryDb, migrateTo, readRows, seedOneAttempt } from '../test-helpers';

describe('migration 0160 candidate-accommodations', () => {
  it('gives existing candidates no accommodations and stores new ones within bounds', () => {
    const db = createMemoryDb();
    migrateTo(db, 150);
    seedOneAttempt(db);
    migrateTo(db, 160);
    expect(readRows(db, 'attempts')[0]).toMatchObject({
      id: 'a1',
      roster_extra_ms: 0,
      large_text: 0,
      high_contrast: 0,
    });
    // 30 extra minutes are part of the 补时 (extension_ms), never more than it
    run(
      db,
      sql`UPDATE attempts SET extension_ms = 1800000, roster_extra_ms = 1800000, large_text = 1, high_contrast = 1`,
    );
    expect(readRows(db, 'attempts')[0]).toMatchObject({
      extension_ms: 1_800_000,
      roster_extra_ms: 1_800_000,
      large_text: 1,
      high_contrast: 1,
    });
    expect(() => run(db, sql`UPDATE attempts SET roster_extra_ms = 3600000`)).toThrow(/CHECK/);
    expect(() => run(db, sql`UPDATE attempts SET large_text = 2`)).toThrow(/CHECK/);
    expect(() => run(db, sql`UPDATE attempts SET high_contrast = -1`)).toThrow(/CHECK/);
  });
});
