import { describe, expect, it } from 'vitest';
import { createDb, insertRows, migrateTo, readRows } from '../../../test/support/db-helpers';

function seed(db: ReturnType<typeof createDb>) {
  insertRows(db, 'occupations', [{ code: '6-31-01-03', name: '电工', edition: 2015 }]);
  insertRows(db, 'standards', [
    { id: 's', occupation_code: '6-31-01-03', version: '2018', levels: '[4]', imported_at: 't' },
  ]);
  insertRows(db, 'ranges', [
    { id: 's:A', standard_id: 's', path: 'A', code: 'A', name: '基础知识', depth: 1, ordinal: 0 },
  ]);
  insertRows(db, 'points', [
    {
      id: 'p',
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
  const item = (id: string, version: number, stats: Record<string, unknown>) => ({
    id,
    current_version: version,
    status: 'approved',
    type: 'true_false',
    point_id: 'p',
    standard_id: 's',
    level: 4,
    difficulty: 3,
    author: 'a',
    created_at: 't',
    updated_at: 't',
    ...stats,
  });
  insertRows(db, 'items', [
    // Measured before per-version storage: p 0.62 on 120 responses, exposure 121 (1 paper + 120).
    item('i1', 2, {
      stat_p: 0.62,
      stat_discrimination: 0.31,
      stat_responses: 120,
      exposure_count: 121,
    }),
    item('i2', 1, { exposure_count: 1 }),
    // Never pinned, revised to a draft version 2: its figures can only be the current version's.
    item('i3', 2, { stat_p: 0.4, stat_responses: 40, exposure_count: 40 }),
  ]);
  const version = (itemId: string, v: number) => ({
    item_id: itemId,
    version: v,
    content: '{}',
    plain_text: '',
    created_by: 'a',
    created_at: 't',
  });
  insertRows(db, 'item_versions', [
    version('i1', 1),
    version('i1', 2),
    version('i2', 1),
    version('i3', 1),
    version('i3', 2),
  ]);
  insertRows(db, 'paper_pins', [
    { paper_id: 'P1', item_id: 'i1', version: 1, pinned_at: 't' },
    { paper_id: 'P1', item_id: 'i2', version: 1, pinned_at: 't' },
  ]);
}

const SCORING = '{"multipleChoiceScoring":"all_or_nothing","groupFraction":0.27}';

describe('migration 0060 version statistics', () => {
  it('moves the item-row figures into one 升级前的统计 import and drops the mixed columns', () => {
    const db = createDb();
    migrateTo(db, 50);
    seed(db);
    migrateTo(db, 60);
    const imports = readRows(db, 'statistics_imports');
    expect(imports).toHaveLength(1);
    expect(imports[0]).toMatchObject({
      file_name: '升级前的统计',
      file_sha256: null,
      candidates: 120,
    });
    // i1 was pinned by P1 at version 1 and then revised: the candidates saw version 1.
    expect(readRows(db, 'item_version_statistics')).toEqual([
      {
        import_id: imports[0]?.id,
        item_id: 'i1',
        version: 1,
        n: 120,
        p: 0.62,
        discrimination: 0.31,
        candidates_seen: 120,
        flags: '[]',
      },
      {
        import_id: imports[0]?.id,
        item_id: 'i3',
        version: 2,
        n: 40,
        p: 0.4,
        discrimination: null,
        candidates_seen: 40,
        flags: '[]',
      },
    ]);
    // The measured versions are sealed: an edit of i3 makes version 3, not a rewrite of 2.
    expect(
      readRows(db, 'item_versions')
        .filter((row) => row.item_id === 'i3')
        .map((row) => [row.version, row.sealed]),
    ).toEqual([
      [1, 0],
      [2, 1],
    ]);
    const columns = (db.prepare('PRAGMA table_info(items)').all() as { name: string }[]).map(
      (column) => column.name,
    );
    for (const gone of ['stat_p', 'stat_discrimination', 'stat_responses', 'exposure_count'])
      expect(columns).not.toContain(gone);
    // Papers per version stay countable from the pins.
    expect(readRows(db, 'paper_pins')).toHaveLength(2);
  });

  it('creates no import for a bank without measured figures', () => {
    const db = createDb();
    migrateTo(db, 60);
    expect(readRows(db, 'statistics_imports')).toEqual([]);
  });

  it('refuses a file twice, a session twice, a p outside [0, 1] and an unknown version', () => {
    const db = createDb();
    migrateTo(db, 50);
    seed(db);
    migrateTo(db, 60);
    const file = (id: number, sha: string, session: string | null) => ({
      id,
      file_sha256: sha.repeat(64),
      file_name: 'r.csv',
      exam_id: 'P1',
      session_id: session,
      candidates: 30,
      scoring: SCORING,
      imported_by: 'admin',
      imported_at: 't',
    });
    insertRows(db, 'statistics_imports', [file(10, 'a', 'S1')]);
    expect(() => insertRows(db, 'statistics_imports', [file(11, 'a', 'S2')])).toThrow(/UNIQUE/);
    expect(() => insertRows(db, 'statistics_imports', [file(12, 'b', 'S1')])).toThrow(/UNIQUE/);
    insertRows(db, 'statistics_imports', [file(13, 'c', null), file(14, 'd', null)]);
    const row = (version: number, p: number) => ({
      import_id: 10,
      item_id: 'i1',
      version,
      n: 30,
      p,
      candidates_seen: 30,
    });
    expect(() => insertRows(db, 'item_version_statistics', [row(1, 1.2)])).toThrow(/CHECK/);
    expect(() => insertRows(db, 'item_version_statistics', [row(9, 0.5)])).toThrow(/FOREIGN KEY/);
    insertRows(db, 'item_version_statistics', [row(1, 0.5)]);
    db.prepare('DELETE FROM statistics_imports WHERE id = 10').run();
    expect(readRows(db, 'item_version_statistics').filter((r) => r.import_id === 10)).toEqual([]);
  });
});
