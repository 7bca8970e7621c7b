import type { HealthItemRow, HealthStore } from '../health/health-store';
import { createStandardRepository } from './standard-repository';
import { all, sql, type WritableDb } from './sql';

export function createHealthRepository(db: WritableDb): HealthStore {
  const standards = createStandardRepository(db);
  return {
    healthData(standardId) {
      const filter = standardId === undefined ? sql`1 = 1` : sql`i.standard_id = ${standardId}`;
      const items = all<{
        id: string;
        point_id: string;
        type: HealthItemRow['type'];
        status: HealthItemRow['status'];
        difficulty: number;
        stat_p: number | null;
        stat_discrimination: number | null;
        exposure_count: number;
        pinned: number;
        pool: number;
      }>(
        db,
        sql`SELECT i.id, i.point_id, i.type, i.status, i.difficulty, i.stat_p,
              i.stat_discrimination, i.exposure_count,
              EXISTS (SELECT 1 FROM paper_pins pp WHERE pp.item_id = i.id) AS pinned,
              (SELECT p.pool FROM points p WHERE p.id = i.point_id) AS pool
            FROM items i WHERE ${filter} ORDER BY i.seq`,
      ).map((row): HealthItemRow => ({
        id: row.id,
        pointId: row.point_id,
        type: row.type,
        status: row.status,
        difficulty: row.difficulty,
        ...(row.stat_p === null ? {} : { p: row.stat_p }),
        ...(row.stat_discrimination === null ? {} : { discrimination: row.stat_discrimination }),
        exposureCount: row.exposure_count,
        pinned: row.pinned === 1,
        ...(row.pool === 1 ? { unclassified: true } : {}),
      }));
      return { points: standards.listPoints(standardId), items };
    },
  };
}
