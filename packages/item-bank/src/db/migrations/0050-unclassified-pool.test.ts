import { describe, expect, it } from 'vitest';
import { createDb, insertRows, migrateTo, readRows } from '../../../test/support/db-helpers';

describe('migration 0050 unclassified pool', () => {
  it('gives every existing standard one pool range and one pool point, and only one', () => {
    const db = createDb();
    migrateTo(db, 40);
    insertRows(db, 'occupations', [{ code: '6-31-01-03', name: '电工', edition: 2015 }]);
    insertRows(db, 'standards', [
      { id: 's', occupation_code: '6-31-01-03', version: '2018', levels: '[5]', imported_at: 't' },
    ]);
    insertRows(db, 'ranges', [
      { id: 's:A', standard_id: 's', path: 'A', code: 'A', name: '基础知识', depth: 1, ordinal: 0 },
    ]);
    insertRows(db, 'points', [
      {
        id: 's:A-001',
        standard_id: 's',
        range_id: 's:A',
        range_path: 'A',
        code: '001',
        path: 'A-001',
        name: '欧姆定律',
        importance: 'X',
        ordinal: 0,
      },
    ]);
    migrateTo(db, 50);
    const points = readRows(db, 'points');
    expect(points.map((row) => [row.id, row.pool])).toEqual([
      ['s:A-001', 0],
      ['s:_unclassified', 1],
    ]);
    expect(readRows(db, 'ranges').filter((row) => row.pool === 1)).toHaveLength(1);
    expect(() =>
      insertRows(db, 'points', [
        {
          id: 's:x',
          standard_id: 's',
          range_id: 's:_unclassified',
          range_path: '未分类',
          code: 'x',
          path: 'x',
          name: 'x',
          importance: 'Z',
          ordinal: 1,
          pool: 1,
        },
      ]),
    ).toThrow(/UNIQUE/);
    expect(() => db.prepare("UPDATE points SET pool = 2 WHERE id = 's:A-001'").run()).toThrow(
      /CHECK/,
    );
  });
});
