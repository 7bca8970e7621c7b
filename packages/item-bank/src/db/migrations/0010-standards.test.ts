import { describe, expect, it } from 'vitest';
import {
  createDb,
  explain,
  insertRows,
  migrateTo,
  readRows,
} from '../../../test/support/db-helpers';

describe('migration 0010 standards', () => {
  it('creates the standard tables with their constraints', () => {
    const db = createDb();
    migrateTo(db, 10);
    insertRows(db, 'occupations', [{ code: '6-31-01-03', name: '电工', edition: 2015 }]);
    insertRows(db, 'standards', [
      { id: 's', occupation_code: '6-31-01-03', version: '2018', levels: '[5]', imported_at: 't' },
    ]);
    insertRows(db, 'ranges', [
      { id: 's:A', standard_id: 's', path: 'A', code: 'A', name: '基本要求', depth: 1, ordinal: 0 },
    ]);
    insertRows(db, 'points', [
      {
        id: 's:A-001',
        standard_id: 's',
        range_id: 's:A',
        range_path: 'A',
        code: '001',
        path: 'A-001',
        name: '职业道德',
        importance: 'X',
        ordinal: 0,
      },
    ]);
    expect(readRows(db, 'points')).toHaveLength(1);
    expect(() =>
      insertRows(db, 'points', [
        {
          id: 's:A-002',
          standard_id: 's',
          range_id: 's:A',
          range_path: 'A',
          code: '002',
          path: 'A-002',
          name: 'x',
          importance: 'W',
          ordinal: 1,
        },
      ]),
    ).toThrow(/CHECK constraint/);
    expect(() =>
      insertRows(db, 'ranges', [
        { id: 'x', standard_id: 'missing', path: 'B', code: 'B', name: 'n', depth: 1, ordinal: 1 },
      ]),
    ).toThrow(/FOREIGN KEY/);
    expect(() => insertRows(db, 'occupations', [{ code: 1, name: 2, edition: 'x' }])).toThrow(
      /cannot store/,
    );
    expect(
      explain(db, 'SELECT id FROM points WHERE standard_id = ? AND range_path = ?', 's', 'A'),
    ).toMatch(/points_range/);
  });
});
