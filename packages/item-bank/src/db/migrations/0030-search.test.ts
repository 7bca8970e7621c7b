import { describe, expect, it } from 'vitest';
import { createDb, insertRows, migrateTo } from '../../../test/support/db-helpers';

describe('migration 0030 search', () => {
  it('indexes existing items and keeps the trigram index in sync through triggers', () => {
    const db = createDb();
    migrateTo(db, 20);
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
    const item = (id: string) => ({
      id,
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
    });
    const add = (id: string, seq: number, text: string) => {
      insertRows(db, 'items', [{ ...item(id), seq }]);
      insertRows(db, 'item_texts', [{ seq, search_text: text, similarity_text: text }]);
    };
    add('old', 1, '电缆接地装置的安装');
    migrateTo(db, 30);
    const trigram = (q: string) =>
      db.prepare('SELECT rowid FROM item_search WHERE item_search MATCH ?').all(q).length;
    const bigram = (q: string) =>
      db.prepare('SELECT rowid FROM item_bigrams WHERE item_bigrams MATCH ?').all(q).length;
    expect(trigram('"接地装"')).toBe(1);
    expect(bigram('"接地"')).toBe(1);
    expect(bigram('"装"*')).toBe(1);
    expect(trigram('"接地"')).toBe(0); // why the bigram index exists
    // The facet tokens of the 0030 index format, written by the migration's frozen copy:
    // type true_false = 0, level 5, status draft = 0, difficulty 3, scopes s / s:A / p in hex.
    for (const facet of ['§t0', '§l5', '§s0', '§d3', '§n73', '§n733a41', '§n70']) {
      expect(bigram(`"${facet}"`), facet).toBe(1);
    }
    expect(bigram('"§t1"')).toBe(0);
    add('new', 2, '变压器的运行');
    expect(trigram('"变压器"')).toBe(1);
    db.prepare("UPDATE item_texts SET search_text = '绝缘电阻测量' WHERE seq = 2").run();
    expect(trigram('"变压器"')).toBe(0);
    expect(trigram('"绝缘电"')).toBe(1);
  });
});
