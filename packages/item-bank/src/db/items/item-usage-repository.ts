import type { ItemStore } from '../../items/item-store';
import { run, sql, type WritableDb } from '../sql';

/** How items are used: the versions papers pinned, exposure, and measured statistics. */
export function itemUsageRepository(
  db: WritableDb,
): Pick<ItemStore, 'recordStatistics' | 'pinVersion'> {
  return {
    recordStatistics(sample) {
      // Weighted by responses: a new sitting of 30 candidates does not erase one of 3,000.
      run(
        db,
        sql`UPDATE items SET
              stat_p = CASE WHEN stat_p IS NULL OR coalesce(stat_responses, 0) = 0 THEN ${sample.p}
                ELSE (stat_p * stat_responses + ${sample.p} * ${sample.responses})
                  / (stat_responses + ${sample.responses}) END,
              stat_discrimination = CASE
                WHEN ${sample.discrimination ?? null} IS NULL THEN stat_discrimination
                WHEN stat_discrimination IS NULL OR coalesce(stat_responses, 0) = 0
                  THEN ${sample.discrimination ?? null}
                ELSE (stat_discrimination * stat_responses
                  + ${sample.discrimination ?? null} * ${sample.responses})
                  / (stat_responses + ${sample.responses}) END,
              stat_responses = coalesce(stat_responses, 0) + ${sample.responses},
              exposure_count = exposure_count + ${sample.exposureIncrement}
            WHERE id = ${sample.itemId}`,
      );
    },
    pinVersion(paperId, itemId, version, at) {
      run(
        db,
        sql`INSERT INTO paper_pins (paper_id, item_id, version, pinned_at)
            VALUES (${paperId}, ${itemId}, ${version}, ${at})
            ON CONFLICT (paper_id, item_id) DO UPDATE SET version = excluded.version,
              pinned_at = excluded.pinned_at`,
      );
      run(
        db,
        sql`UPDATE items SET exposure_count = (SELECT count(*) FROM paper_pins WHERE item_id = ${itemId})
            WHERE id = ${itemId}`,
      );
    },
  };
}
