import { blueprintItemCount, type Blueprint, type ItemType } from '@skillexam/shared';
import type { AssemblySource, PoolItem } from './assembly-pool';
import { bandOfP, effectiveP, type DifficultyBand } from './difficulty-bands';
import { allocateByLargestRemainder } from './range-allocation';

/*
 * The blueprint resolved against a bank: which items may be used at all, and every
 * requirement as integer bounds on item counts (or on the sum of p for a mean-p target).
 * Both the supply diagnosis and the MIP model read this; the independent checker does not.
 */

export interface EligibleItem extends PoolItem {
  readonly rangePath: string;
  readonly p: number;
  readonly band: DifficultyBand;
}

export type ExclusionReason = 'recently_used' | 'over_exposed';

export interface Bounds {
  readonly min: number;
  readonly max: number;
}

export interface RangeRequirement extends Bounds {
  readonly path: string;
  readonly name: string;
  readonly weight: number;
  readonly quota: number;
  /** Only with `bySection`: the section's type. */
  readonly itemType?: ItemType;
}

export type DifficultyRequirement =
  | {
      readonly kind: 'mix';
      readonly bands: readonly (Bounds & { band: DifficultyBand; target: number })[];
    }
  | {
      readonly kind: 'meanP';
      readonly target: number;
      readonly minSum: number;
      readonly maxSum: number;
    };

export interface Requirements {
  readonly itemCount: number;
  readonly sections: readonly { readonly itemType: ItemType; readonly count: number }[];
  readonly ranges: readonly RangeRequirement[];
  readonly importance: readonly (Bounds & { importance: 'X' | 'Y' | 'Z' })[];
  readonly difficulty?: DifficultyRequirement;
  readonly maxItemsPerPoint: number;
  /** Enemy groups (bank and blueprint) with at least two eligible members, by item id. */
  readonly enemyGroups: readonly (readonly string[])[];
}

export interface ResolvedBlueprint {
  readonly blueprint: Blueprint;
  readonly eligible: readonly EligibleItem[];
  /** Approved items of the right level, type and range left out by exposure limits. */
  readonly excluded: readonly (EligibleItem & { reason: ExclusionReason })[];
  readonly requirements: Requirements;
  /** Problems in the blueprint itself against this bank (no solve is attempted). */
  readonly configProblems: readonly string[];
}

/** One shape for every eligible item (a spread of mixed-shape pool items is slow at 20k). */
function eligibleItem(item: PoolItem, rangePath: string, p: number): EligibleItem {
  return {
    itemId: item.itemId,
    version: item.version,
    type: item.type,
    status: item.status,
    level: item.level,
    pointId: item.pointId,
    pointPath: item.pointPath,
    importance: item.importance,
    difficulty: item.difficulty,
    ...(item.empiricalP === undefined ? {} : { empiricalP: item.empiricalP }),
    ...(item.enemyGroup === undefined ? {} : { enemyGroup: item.enemyGroup }),
    papersPinned: item.papersPinned,
    rangePath,
    p,
    band: bandOfP(p),
  };
}

/** The weight-table range an item's 鉴定点 belongs to (longest matching path prefix). */
export function rangeOfPoint(pointPath: string, rangePaths: readonly string[]): string | undefined {
  let best: string | undefined;
  for (const path of rangePaths) {
    if (pointPath.startsWith(`${path}-`) && (best === undefined || path.length > best.length)) {
      best = path;
    }
  }
  return best;
}

const countMin = (share: number, n: number) => Math.max(0, Math.ceil(share * n - 1e-9));
const countMax = (share: number, n: number) => Math.floor(share * n + 1e-9);

function rangeRequirements(
  blueprint: Blueprint,
  weights: readonly { path: string; weight: number }[],
  names: Readonly<Record<string, string>>,
): RangeRequirement[] {
  const overrides = blueprint.rangeAllocation.overrides;
  if (blueprint.rangeAllocation.bySection) {
    return blueprint.sections.flatMap((section) =>
      allocateByLargestRemainder(section.count, weights).map((quota) => ({
        ...quota,
        name: names[quota.path] ?? quota.path,
        itemType: section.itemType,
        min: quota.count,
        max: quota.count,
      })),
    );
  }
  return allocateByLargestRemainder(blueprintItemCount(blueprint), weights).map((quota) => {
    const override = overrides[quota.path];
    return {
      ...quota,
      name: names[quota.path] ?? quota.path,
      min: override?.min ?? quota.count,
      max: override?.max ?? quota.count,
    };
  });
}

