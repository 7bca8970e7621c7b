import { itemCostFunction } from './lp-model';
import type { EligibleItem, ResolvedBlueprint } from './requirements';

/*
 * Exact pool reduction before the solve. Items of one class (same type and 鉴定点 — hence the
 * same range and importance — same difficulty band, and the same p when p enters a constraint,
 * no enemy group) are interchangeable except for their cost. A paper holds at most k of a class
 * (k = maxItemsPerPoint), and the earlier f−1 forms hold at most k(f−1), so keeping the k·f
 * cheapest items of every class keeps an optimal solution of form f: any other member can be
 * swapped for a kept, unused, no more expensive one without breaking a constraint.
 * Not valid when the point cap is left out, so the diagnosis of that family uses the full pool.
 */

export interface ReductionOptions {
  readonly seed: number;
  /** 1-based number of the form being solved. */
  readonly formNumber: number;
  /** Whether the exact p of an item enters a constraint (mean-p target, form balance). */
  readonly exactP: boolean;
}

export function reducePool(resolved: ResolvedBlueprint, options: ReductionOptions): EligibleItem[] {
  const keep = resolved.requirements.maxItemsPerPoint * options.formNumber;
  const inBlueprintGroup = new Set(resolved.requirements.enemyGroups.flat());
  const costOf = itemCostFunction(resolved, options.seed);
  const classes = new Map<string, { item: EligibleItem; cost: number }[]>();
  const singles: EligibleItem[] = [];
  for (const item of resolved.eligible) {
    if (item.enemyGroup !== undefined || inBlueprintGroup.has(item.itemId)) {
      singles.push(item);
      continue;
    }
    const key = `${item.type}|${item.pointId}|${item.band}|${options.exactP ? item.p : ''}`;
    const members = classes.get(key) ?? [];
    members.push({ item, cost: costOf(item) });
    classes.set(key, members);
  }
  const kept = [...singles];
  for (const members of classes.values()) {
    if (members.length > keep) {
      members.sort((a, b) => a.cost - b.cost || (a.item.itemId < b.item.itemId ? -1 : 1));
    }
    for (const member of members.slice(0, keep)) kept.push(member.item);
  }
  // Keep the bank's order so the model (and the seeded result) does not depend on map order.
  const keptIds = new Set(kept.map((item) => item.itemId));
  return resolved.eligible.filter((item) => keptIds.has(item.itemId));
}
