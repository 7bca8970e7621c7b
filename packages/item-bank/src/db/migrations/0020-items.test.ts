import { describe, expect, it } from 'vitest';
import { createDb, explain, insertRows, migrateTo } from '../../../test/support/db-helpers';

function seed(db: ReturnType<typeof createDb>) {
  insertRows(db, 'occupations', [{ code: '6-31-01-03', name: '电工', edition: 2015 }]);
  insertRows(db, 'standards', [
    { id: 's', occupation_code: '6-31-01-03', version: '2018', levels: '[5]', imported_at: 't' },
  ]);
  insertRows(db, 'ranges', [
    { id: 's:A', standard_id: 's', path: 'A', code: 'A', name: 'n', depth: 1, ordinal: 0 },
  ]);
  insertRows(db, 'points', [
    {
      id: 'p',
      standard_id: 's',
      range_id: 's:A',
      range_path: 'A',
      code: '001',
      path: 'A-001',
      name: 'n',
      importance: 'X',
      ordinal: 0,
    },
  ]);
  insertRows(db, 'items', [
    {
      id: 'i1',
      current_version: 1,
      status: 'draft',
      type: 'true_false',
      point_id: 'p',
      standard_id: 's',
      level: 5,
      difficulty: 3,
      author: 'a',
      created_at: 't',
      updated_at: 't',
    },
  ]);
  insertRows(db, 'item_versions', [
    { item_id: 'i1', version: 1, content: '{}', plain_text: '', created_by: 'a', created_at: 't' },
  ]);
}

describe('migration 0020 items', () => {
  it('keeps sealed versions immutable and checks statuses', () => {
    const db = createDb();
    migrateTo(db, 20);
    seed(db);
    db.prepare("UPDATE item_versions SET content = '{\"a\":1}' WHERE item_id = 'i1'").run();
    db.prepare("UPDATE item_versions SET sealed = 1 WHERE item_id = 'i1'").run();
    expect(() =>
      db.prepare("UPDATE item_versions SET content = '{}' WHERE item_id = 'i1'").run(),
    ).toThrow(/sealed/);
    expect(() => db.prepare("DELETE FROM item_versions WHERE item_id = 'i1'").run()).toThrow(
      /sealed/,
    );
    expect(() => db.prepare("UPDATE items SET status = 'published'").run()).toThrow(/CHECK/);
    expect(() =>
      insertRows(db, 'duplicate_flags', [
        { item_id: 'i1', other_item_id: 'i1', similarity: 1, detected_at: 't' },
      ]),
    ).toThrow(/CHECK/);
    expect(
      explain(db, 'SELECT id FROM items WHERE point_id = ? AND status = ?', 'p', 'approved'),
    ).toMatch(/items_point/);
  });
});
