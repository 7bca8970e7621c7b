import { queryAll, run, sql, type WritableDb } from '@skillexam/shared/sql';

/**
 * Full-text search over the normalized text of each item's CURRENT version:
 * - `item_search`: FTS5 trigram index over `item_texts.search_text` (external content, kept in
 *   sync by triggers) — serves queries of three or more characters, any substring;
 * - `item_bigrams`: contentless FTS5 over bigram tokens (see search/bigram-tokens.ts),
 *   written by the item repository — serves one- and two-character queries.
 *
 * The existing items' bigram documents are built by a FROZEN copy of the index format as it was
 * when this migration was written (below), not by the live `bigramDocument`: a later change to
 * the live index format must come with its own migration and must not change what this one
 * wrote (docs/decisions/0800-migrations-import-no-live-code.md).
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
  const rows = queryAll<{
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
    const grams = bigramDocument0030(row.search_text, row);
    run(db, sql`INSERT INTO item_bigrams (rowid, grams) VALUES (${row.seq}, ${grams})`);
  }
}

// ---- Frozen copy of search/bigram-tokens.ts and search/normalize-text.ts `wordRuns` ----------

interface Facets0030 {
  readonly type: string;
  readonly level: number;
  readonly status: string;
  readonly difficulty: number;
  readonly standardId: string;
  readonly rangePath: string;
  readonly pointId: string;
}

const FACET_MARK = '§';
const FACET_TYPES = [
  'true_false',
  'single_choice',
  'multiple_choice',
  'fill_blank',
  'short_answer',
];
const FACET_STATUSES = ['draft', 'in_review', 'approved', 'rejected', 'retired'];

/** "电缆接地" → "电缆 缆接 接地 地"; the last character of every word run also stands alone. */
function bigramTokens0030(normalized: string): string {
  const tokens: string[] = [];
  for (const run of normalized.match(/[\p{L}\p{N}]+/gu) ?? []) {
    const chars = Array.from(run);
    for (let index = 0; index < chars.length - 1; index += 1) {
      tokens.push(`${chars[index] ?? ''}${chars[index + 1] ?? ''}`);
    }
    const last = chars.at(-1);
    if (last !== undefined) tokens.push(last);
  }
  return tokens.join(' ');
}

function hex0030(value: string): string {
  return Array.from(new TextEncoder().encode(value), (byte) =>
    byte.toString(16).padStart(2, '0'),
  ).join('');
}

/** The standard, every enclosing 鉴定范围 and the point, each as a hex-encoded scope token. */
function scopeTokens0030(facets: Facets0030): string[] {
  const segments = facets.rangePath.split('-');
  const ids = [
    facets.standardId,
    ...segments.map((_, index) => `${facets.standardId}:${segments.slice(0, index + 1).join('-')}`),
    facets.pointId,
  ];
  return ids.map((id) => `${FACET_MARK}n${hex0030(id)}`);
}

/** One item's bigram document: its bigrams, then its type, level, status, difficulty and scope facets. */
function bigramDocument0030(normalized: string, facets: Facets0030): string {
  return [
    bigramTokens0030(normalized),
    `${FACET_MARK}t${FACET_TYPES.indexOf(facets.type)}`,
    `${FACET_MARK}l${facets.level}`,
    `${FACET_MARK}s${FACET_STATUSES.indexOf(facets.status)}`,
    `${FACET_MARK}d${facets.difficulty}`,
    ...scopeTokens0030(facets),
  ].join(' ');
}
