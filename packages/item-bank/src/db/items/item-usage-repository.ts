import type { ItemStore } from '../../items/item-store';
import { run, sql, type WritableDb } from '@skillexam/shared/sql';

/**
 * Which papers pinned which item versions. The pins are the only record of papers per version;
 * measured statistics and candidates seen live per administration (version-statistics-repository).
 */
export function itemUsageRepository(db: WritableDb): Pick<ItemStore, 'pinVersion'> {
  return {
    pinVersion(paperId, itemId, version, at) {
      run(
        db,
        sql`INSERT INTO paper_pins (paper_id, item_id, version, pinned_at)
            VALUES (${paperId}, ${itemId}, ${version}, ${at})
            ON CONFLICT (paper_id, item_id) DO UPDATE SET version = excluded.version,
              pinned_at = excluded.pinned_at`,
      );
    },
  };
}
