import { ItemContentSchema, type ItemVersion, type ReviewStatus } from '@skillexam/shared';
import type { ItemStore, ReviewEvent } from '../../items/item-store';
import { queryAll, queryOne, run, sql, type WritableDb } from '@skillexam/shared/sql';

interface VersionRow {
  item_id: string;
  version: number;
  content: string;
  created_by: string;
  created_at: string;
  note: string | null;
}

function toVersion(row: VersionRow): ItemVersion {
  return {
    itemId: row.item_id,
    version: row.version,
    content: ItemContentSchema.parse(JSON.parse(row.content)),
    createdBy: row.created_by,
    createdAt: row.created_at,
    ...(row.note === null ? {} : { note: row.note }),
  };
}

/** An item's history: every version, and the review events between them. */
export function itemHistoryRepository(
  db: WritableDb,
): Pick<ItemStore, 'addReviewEvent' | 'listReviewEvents' | 'listVersions' | 'getVersion'> {
  return {
    addReviewEvent(event: ReviewEvent) {
      run(
        db,
        sql`INSERT INTO review_events (item_id, version, from_status, to_status, actor, at, comment)
            VALUES (${event.itemId}, ${event.version}, ${event.from ?? null}, ${event.to},
                    ${event.actor}, ${event.at}, ${event.comment ?? null})`,
      );
    },
    listReviewEvents(id) {
      return queryAll<{
        version: number;
        from_status: ReviewStatus | null;
        to_status: ReviewStatus;
        actor: string;
        at: string;
        comment: string | null;
      }>(
        db,
        sql`SELECT version, from_status, to_status, actor, at, comment
            FROM review_events WHERE item_id = ${id} ORDER BY id`,
      ).map((row) => ({
        itemId: id,
        version: row.version,
        ...(row.from_status === null ? {} : { from: row.from_status }),
        to: row.to_status,
        actor: row.actor,
        at: row.at,
        ...(row.comment === null ? {} : { comment: row.comment }),
      }));
    },
    listVersions: (id) =>
      queryAll<VersionRow>(
        db,
        sql`SELECT item_id, version, content, created_by, created_at, note
            FROM item_versions WHERE item_id = ${id} ORDER BY version`,
      ).map(toVersion),
    getVersion(id, version) {
      const row = queryOne<VersionRow>(
        db,
        sql`SELECT item_id, version, content, created_by, created_at, note
            FROM item_versions WHERE item_id = ${id} AND version = ${version}`,
      );
      return row === undefined ? undefined : toVersion(row);
    },
  };
}
