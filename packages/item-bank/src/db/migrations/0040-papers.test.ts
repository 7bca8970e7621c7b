import { describe, expect, it } from 'vitest';
import { createDb, explain, insertRows, migrateTo } from '../../../test/support/db-helpers';

const paper = (id: string, overrides: Record<string, unknown> = {}) => ({
  id,
  standard_id: 's',
  level: 3,
  form: 'A',
  title: 't',
  blueprint_id: 'bp',
  blueprint_version: 1,
  blueprint_sha256: 'a'.repeat(64),
  seed: 1,
  record: '{}',
  recorded_by: 'u',
  recorded_at: 't',
  ...overrides,
});

describe('migration 0040 papers', () => {
  it('stores papers per standard, orders recent papers by an index and checks its columns', () => {
    const db = createDb();
    migrateTo(db, 40);
    insertRows(db, 'occupations', [{ code: '6-31-01-03', name: '电工', edition: 2015 }]);
    insertRows(db, 'standards', [
      { id: 's', occupation_code: '6-31-01-03', version: '2018', levels: '[3]', imported_at: 't' },
    ]);
    insertRows(db, 'papers', [paper('p1'), paper('p2')]);
    expect(() => insertRows(db, 'papers', [paper('p1')])).toThrow(/UNIQUE/);
    expect(() => insertRows(db, 'papers', [paper('p3', { level: 7 })])).toThrow(/CHECK/);
    expect(() => insertRows(db, 'papers', [paper('p4', { standard_id: 'nope' })])).toThrow(
      /FOREIGN KEY/,
    );
    expect(() => insertRows(db, 'papers', [paper('p5', { seed: 'x' })])).toThrow(/cannot store/);
    expect(
      explain(
        db,
        'SELECT id FROM papers WHERE standard_id = ? AND level = ? ORDER BY seq DESC LIMIT 3',
        's',
        3,
      ),
    ).toMatch(/papers_standard_level/);
  });
});
