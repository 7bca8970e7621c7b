import { bigramDocument } from '../../search/bigram-tokens';
import { all, run, sql, type WritableDb } from '../sql';

/**
 * Full-text search over the normalized text of each item's CURRENT version:
 * - `item_search`: FTS5 trigram index over `item_texts.search_text` (external content, kept in
 *   sync by triggers) — serves queries of three or more characters, any substring;
 * - `item_bigrams`: contentless FTS5 over bigram tokens (see search/bigram-tokens.ts),
 *   written by the item repository — serves one- and two-character queries.
 */
export function migrate0030(db: WritableDb): void {
  db.exec(`
    CREATE VIRTUAL TABLE item_search USING fts5(
      search_text, content = 'item_texts', content_rowid = 'seq', tokenize = 'trigram'
    );
    CREATE TRIGGER items_search_insert AFTER INSERT ON item_texts BEGIN
      INSERT INTO item_search (rowid, search_text) VALUES (NEW.seq, NEW.search_text);
    END;
    CREATE TRIGGER items_search_delete AFTER DELETE ON item_texts BEGIN
      INSERT INTO item_search (item_search, rowid, search_text)
        VALUES ('delete', OLD.seq, OLD.search_text);
    END;
    CREATE TRIGGER items_search_update AFTER UPDATE OF search_text ON item_texts BEGIN
      INSERT INTO item_search (item_search, rowid, search_text)
        VALUES ('delete', OLD.seq, OLD.search_text);
      INSERT INTO item_search (rowid, search_text) VALUES (NEW.seq, NEW.search_text);
    END;
    CREATE VIRTUAL TABLE item_bigrams USING fts5(
      grams, content = '', contentless_delete = 1, tokenize = 'ascii'
    );
    INSERT INTO item_search (item_search) VALUES ('rebuild');
  `);
  const rows = all<{
    seq: number;
    search_text: string;
    type: string;
    level: number;
    status: string;
    difficulty: number;
    standardId: string;
    rangePath: string;
    pointId: string;
  }>(
    db,
    sql`SELECT t.seq, t.search_text, i.type, i.level, i.status, i.difficulty,
          p.standard_id AS standardId, p.range_path AS rangePath, p.id AS pointId
        FROM item_texts t JOIN items i ON i.seq = t.seq JOIN points p ON p.id = i.point_id`,
  );
  for (const row of rows) {
    const grams = bigramDocument(row.search_text, row);
    run(db, sql`INSERT INTO item_bigrams (rowid, grams) VALUES (${row.seq}, ${grams})`);
  }
}
