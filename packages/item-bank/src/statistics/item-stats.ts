import type { ItemStats } from '@skillexam/shared';
import type { PooledStatistics } from './statistics-store';

/** The item's statistics as `Item.stats`: its current version's pooled figures and exposure. */
export function statsOf(pooled: PooledStatistics | undefined): ItemStats | undefined {
  if (pooled === undefined) return undefined;
  if (pooled.administrations === 0 && pooled.papersPinned === 0) return undefined;
  return {
    ...(pooled.p === undefined ? {} : { p: pooled.p }),
    ...(pooled.discrimination === undefined ? {} : { discrimination: pooled.discrimination }),
    ...(pooled.administrations === 0
      ? {}
      : { responseCount: pooled.n, administrations: pooled.administrations }),
    papersPinned: pooled.papersPinned,
    candidatesSeen: pooled.candidatesSeen,
  };
}
