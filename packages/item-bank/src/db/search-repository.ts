import { facetToken } from '../search/bigram-tokens';
import { bigramMatch, type TermPlan } from '../search/search-plan';
import type { SearchFilter, SearchHit, SearchPage, SearchStore } from '../search/search-types';
import { pooledCurrentStatisticsOf } from './version-statistics-repository';
import {
  queryAll,
  queryOne,
  sql,
  sqlId,
  sqlJoin,
  type ReadableDb,
  type SqlQuery,
} from '@skillexam/shared/sql';

function termCondition(term: TermPlan): SqlQuery {
  switch (term.kind) {
    case 'trigram':
      return sql`i.seq IN (SELECT rowid FROM item_search WHERE item_search MATCH ${term.match})`;
    case 'bigram':
      return sql`i.seq IN (SELECT rowid FROM item_bigrams WHERE item_bigrams MATCH ${term.match})`;
    case 'like':
      return sql`i.seq IN (SELECT seq FROM item_texts WHERE search_text LIKE ${term.pattern} ESCAPE '\\')`;
  }
}

function filterConditions(filter: SearchFilter): SqlQuery[] {
  const conditions: SqlQuery[] = [];
  if (filter.standardId !== undefined) conditions.push(sql`i.standard_id = ${filter.standardId}`);
  if (filter.rangeId !== undefined) {
    const cut = filter.rangeId.lastIndexOf(':');
    const standardId = filter.rangeId.slice(0, Math.max(cut, 0));
    const path = filter.rangeId.slice(cut + 1);
    conditions.push(
      sql`i.point_id IN (SELECT id FROM points WHERE standard_id = ${standardId}
            AND (range_path = ${path} OR range_path LIKE ${`${path}-%`}))`,
    );
  }
  if (filter.pointId !== undefined) conditions.push(sql`i.point_id = ${filter.pointId}`);
  if (filter.type !== undefined) conditions.push(sql`i.type = ${filter.type}`);
  if (filter.level !== undefined) conditions.push(sql`i.level = ${filter.level}`);
  if (filter.status !== undefined) conditions.push(sql`i.status = ${filter.status}`);
  if (filter.difficulty !== undefined) conditions.push(sql`i.difficulty = ${filter.difficulty}`);
  if (filter.minDifficulty !== undefined) {
    conditions.push(sql`i.difficulty >= ${filter.minDifficulty}`);
  }
  if (filter.maxDifficulty !== undefined) {
    conditions.push(sql`i.difficulty <= ${filter.maxDifficulty}`);
  }
  if (filter.tag !== undefined) {
    conditions.push(sql`i.id IN (SELECT item_id FROM item_tags WHERE tag = ${filter.tag})`);
  }
  return conditions;
}

interface HitRow {
  id: string;
  current_version: number;
  type: SearchHit['type'];
  status: SearchHit['status'];
  level: SearchHit['level'];
  difficulty: number;
  point_id: string;
  point_path: string;
  snippet: string;
}

function selectHits(db: ReadableDb, whereAndOrder: SqlQuery): SearchHit[] {
  return withStatistics(db, hitRows(db, whereAndOrder));
}

/** The page's measured figures (current version, pooled), looked up for the page only. */
function withStatistics(db: ReadableDb, hits: SearchHit[]): SearchHit[] {
  const pooled = pooledCurrentStatisticsOf(
    db,
    hits.map((hit) => hit.id),
  );
  return hits.map((hit) => {
    const stats = pooled.get(hit.id);
    if (stats === undefined || stats.p === undefined) return hit;
    return {
      ...hit,
      p: stats.p,
      ...(stats.discrimination === undefined ? {} : { discrimination: stats.discrimination }),
      responseCount: stats.n,
    };
  });
}

function hitRows(db: ReadableDb, whereAndOrder: SqlQuery): SearchHit[] {
  return queryAll<HitRow>(
    db,
    sql`SELECT i.id, i.current_version, i.type, i.status, i.level, i.difficulty, i.point_id,
          p.path AS point_path, substr(t.search_text, 1, 60) AS snippet
        FROM items i JOIN points p ON p.id = i.point_id JOIN item_texts t ON t.seq = i.seq
        WHERE ${whereAndOrder}`,
  ).map((row): SearchHit => ({
    id: row.id,
    version: row.current_version,
    type: row.type,
    status: row.status,
    level: row.level,
    difficulty: row.difficulty,
    pointId: row.point_id,
    pointPath: row.point_path,
    snippet: row.snippet,
  }));
}

