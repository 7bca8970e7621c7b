import { CodedError, type ItemStatisticsHistory } from '@skillexam/shared';
import type { ItemStore } from '../items/item-store';
import type { StatisticsStore } from './statistics-store';

/**
 * An item's measured statistics across administrations, version by version (`qbank stats
 * history`, the workbench's 实测统计): pooled figures and exposure per version, and each
 * administration they come from.
 */
export function itemStatisticsHistory(
  deps: { readonly items: ItemStore; readonly statistics: StatisticsStore },
  itemId: string,
): ItemStatisticsHistory {
  const meta = deps.items.getMeta(itemId);
  if (meta === undefined) throw new CodedError('NOT_FOUND', `题库中没有试题 ${itemId}`);
  return {
    itemId,
    currentVersion: meta.version,
    versions: deps.statistics.pooled(itemId),
    administrations: deps.statistics.history(itemId),
  };
}
