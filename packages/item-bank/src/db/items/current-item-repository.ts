import { ItemContentSchema, type Item, type ReviewStatus } from '@skillexam/shared';
import type { ItemStore } from '../../items/item-store';
import { queryAll, queryOne, sql, type WritableDb } from '@skillexam/shared/sql';
import { statsOf } from '../../statistics/item-stats';
import { pooledCurrentStatisticsOf } from '../version-statistics-repository';

interface ItemRow {
  seq: number;
  id: string;
  current_version: number;
  status: ReviewStatus;
  author: string;
  standard_id: string;
  point_id: string;
  created_at: string;
  updated_at: string;
  enemy_group: string | null;
  source: string | null;
  content: string;
  sealed: number;
  created_by: string;
}

/** Items as they are now: the item row joined with its current version, and its tags. */
export function currentItemRepository(
  db: WritableDb,
): Pick<ItemStore, 'getItem' | 'getMeta' | 'idsWithStatus'> {
  const itemRow = (id: string) =>
    queryOne<ItemRow>(
      db,
      sql`SELECT i.seq, i.id, i.current_version, i.status, i.author, i.standard_id, i.point_id,
            i.created_at, i.updated_at, i.enemy_group, i.source,
            v.content, v.sealed, v.created_by
          FROM items i JOIN item_versions v ON v.item_id = i.id AND v.version = i.current_version
          WHERE i.id = ${id}`,
    );
  const tagsOf = (id: string) =>
    queryAll<{ tag: string }>(
      db,
      sql`SELECT tag FROM item_tags WHERE item_id = ${id} ORDER BY tag`,
    ).map((row) => row.tag);

  return {
    getItem(id) {
      const row = itemRow(id);
      if (row === undefined) return undefined;
      const content = ItemContentSchema.parse(JSON.parse(row.content));
      const stats = statsOf(pooledCurrentStatisticsOf(db, [id]).get(id));
      const item: Item = {
        ...content,
        id: row.id,
        version: row.current_version,
        reviewStatus: row.status,
        tags: tagsOf(id),
        ...(stats === undefined ? {} : { stats }),
        ...(row.enemy_group === null ? {} : { enemyGroup: row.enemy_group }),
        ...(row.source === null ? {} : { source: row.source }),
      };
      return item;
    },
    getMeta(id) {
      const row = itemRow(id);
      return row === undefined
        ? undefined
        : {
            id: row.id,
            version: row.current_version,
            status: row.status,
            author: row.author,
            standardId: row.standard_id,
            pointId: row.point_id,
            versionSealed: row.sealed === 1,
            versionCreatedBy: row.created_by,
            createdAt: row.created_at,
            updatedAt: row.updated_at,
          };
    },
    idsWithStatus(status) {
      return queryAll<{ id: string }>(
        db,
        sql`SELECT id FROM items WHERE status = ${status} ORDER BY seq`,
      ).map((row) => row.id);
    },
  };
}