/**
 * The common case — one word, no filters — is answered by the FTS index alone: the count and
 * the page of rowids come straight from it (newest first), and only the page touches `items`.
 */
function singleTermSearch(
  db: ReadableDb,
  term: Extract<TermPlan, { kind: 'trigram' | 'bigram' }>,
  limit: number,
  offset: number,
): SearchPage {
  const table = term.kind === 'trigram' ? 'item_search' : 'item_bigrams';
  return ftsSearch(db, table, term.match, limit, offset);
}

/**
 * Filters that are facets of the bigram index (standard, 鉴定范围 with descendants, 鉴定点, type,
 * level, status, difficulty) together with
 * words of letters and digits become ONE bigram-index query, so FTS intersects posting lists.
 * Undefined when another filter or a word with punctuation needs the general path.
 */
function facetOnlyMatch(terms: readonly TermPlan[], filter: SearchFilter): string | undefined {
  if (filter.tag !== undefined) return undefined;
  const facets: string[] = [];
  for (const scope of [filter.standardId, filter.rangeId, filter.pointId]) {
    if (scope !== undefined) facets.push(`"${facetToken.scope(scope)}"`);
  }
  if (filter.type !== undefined) facets.push(`"${facetToken.type(filter.type)}"`);
  if (filter.level !== undefined) facets.push(`"${facetToken.level(filter.level)}"`);
  if (filter.status !== undefined) facets.push(`"${facetToken.status(filter.status)}"`);
  if (
    filter.difficulty !== undefined ||
    filter.minDifficulty !== undefined ||
    filter.maxDifficulty !== undefined
  ) {
    const allowed = [1, 2, 3, 4, 5].filter(
      (d) =>
        (filter.difficulty === undefined || d === filter.difficulty) &&
        (filter.minDifficulty === undefined || d >= filter.minDifficulty) &&
        (filter.maxDifficulty === undefined || d <= filter.maxDifficulty),
    );
    if (allowed.length === 0) return undefined;
    facets.push(`(${allowed.map((d) => `"${facetToken.difficulty(d)}"`).join(' OR ')})`);
  }
  if (facets.length === 0) return undefined;
  const words: string[] = [];
  for (const term of terms) {
    const match =
      term.kind === 'bigram'
        ? term.match
        : term.kind === 'trigram'
          ? bigramMatch(term.text)
          : undefined;
    if (match === undefined) return undefined;
    words.push(match);
  }
  return [...words, ...facets].join(' AND ');
}

/** Count and one page straight from an FTS table, newest first; only the page reads `items`. */
function ftsSearch(
  db: ReadableDb,
  tableName: 'item_search' | 'item_bigrams',
  match: string,
  limit: number,
  offset: number,
): SearchPage {
  const table = sqlId(tableName);
  const total =
    queryOne<{ total: number }>(
      db,
      sql`SELECT count(*) AS total FROM ${table} WHERE ${table} MATCH ${match}`,
    )?.total ?? 0;
  const hits = selectHits(
    db,
    sql`i.seq IN (SELECT rowid FROM ${table} WHERE ${table} MATCH ${match}
          ORDER BY rowid DESC LIMIT ${limit} OFFSET ${offset})
        ORDER BY i.seq DESC`,
  );
  return { total, limit, offset, hits };
}

export function createSearchRepository(db: ReadableDb): SearchStore {
  return {
    search(terms, filter, limit, offset) {
      const facetMatch = facetOnlyMatch(terms, filter);
      if (facetMatch !== undefined) return ftsSearch(db, 'item_bigrams', facetMatch, limit, offset);
      const filters = filterConditions(filter);
      const [only] = terms;
      if (
        terms.length === 1 &&
        filters.length === 0 &&
        only !== undefined &&
        only.kind !== 'like'
      ) {
        return singleTermSearch(db, only, limit, offset);
      }
      const conditions = [...terms.map(termCondition), ...filters];
      const where = conditions.length === 0 ? sql`1 = 1` : sqlJoin(conditions, ' AND ');
      const total =
        queryOne<{ total: number }>(db, sql`SELECT count(*) AS total FROM items i WHERE ${where}`)
          ?.total ?? 0;
      const hits = selectHits(
        db,
        sql`${where} ORDER BY i.seq DESC LIMIT ${limit} OFFSET ${offset}`,
      );
      return { total, limit, offset, hits };
    },
  };
}
