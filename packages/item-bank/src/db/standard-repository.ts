import {
  flattenRanges,
  type AssessmentRange,
  type Importance,
  type TheoryLevelCode,
} from '@skillexam/shared';
import {
  nodeId,
  standardId,
  STANDARD_FILE_FORMAT,
  STANDARD_FILE_VERSION,
  StandardDocumentSchema,
} from '../standards/standard-document';
import type { PointRecord, StandardStore, StandardSummary } from '../standards/standard-store';
import { UNCLASSIFIED_CODE, unclassifiedPointId } from '../standards/unclassified-pool';
import { queryAll, queryOne, run, sql, transaction, type WritableDb } from '@skillexam/shared/sql';

interface StandardRow {
  id: string;
  occupation_code: string;
  occupation_name: string;
  version: string;
  title: string | null;
  document_number: string | null;
  levels: string;
  range_count: number;
  point_count: number;
}
interface PointRow {
  id: string;
  standard_id: string;
  path: string;
  range_path: string;
  code: string;
  name: string;
  importance: Importance;
  levels: string | null;
  pool: number;
}

function toPoint(row: PointRow): PointRecord {
  return {
    id: row.id,
    standardId: row.standard_id,
    path: row.path,
    rangePath: row.range_path,
    code: row.code,
    name: row.name,
    importance: row.importance,
    ...(row.levels === null ? {} : { levels: JSON.parse(row.levels) as TheoryLevelCode[] }),
    ...(row.pool === 1 ? { unclassified: true as const } : {}),
  };
}

const POINT_COLUMNS = sql`id, standard_id, path, range_path, code, name, importance, levels, pool`;

