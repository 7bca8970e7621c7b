import type { AnalysisResult, ItemFlagCode, ItemVersionRef } from '@skillexam/shared';

/*
 * What one analysis changes in the bank (docs/decisions/0306, `qbank stats import`): per item version,
 * the empirical difficulty (facility), the discrimination (corrected point-biserial), how many
 * more candidates have now seen it, and the review flags. The CLI applies these in one
 * transaction; combining with earlier sessions (e.g. weighting by sampleSize) is the
 * repository's job.
 */

export interface ItemStatisticsUpdate {
  readonly itemId: string;
  readonly version: number;
  /** p-value of this analysis, in [0, 1]. */
  readonly facility: number;
  /** Corrected point-biserial; absent when undefined (no variance). */
  readonly discrimination?: number;
  /** Candidates who were given the item in this analysis (omits included: they saw it). */
  readonly exposureIncrement: number;
  /** Candidates the facility and discrimination are based on. */
  readonly sampleSize: number;
  readonly flags: readonly ItemFlagCode[];
}

/** The columns of the analysis that name no item version in the map. */
export class UnknownItemColumnsError extends Error {
  constructor(readonly columnIds: readonly string[]) {
    super(
      `分析结果中有 ${columnIds.length} 道题在题库中找不到对应的试题版本：${columnIds.slice(0, 20).join('、')}${columnIds.length > 20 ? ' …' : ''}`,
    );
    this.name = 'UnknownItemColumnsError';
  }
}

/**
 * Maps each analysed column to its item version. `itemVersions` maps a column id (the item id in
 * a session export, or the header of a response file) to the item version it denotes. Every
 * column must be mapped: an unknown column throws UnknownItemColumnsError and yields nothing.
 */
export function toItemStatisticsUpdates(
  result: AnalysisResult,
  itemVersions: ReadonlyMap<string, ItemVersionRef>,
): ItemStatisticsUpdate[] {
  const unknown = result.items
    .filter((item) => !itemVersions.has(item.itemId))
    .map((item) => item.itemId);
  if (unknown.length > 0) throw new UnknownItemColumnsError(unknown);
  return result.items.map((item) => {
    const ref = itemVersions.get(item.itemId);
    return {
      itemId: ref?.itemId ?? item.itemId,
      version: ref?.version ?? 1,
      facility: item.facility,
      ...(item.correctedPointBiserial === undefined
        ? {}
        : { discrimination: item.correctedPointBiserial }),
      exposureIncrement: item.n,
      sampleSize: item.n,
      flags: item.flags.map((flag) => flag.code),
    };
  });
}