function checkConfig(blueprint: Blueprint, source: AssemblySource, ranges: RangeRequirement[]) {
  const problems: string[] = [];
  const n = blueprintItemCount(blueprint);
  if (source.weights === undefined) {
    problems.push(`标准没有等级 ${blueprint.level} 的理论知识权重表，无法按鉴定范围分配题量`);
    return problems;
  }
  for (const path of Object.keys(blueprint.rangeAllocation.overrides)) {
    if (source.weights[path] === undefined) {
      problems.push(
        `rangeAllocation.overrides 中的范围 ${path} 不在等级 ${blueprint.level} 的权重表中`,
      );
    }
  }
  if (
    blueprint.rangeAllocation.bySection &&
    Object.keys(blueprint.rangeAllocation.overrides).length > 0
  ) {
    problems.push('按大题分配（bySection）时不能再设置范围题量 overrides');
  }
  if (!blueprint.rangeAllocation.bySection) {
    const minSum = ranges.reduce((sum, r) => sum + r.min, 0);
    const maxSum = ranges.reduce((sum, r) => sum + r.max, 0);
    if (minSum > n) problems.push(`各鉴定范围的最少题量合计 ${minSum} 道，超过试卷总题量 ${n} 道`);
    if (maxSum < n) problems.push(`各鉴定范围的最多题量合计 ${maxSum} 道，不足试卷总题量 ${n} 道`);
  }
  return problems;
}

/** Resolves a (schema-valid) blueprint against the bank's items and weight table. */
export function resolveBlueprint(blueprint: Blueprint, source: AssemblySource): ResolvedBlueprint {
  const weights = Object.entries(source.weights ?? {})
    .map(([path, weight]) => ({ path, weight }))
    .filter((entry) => entry.weight > 0);
  const rangePaths = weights.map((entry) => entry.path);
  const types = new Set(blueprint.sections.map((section) => section.itemType));
  const eligible: EligibleItem[] = [];
  const excluded: (EligibleItem & { reason: ExclusionReason })[] = [];
  const rangeCache = new Map<string, string | undefined>();
  for (const item of source.items) {
    if (item.status !== 'approved' || item.level !== blueprint.level || !types.has(item.type)) {
      continue;
    }
    let rangePath = rangeCache.get(item.pointPath);
    if (!rangeCache.has(item.pointPath)) {
      rangePath = rangeOfPoint(item.pointPath, rangePaths);
      rangeCache.set(item.pointPath, rangePath);
    }
    if (rangePath === undefined) continue;
    const p = effectiveP(item);
    const resolved = eligibleItem(item, rangePath, p);
    const { maxExposure } = blueprint.exposure;
    if (source.recentlyUsed.has(item.itemId))
      excluded.push({ ...resolved, reason: 'recently_used' });
    else if (maxExposure !== undefined && item.papersPinned >= maxExposure)
      excluded.push({ ...resolved, reason: 'over_exposed' });
    else eligible.push(resolved);
  }

  const n = blueprintItemCount(blueprint);
  const ranges = rangeRequirements(blueprint, weights, source.rangeNames);
  const importance = (['X', 'Y', 'Z'] as const).flatMap((level) => {
    const bounds = blueprint.importance[level];
    if (bounds === undefined) return [];
    return [
      {
        importance: level,
        min: countMin(bounds.minShare ?? 0, n),
        max: countMax(bounds.maxShare ?? 1, n),
      },
    ];
  });
  const spec = blueprint.difficulty;
  let difficulty: DifficultyRequirement | undefined;
  if (spec?.kind === 'mix') {
    difficulty = {
      kind: 'mix',
      bands: (['easy', 'medium', 'hard'] as const).map((band) => ({
        band,
        target: spec[band] * n,
        min: countMin(spec[band] - spec.tolerance, n),
        max: countMax(spec[band] + spec.tolerance, n),
      })),
    };
  } else if (spec?.kind === 'meanP') {
    difficulty = {
      kind: 'meanP',
      target: spec.value,
      minSum: n * (spec.value - spec.tolerance),
      maxSum: n * (spec.value + spec.tolerance),
    };
  }

  const eligibleIds = new Set(eligible.map((item) => item.itemId));
  const bankGroups = new Map<string, string[]>();
  for (const item of eligible) {
    if (item.enemyGroup === undefined) continue;
    const members = bankGroups.get(item.enemyGroup) ?? [];
    members.push(item.itemId);
    bankGroups.set(item.enemyGroup, members);
  }
  const enemyGroups = [
    ...bankGroups.values(),
    ...blueprint.enemyGroups.map((group) =>
      [...new Set(group)].filter((id) => eligibleIds.has(id)),
    ),
  ].filter((group) => group.length >= 2);

  return {
    blueprint,
    eligible,
    excluded,
    requirements: {
      itemCount: n,
      sections: blueprint.sections.map(({ itemType, count }) => ({ itemType, count })),
      ranges,
      importance,
      ...(difficulty === undefined ? {} : { difficulty }),
      maxItemsPerPoint: blueprint.maxItemsPerPoint,
      enemyGroups,
    },
    configProblems: checkConfig(blueprint, source, ranges),
  };
}
