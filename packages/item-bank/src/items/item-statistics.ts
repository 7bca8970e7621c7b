import { CodedError } from '@skillexam/shared';
import type { ItemStore, StatisticsSample } from './item-store';

/**
 * Feeds measured statistics (difficulty, discrimination, exposure) back into the bank,
 * all samples in one transaction; an unknown item refuses the whole batch.
 */
export function recordItemStatistics(store: ItemStore, samples: readonly StatisticsSample[]) {
  store.transaction(() => {
    for (const sample of samples) {
      if (store.getMeta(sample.itemId) === undefined) {
        throw new CodedError('NOT_FOUND', `统计结果中的试题 ${sample.itemId} 不在题库中`);
      }
      if (!(sample.p >= 0 && sample.p <= 1) || sample.responses < 0) {
        throw new CodedError('BAD_REQUEST', `试题 ${sample.itemId} 的统计值无效（p=${sample.p}）`);
      }
      store.recordStatistics(sample);
    }
  });
}
