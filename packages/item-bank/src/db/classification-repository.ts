import type { ClassificationStore } from '../classification/classification-store';
import { queryAll, queryOne, sql, type ReadableDb } from '@skillexam/shared/sql';

export function createClassificationRepository(db: ReadableDb): ClassificationStore {
  return {
    poolItemIds(poolPointId, offset, limit) {
      const total =
        queryOne<{ n: number }>(
          db,
          sql`SELECT count(*) AS n FROM items
              WHERE point_id = ${poolPointId} AND status != 'retired'`,
        )?.n ?? 0;
      const ids = queryAll<{ id: string }>(
        db,
        sql`SELECT id FROM items WHERE point_id = ${poolPointId} AND status != 'retired'
            ORDER BY seq LIMIT ${limit} OFFSET ${offset}`,
      ).map((row) => row.id);
      return { total, ids };
    },
  };
}
