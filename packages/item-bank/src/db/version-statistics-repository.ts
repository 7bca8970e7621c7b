import {
  queryAll,
  run,
  sql,
  transaction,
  type ReadableDb,
  type SqlQuery,
  type WritableDb,
} from '@skillexam/shared/sql';
import type {
  Administration,
  PooledStatistics,
  ScoringUsed,
  StatisticsImport,
  StatisticsStore,
} from '../statistics/statistics-store';

/*
 * Statistics per item version and per administration (migration 0060). Pooled figures are
 * n-weighted means over a version's administrations; the two exposure counts come from their
 * own tables: papers pinned from `paper_pins`, candidates seen from the imported files.
 */

interface ImportRow {
  id: number;
  file_sha256: string | null;
  file_name: string;
  exam_id: string | null;
  session_id: string | null;
  administered_on: string | null;
  candidates: number;
  scoring: string;
  imported_by: string;
  imported_at: string;
}

interface PooledRow {
  item_id: string;
  version: number;
  /** JSON `Sums`; null when the version has no administration. */
  sums: string | null;
  pinned: number;
}

function scoringOf(text: string): ScoringUsed | undefined {
  const value = JSON.parse(text) as Partial<ScoringUsed>;
  return value.multipleChoiceScoring === undefined ? undefined : (value as ScoringUsed);
}

function importOf(row: ImportRow): StatisticsImport {
  const scoring = scoringOf(row.scoring);
  return {
    id: row.id,
    ...(row.file_sha256 === null ? {} : { fileSha256: row.file_sha256 }),
    fileName: row.file_name,
    ...(row.exam_id === null ? {} : { examId: row.exam_id }),
    ...(row.session_id === null ? {} : { sessionId: row.session_id }),
    ...(row.administered_on === null ? {} : { administeredOn: row.administered_on }),
    candidates: row.candidates,
    ...(scoring === undefined ? {} : { scoring }),
    importedBy: row.imported_by,
    importedAt: row.imported_at,
  };
}

/**
 * Pooled figures and exposure counts of the item versions `versions` selects (a query returning
 * `item_id, version` rows): one row per selected version. The sums come from one index seek per
 * version (`item_version_statistics_version`), which is as fast for a search page as for the
 * whole bank.
 */
function pooledRows(db: ReadableDb, versions: SqlQuery): PooledRow[] {
  return queryAll<PooledRow>(
    db,
    sql`WITH wanted(item_id, version) AS (${versions})
        SELECT w.item_id, w.version,
          (SELECT json_array(sum(v.n), sum(v.n * v.p), avg(v.p), sum(v.n * v.discrimination),
                  sum(CASE WHEN v.discrimination IS NOT NULL THEN v.n END), count(*),
                  sum(v.candidates_seen))
           FROM item_version_statistics v
           WHERE v.item_id = w.item_id AND v.version = w.version
           HAVING count(*) > 0) AS sums,
          (SELECT count(*) FROM paper_pins pp
           WHERE pp.item_id = w.item_id AND pp.version = w.version) AS pinned
        FROM wanted w`,
  );
}

/** [Σn, Σn·p, mean p, Σn·r, Σn where r is defined, administrations, Σ candidates seen] */
type Sums = [
  number | null,
  number | null,
  number | null,
  number | null,
  number | null,
  number,
  number | null,
];

function pooledOf(row: PooledRow): PooledStatistics {
  // json_array writes REALs with 17 significant digits: the sums round-trip exactly.
  const sums = row.sums === null ? undefined : (JSON.parse(row.sums) as Sums);
  const n = sums?.[0] ?? 0;
  const administrations = sums?.[5] ?? 0;
  const weightedP = sums?.[1] ?? 0;
  const meanP = sums?.[2] ?? undefined;
  const weightedR = sums?.[3] ?? undefined;
  const nWithR = sums?.[4] ?? 0;
  // n-weighted; a version measured only with n = 0 (figures carried over without n) keeps its mean.
  const p = administrations === 0 ? undefined : n > 0 ? weightedP / n : meanP;
  const discrimination = weightedR !== undefined && nWithR > 0 ? weightedR / nWithR : undefined;
  return {
    itemId: row.item_id,
    version: row.version,
    n,
    ...(p === undefined ? {} : { p }),
    ...(discrimination === undefined ? {} : { discrimination }),
    administrations,
    papersPinned: row.pinned,
    candidatesSeen: sums?.[6] ?? 0,
  };
}

/** Pooled statistics of the current version of every item `items` selects (a query of ids). */
export function pooledCurrentStatistics(
  db: ReadableDb,
  items: SqlQuery,
): Map<string, PooledStatistics> {
  const rows = pooledRows(db, sql`SELECT id, current_version FROM items WHERE id IN (${items})`);
  return new Map(rows.map((row) => [row.item_id, pooledOf(row)]));
}

