import type { HealthItemRow, HealthStore } from '../health/health-store';
import { createStandardRepository } from './standard-repository';
import { pooledCurrentStatistics } from './version-statistics-repository';
import { queryAll, sql, type WritableDb } from '@skillexam/shared/sql';

export function createHealthRepository(db: WritableDb): HealthStore {
  const standards = createStandardRepository(db);
  return {
    healthData(standardId) {
      const filter = standardId === undefined ? sql`1 = 1` : sql`i.standard_id = ${standardId}`;
      const items = queryAll<{
        id: string;
        point_id: string;
        type: HealthItemRow['type'];
        status: HealthItemRow['status'];
        difficulty: number;
        pinned: number;
        pool: number;
      }>(
        db,
        sql`SELECT i.id, i.point_id, i.type, i.status, i.difficulty,
              EXISTS (SELECT 1 FROM paper_pins pp WHERE pp.item_id = i.id) AS pinned,
              (SELECT p.pool FROM points p WHERE p.id = i.point_id) AS pool
            FROM items i WHERE ${filter} ORDER BY i.seq`,
      );
      const pooled = pooledCurrentStatistics(db, sql`SELECT i.id FROM items i WHERE ${filter}`);
      const rows = items.map((row): HealthItemRow => {
        const stats = pooled.get(row.id);
        return {
          id: row.id,
          pointId: row.point_id,
          type: row.type,
          status: row.status,
          difficulty: row.difficulty,
          ...(stats?.p === undefined ? {} : { p: stats.p }),
          ...(stats?.discrimination === undefined ? {} : { discrimination: stats.discrimination }),
          candidatesSeen: stats?.candidatesSeen ?? 0,
          pinned: row.pinned === 1,
          ...(row.pool === 1 ? { unclassified: true } : {}),
        };
      });
      return { points: standards.listPoints(standardId), items: rows };
    },
  };
}