export function createStandardRepository(db: WritableDb): StandardStore {
  const listStandards = (): StandardSummary[] =>
    queryAll<StandardRow>(
      db,
      sql`SELECT s.id, s.occupation_code, o.name AS occupation_name, s.version, s.title,
            s.document_number, s.levels,
            (SELECT count(*) FROM ranges r WHERE r.standard_id = s.id AND r.pool = 0) AS range_count,
            (SELECT count(*) FROM points p WHERE p.standard_id = s.id AND p.pool = 0) AS point_count
          FROM standards s JOIN occupations o ON o.code = s.occupation_code
          ORDER BY s.occupation_code, s.version`,
    ).map((row) => ({
      id: row.id,
      occupationCode: row.occupation_code,
      occupationName: row.occupation_name,
      version: row.version,
      ...(row.title === null ? {} : { title: row.title }),
      ...(row.document_number === null ? {} : { documentNumber: row.document_number }),
      levels: JSON.parse(row.levels) as TheoryLevelCode[],
      rangeCount: row.range_count,
      pointCount: row.point_count,
    }));

  return {
    transaction: (fn) => transaction(db, fn),
    hasStandard: (id) =>
      queryOne(db, sql`SELECT 1 AS one FROM standards WHERE id = ${id}`) !== undefined,
    insertStandard(doc, importedAt) {
      const { occupation, standard } = doc;
      const sid = standardId(standard.occupationCode, standard.version);
      run(
        db,
        sql`INSERT INTO occupations (code, name, edition, sub_trades)
            VALUES (${occupation.code}, ${occupation.name}, ${occupation.edition},
                    ${JSON.stringify(occupation.subTrades)})
            ON CONFLICT (code) DO UPDATE SET name = excluded.name, edition = excluded.edition,
              sub_trades = excluded.sub_trades`,
      );
      run(
        db,
        sql`INSERT INTO standards (id, occupation_code, version, title, document_number, levels, imported_at)
            VALUES (${sid}, ${standard.occupationCode}, ${standard.version}, ${standard.title ?? null},
                    ${standard.documentNumber ?? null}, ${JSON.stringify(standard.levels)}, ${importedAt})`,
      );
      for (const table of standard.theoryWeights) {
        for (const [path, percent] of Object.entries(table.weights)) {
          run(
            db,
            sql`INSERT INTO theory_weights (standard_id, level, range_path, percent)
                VALUES (${sid}, ${table.level}, ${path}, ${percent})`,
          );
        }
      }
      flattenRanges(doc.ranges).forEach(({ path, depth, range }, ordinal) => {
        const parentPath = path.split('-').slice(0, -1).join('-');
        const rangeId = nodeId(sid, path);
        run(
          db,
          sql`INSERT INTO ranges (id, standard_id, parent_id, path, code, name, depth, ordinal)
              VALUES (${rangeId}, ${sid}, ${parentPath === '' ? null : nodeId(sid, parentPath)},
                      ${path}, ${range.code}, ${range.name}, ${depth}, ${ordinal})`,
        );
        for (const [level, percent] of Object.entries(range.weights)) {
          run(
            db,
            sql`INSERT INTO range_weights (range_id, level, percent)
                VALUES (${rangeId}, ${Number(level)}, ${percent})`,
          );
        }
        (range.points ?? []).forEach((point, index) => {
          const pointPath = `${path}-${point.code}`;
          run(
            db,
            sql`INSERT INTO points (id, standard_id, range_id, range_path, code, path, name, importance, levels, ordinal)
                VALUES (${nodeId(sid, pointPath)}, ${sid}, ${rangeId}, ${path}, ${point.code},
                        ${pointPath}, ${point.name}, ${point.importance},
                        ${point.levels === undefined ? null : JSON.stringify(point.levels)}, ${index})`,
          );
        });
      });
      const pool = unclassifiedPointId(sid);
      run(
        db,
        sql`INSERT INTO ranges (id, standard_id, parent_id, path, code, name, depth, ordinal, pool)
            VALUES (${pool}, ${sid}, NULL, ${UNCLASSIFIED_CODE}, ${UNCLASSIFIED_CODE},
                    ${UNCLASSIFIED_CODE}, 1, 1000000, 1)`,
      );
      run(
        db,
        sql`INSERT INTO points (id, standard_id, range_id, range_path, code, path, name, importance, levels, ordinal, pool)
            VALUES (${unclassifiedPointId(sid)}, ${sid}, ${pool}, ${UNCLASSIFIED_CODE},
                    ${UNCLASSIFIED_CODE}, ${UNCLASSIFIED_CODE}, ${UNCLASSIFIED_CODE}, 'Z', NULL, 0, 1)`,
      );
    },
    listStandards,
    getStandardDocument(id) {
      const summary = queryOne<{
        occupation_code: string;
        name: string;
        edition: number;
        sub_trades: string;
        version: string;
        title: string | null;
        document_number: string | null;
        levels: string;
      }>(
        db,
        sql`SELECT s.occupation_code, o.name, o.edition, o.sub_trades, s.version, s.title,
              s.document_number, s.levels
            FROM standards s JOIN occupations o ON o.code = s.occupation_code WHERE s.id = ${id}`,
      );
      if (summary === undefined) return undefined;
      const weights = queryAll<{ level: number; range_path: string; percent: number }>(
        db,
        sql`SELECT level, range_path, percent FROM theory_weights WHERE standard_id = ${id}`,
      );
      const levels = JSON.parse(summary.levels) as TheoryLevelCode[];
      const rangeRows = queryAll<{
        id: string;
        parent_id: string | null;
        code: string;
        name: string;
      }>(
        db,
        sql`SELECT id, parent_id, code, name FROM ranges
            WHERE standard_id = ${id} AND pool = 0 ORDER BY ordinal`,
      );
      const rangeWeights = queryAll<{ range_id: string; level: number; percent: number }>(
        db,
        sql`SELECT w.range_id, w.level, w.percent FROM range_weights w
            JOIN ranges r ON r.id = w.range_id WHERE r.standard_id = ${id}`,
      );
      const points = queryAll<PointRow & { range_id: string }>(
        db,
        sql`SELECT ${POINT_COLUMNS}, range_id FROM points
            WHERE standard_id = ${id} AND pool = 0 ORDER BY ordinal`,
      );
      const nodes = new Map<string, AssessmentRange>();
      const roots: AssessmentRange[] = [];
      for (const row of rangeRows) {
        const node: AssessmentRange = { code: row.code, name: row.name, weights: {} };
        nodes.set(row.id, node);
        const parent = row.parent_id === null ? undefined : nodes.get(row.parent_id);
        if (parent === undefined) roots.push(node);
        else parent.children = [...(parent.children ?? []), node];
      }
      for (const row of rangeWeights) {
        const node = nodes.get(row.range_id);
        if (node !== undefined) node.weights[row.level as TheoryLevelCode] = row.percent;
      }
      for (const row of points) {
        const node = nodes.get(row.range_id);
        const point = toPoint(row);
        if (node === undefined) continue;
        node.points = [
          ...(node.points ?? []),
          {
            code: point.code,
            name: point.name,
            importance: point.importance,
            ...(point.levels === undefined ? {} : { levels: point.levels }),
          },
        ];
      }
      const doc = StandardDocumentSchema.parse({
        format: STANDARD_FILE_FORMAT,
        formatVersion: STANDARD_FILE_VERSION,
        occupation: {
          code: summary.occupation_code,
          name: summary.name,
          edition: summary.edition,
          subTrades: JSON.parse(summary.sub_trades) as unknown,
        },
        standard: {
          occupationCode: summary.occupation_code,
          version: summary.version,
          ...(summary.title === null ? {} : { title: summary.title }),
          ...(summary.document_number === null ? {} : { documentNumber: summary.document_number }),
          levels,
          theoryWeights: levels.flatMap((level) => {
            const entries = weights.filter((w) => w.level === level);
            return entries.length === 0
              ? []
              : [
                  {
                    level,
                    weights: Object.fromEntries(entries.map((w) => [w.range_path, w.percent])),
                  },
                ];
          }),
        },
        ranges: roots,
      });
      return { occupation: doc.occupation, standard: doc.standard, ranges: doc.ranges };
    },
    getPoint(id) {
      const row = queryOne<PointRow>(db, sql`SELECT ${POINT_COLUMNS} FROM points WHERE id = ${id}`);
      return row === undefined ? undefined : toPoint(row);
    },
    findPointsByPath: (path) =>
      queryAll<PointRow>(
        db,
        sql`SELECT ${POINT_COLUMNS} FROM points WHERE path = ${path} AND pool = 0`,
      ).map(toPoint),
    listPoints: (sid) =>
      (sid === undefined
        ? queryAll<PointRow>(
            db,
            sql`SELECT ${POINT_COLUMNS} FROM points WHERE pool = 0 ORDER BY standard_id, path`,
          )
        : queryAll<PointRow>(
            db,
            sql`SELECT ${POINT_COLUMNS} FROM points
                WHERE standard_id = ${sid} AND pool = 0 ORDER BY path`,
          )
      ).map(toPoint),
    unclassifiedPoint(sid) {
      const row = queryOne<PointRow>(
        db,
        sql`SELECT ${POINT_COLUMNS} FROM points WHERE standard_id = ${sid} AND pool = 1`,
      );
      return row === undefined ? undefined : toPoint(row);
    },
  };
}