/** Pooled statistics of the current versions of the items with these ids. */
export function pooledCurrentStatisticsOf(
  db: ReadableDb,
  ids: readonly string[],
): Map<string, PooledStatistics> {
  if (ids.length === 0) return new Map();
  return pooledCurrentStatistics(db, sql`SELECT value FROM json_each(${JSON.stringify(ids)})`);
}

export function createVersionStatisticsRepository(db: WritableDb): StatisticsStore {
  return {
    transaction: (fn) => transaction(db, fn),
    findImports({ fileSha256, examId, sessionId }) {
      const sameSession =
        examId === undefined || sessionId === undefined
          ? sql`0`
          : sql`(exam_id = ${examId} AND session_id = ${sessionId})`;
      return queryAll<ImportRow>(
        db,
        sql`SELECT * FROM statistics_imports WHERE file_sha256 = ${fileSha256} OR ${sameSession}
            ORDER BY id`,
      ).map(importOf);
    },
    insertImport(facts, rows, by, at) {
      const result = run(
        db,
        sql`INSERT INTO statistics_imports (file_sha256, file_name, exam_id, session_id,
              administered_on, candidates, scoring, imported_by, imported_at)
            VALUES (${facts.fileSha256}, ${facts.fileName}, ${facts.examId ?? null},
              ${facts.sessionId ?? null}, ${facts.administeredOn ?? null}, ${facts.candidates},
              ${JSON.stringify(facts.scoring)}, ${by}, ${at})`,
      );
      const id = Number(result.lastInsertRowid);
      for (const row of rows) {
        run(
          db,
          sql`INSERT INTO item_version_statistics (import_id, item_id, version, n, p,
                discrimination, candidates_seen, flags)
              VALUES (${id}, ${row.itemId}, ${row.version}, ${row.n}, ${row.p},
                ${row.discrimination ?? null}, ${row.candidatesSeen},
                ${JSON.stringify(row.flags)})`,
        );
      }
      return id;
    },
    deleteImport(id) {
      run(db, sql`DELETE FROM statistics_imports WHERE id = ${id}`);
    },
    pinnedVersions(paperId) {
      const rows = queryAll<{ item_id: string; version: number }>(
        db,
        sql`SELECT item_id, version FROM paper_pins WHERE paper_id = ${paperId}`,
      );
      if (rows.length > 0) return new Map(rows.map((row) => [row.item_id, row.version]));
      const known = queryAll(db, sql`SELECT 1 AS one FROM papers WHERE id = ${paperId}`);
      return known.length === 0 ? undefined : new Map();
    },
    pinnedVersionsOf(itemId) {
      return queryAll<{ version: number }>(
        db,
        sql`SELECT DISTINCT version FROM paper_pins WHERE item_id = ${itemId} ORDER BY version`,
      ).map((row) => row.version);
    },
    history(itemId) {
      return queryAll<{
        import_id: number;
        item_id: string;
        version: number;
        n: number;
        p: number;
        discrimination: number | null;
        candidates_seen: number;
        flags: string;
        file_name: string;
        exam_id: string | null;
        session_id: string | null;
        administered_on: string | null;
        imported_at: string;
      }>(
        db,
        sql`SELECT v.import_id, v.item_id, v.version, v.n, v.p, v.discrimination,
              v.candidates_seen, v.flags, i.file_name, i.exam_id, i.session_id,
              i.administered_on, i.imported_at
            FROM item_version_statistics v JOIN statistics_imports i ON i.id = v.import_id
            WHERE v.item_id = ${itemId}
            ORDER BY coalesce(i.administered_on, i.imported_at), i.id`,
      ).map((row): Administration => ({
        importId: row.import_id,
        itemId: row.item_id,
        version: row.version,
        n: row.n,
        p: row.p,
        ...(row.discrimination === null ? {} : { discrimination: row.discrimination }),
        candidatesSeen: row.candidates_seen,
        flags: JSON.parse(row.flags) as string[],
        fileName: row.file_name,
        ...(row.exam_id === null ? {} : { examId: row.exam_id }),
        ...(row.session_id === null ? {} : { sessionId: row.session_id }),
        ...(row.administered_on === null ? {} : { administeredOn: row.administered_on }),
        importedAt: row.imported_at,
      }));
    },
    pooled(itemId) {
      return pooledRows(
        db,
        sql`SELECT item_id, version FROM item_versions WHERE item_id = ${itemId}`,
      )
        .map(pooledOf)
        .sort((a, b) => a.version - b.version)
        .filter((row) => row.administrations > 0 || row.papersPinned > 0);
    },
  };
}
