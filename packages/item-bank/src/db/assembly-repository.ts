import {
  flattenRanges,
  type AuthoredDifficulty,
  type Importance,
  type ItemType,
  type ReviewStatus,
  type TheoryLevelCode,
} from '@skillexam/shared';
import {
  DEFAULT_MIN_RESPONSES,
  type AssemblySource,
  type AssemblyStore,
  type PoolItem,
} from '../assembly/assembly-pool';
import { PaperRecordSchema } from '../assembly/paper-record';
import type { PaperStore, StoredPaperSummary } from '../assembly/paper-store';
import { standardId } from '../standards/standard-document';
import { pooledCurrentStatistics } from './version-statistics-repository';
import type { StandardStore } from '../standards/standard-store';
import { queryAll, queryOne, run, sql, transaction, type WritableDb } from '@skillexam/shared/sql';

interface PoolRow {
  id: string;
  current_version: number;
  type: ItemType;
  status: ReviewStatus;
  level: number;
  point_id: string;
  point_path: string;
  importance: Importance;
  difficulty: number;
  enemy_group: string | null;
}

interface PaperRow {
  id: string;
  title: string;
  form: string;
  standard_id: string;
  level: number;
  blueprint_id: string;
  blueprint_version: number;
  seed: number;
  recorded_at: string;
  item_count: number;
}

/** The SQLite side of assembly: the pool of a standard, recent papers, and paper records. */
export function createAssemblyRepository(
  db: WritableDb,
  standards: StandardStore,
): AssemblyStore & PaperStore {
  return {
    transaction: (fn) => transaction(db, fn),
    loadSource(
      standard,
      level,
      recentPapers,
      minResponses = DEFAULT_MIN_RESPONSES,
    ): AssemblySource {
      const id = standardId(standard.occupationCode, standard.version);
      const doc = standards.getStandardDocument(id);
      const table = doc?.standard.theoryWeights.find((weights) => weights.level === level);
      const rows = queryAll<PoolRow>(
        db,
        sql`SELECT i.id, i.current_version, i.type, i.status, i.level, i.point_id,
              p.path AS point_path, p.importance, i.difficulty, i.enemy_group
            FROM items i JOIN points p ON p.id = i.point_id
            WHERE i.standard_id = ${id} AND p.pool = 0
            ORDER BY i.seq`,
      );
      // The pooled statistics of the version assembly would pin (the current one), used only
      // when they rest on enough responses; below that the author's difficulty stands.
      const pooled = pooledCurrentStatistics(
        db,
        sql`SELECT i.id FROM items i JOIN points p ON p.id = i.point_id
            WHERE i.standard_id = ${id} AND p.pool = 0`,
      );
      const items = rows.map((row): PoolItem => {
        const stats = pooled.get(row.id);
        return {
          itemId: row.id,
          version: row.current_version,
          type: row.type,
          status: row.status,
          level: row.level as TheoryLevelCode,
          pointId: row.point_id,
          pointPath: row.point_path,
          importance: row.importance,
          difficulty: row.difficulty as AuthoredDifficulty,
          ...(stats?.p !== undefined && stats.n >= minResponses ? { empiricalP: stats.p } : {}),
          ...(row.enemy_group === null ? {} : { enemyGroup: row.enemy_group }),
          papersPinned: stats?.papersPinned ?? 0,
        };
      });
      const recent =
        recentPapers <= 0
          ? []
          : queryAll<{ item_id: string }>(
              db,
              sql`SELECT DISTINCT item_id FROM paper_pins WHERE paper_id IN
                    (SELECT id FROM papers WHERE standard_id = ${id} AND level = ${level}
                     ORDER BY seq DESC LIMIT ${recentPapers})`,
            );
      return {
        standard,
        ...(table === undefined ? {} : { weights: table.weights }),
        rangeNames: Object.fromEntries(
          flattenRanges(doc?.ranges ?? []).map((entry) => [entry.path, entry.range.name]),
        ),
        items,
        recentlyUsed: new Set(recent.map((row) => row.item_id)),
      };
    },
    hasPaper: (id) => queryOne(db, sql`SELECT 1 AS one FROM papers WHERE id = ${id}`) !== undefined,
    insertPaper(record, standard, actor, at) {
      run(
        db,
        sql`INSERT INTO papers (id, standard_id, level, form, title, blueprint_id,
              blueprint_version, blueprint_sha256, seed, record, recorded_by, recorded_at)
            VALUES (${record.paper.id}, ${standard}, ${record.paper.level}, ${record.form},
              ${record.paper.title}, ${record.blueprint.id}, ${record.blueprint.version},
              ${record.blueprint.sha256}, ${record.seed}, ${JSON.stringify(record)}, ${actor}, ${at})`,
      );
    },
    getPaperRecord(id) {
      const row = queryOne<{ record: string }>(db, sql`SELECT record FROM papers WHERE id = ${id}`);
      return row === undefined ? undefined : PaperRecordSchema.parse(JSON.parse(row.record));
    },
    listPapers(): StoredPaperSummary[] {
      return queryAll<PaperRow>(
        db,
        sql`SELECT p.id, p.title, p.form, p.standard_id, p.level, p.blueprint_id,
              p.blueprint_version, p.seed, p.recorded_at,
              (SELECT count(*) FROM paper_pins pp WHERE pp.paper_id = p.id) AS item_count
            FROM papers p ORDER BY p.seq`,
      ).map((row) => ({
        id: row.id,
        title: row.title,
        form: row.form,
        standardId: row.standard_id,
        level: row.level,
        blueprintId: row.blueprint_id,
        blueprintVersion: row.blueprint_version,
        seed: row.seed,
        recordedAt: row.recorded_at,
        itemCount: row.item_count,
      }));
    },
  };
}
