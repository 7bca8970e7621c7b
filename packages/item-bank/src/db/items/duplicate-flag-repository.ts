import type { DuplicateFlag, ItemStore } from '../../items/item-store';
import { queryAll, run, sql, type WritableDb } from '@skillexam/shared/sql';

/** Near-duplicate detection: the texts it compares and the pairs it flagged. */
export function duplicateFlagRepository(
  db: WritableDb,
): Pick<ItemStore, 'pointTexts' | 'replaceDuplicateFlags' | 'listDuplicateFlags'> {
  return {
    pointTexts: (pointId) =>
      queryAll<{ id: string; text: string }>(
        db,
        sql`SELECT i.id, t.similarity_text AS text FROM items i JOIN item_texts t ON t.seq = i.seq
            WHERE i.point_id = ${pointId} AND i.status != 'retired'`,
      ),
    replaceDuplicateFlags(itemId, flags) {
      run(
        db,
        sql`DELETE FROM duplicate_flags WHERE item_id = ${itemId} OR other_item_id = ${itemId}`,
      );
      for (const flag of flags) {
        const [a, b] =
          flag.itemId < flag.otherItemId
            ? [flag.itemId, flag.otherItemId]
            : [flag.otherItemId, flag.itemId];
        run(
          db,
          sql`INSERT OR REPLACE INTO duplicate_flags (item_id, other_item_id, similarity, detected_at)
              VALUES (${a}, ${b}, ${flag.similarity}, ${flag.detectedAt})`,
        );
      }
    },
    listDuplicateFlags: () =>
      queryAll<{ item_id: string; other_item_id: string; similarity: number; detected_at: string }>(
        db,
        sql`SELECT item_id, other_item_id, similarity, detected_at FROM duplicate_flags
            ORDER BY similarity DESC, item_id, other_item_id`,
      ).map((row): DuplicateFlag => ({
        itemId: row.item_id,
        otherItemId: row.other_item_id,
        similarity: row.similarity,
        detectedAt: row.detected_at,
      })),
  };
}
