import { describe, expect, it } from 'vitest';
import { createMemoryDb, insertRows, migrateTo, readRows } from '../test-helpers';

describe('migration 0060 manual-marks', () => {
  it('keeps one mark per marker per item of an attempt, for existing attempts only', () => {
    const db = createMemoryDb();
    migrateTo(db, 60);
    expect(() =>
      insertRows(db, 'manual_marks', [
        { attempt_id: 'nope', item_id: 'sa1', marker: 'm1', points: 5, marked_at: 1 },
      ]),
    ).toThrow(/FOREIGN/);
    expect(readRows(db, 'manual_marks')).toEqual([]);
  });
});
