import type { AssemblyProblem } from './assembly-problem';
import { BAND_NAMES } from './difficulty-bands';
import { ITEM_TYPE_NAMES } from './item-type-names';
import type { EligibleItem, ResolvedBlueprint } from './requirements';

/*
 * Infeasibility diagnosis BEFORE solving: counting arguments over the bank's supply. Every
 * check is a necessary condition of the model, so a problem here means no paper exists; the
 * solver (and its own diagnosis) covers combinations these counts cannot see.
 */

type Pick = (item: EligibleItem) => boolean;

export interface SupplyOptions {
  /** Number of parallel forms. */
  readonly forms: number;
  /** Most items two forms may share. */
  readonly maxOverlapItems: number;
}

/**
 * Eligible items grouped into cells of the same type, 鉴定点 and band: every check's predicate
 * depends only on those (and on range and importance, which the 鉴定点 fixes), so a check visits
 * a few thousand cells instead of every item.
 */
interface SupplyCell {
  readonly sample: EligibleItem;
  readonly point: number;
  count: number;
  ungrouped: number;
  readonly groups: number[];
}

const cellCache = new WeakMap<ResolvedBlueprint, readonly SupplyCell[]>();

function supplyCells(resolved: ResolvedBlueprint): readonly SupplyCell[] {
  const cached = cellCache.get(resolved);
  if (cached !== undefined) return cached;
  const groupsOf = new Map<string, number[]>();
  resolved.requirements.enemyGroups.forEach((group, groupIndex) => {
    for (const id of group) groupsOf.set(id, [...(groupsOf.get(id) ?? []), groupIndex]);
  });
  const pointNumbers = new Map<string, number>();
  const cells = new Map<string, SupplyCell>();
  for (const item of resolved.eligible) {
    let point = pointNumbers.get(item.pointId);
    if (point === undefined) {
      point = pointNumbers.size;
      pointNumbers.set(item.pointId, point);
    }
    const key = `${item.type}|${point}|${item.band}`;
    let cell = cells.get(key);
    if (cell === undefined) {
      cell = { sample: item, point, count: 0, ungrouped: 0, groups: [] };
      cells.set(key, cell);
    }
    cell.count += 1;
    const groups = groupsOf.get(item.itemId);
    if (groups === undefined) cell.ungrouped += 1;
    else cell.groups.push(...groups);
  }
  const list = [...cells.values()];
  cellCache.set(resolved, list);
  return list;
}

/**
 * How many eligible items `pick` selects, and an upper bound on how many of them one paper can
 * hold: at most k per 鉴定点, and at most one per enemy group. `pick` may look only at an
 * item's type, 鉴定点, range, importance and band.
 */
export function supplyOf(
  resolved: ResolvedBlueprint,
  pick: Pick,
): { readonly raw: number; readonly available: number } {
  const k = resolved.requirements.maxItemsPerPoint;
  const perPoint = new Map<number, number>();
  const touched = new Set<number>();
  let raw = 0;
  let ungrouped = 0;
  for (const cell of supplyCells(resolved)) {
    if (!pick(cell.sample)) continue;
    raw += cell.count;
    ungrouped += cell.ungrouped;
    perPoint.set(cell.point, (perPoint.get(cell.point) ?? 0) + cell.count);
    for (const group of cell.groups) touched.add(group);
  }
  let pointCapped = 0;
  for (const count of perPoint.values()) pointCapped += Math.min(count, k);
  return { raw, available: Math.min(pointCapped, ungrouped + touched.size) };
}

function excludedNote(resolved: ResolvedBlueprint, pick: Pick): string {
  const excluded = resolved.excluded.filter(pick);
  if (excluded.length === 0) return '';
  const recent = excluded.filter((item) => item.reason === 'recently_used').length;
  const exposed = excluded.length - recent;
  const parts = [
    recent > 0 ? `${recent} 道在最近的试卷中用过` : '',
    exposed > 0 ? `${exposed} 道曝光次数已达上限` : '',
  ].filter((part) => part !== '');
  return `（另有 ${parts.join('、')}，已按曝光限制排除）`;
}

function shortage(
  resolved: ResolvedBlueprint,
  family: AssemblyProblem['family'],
  need: number,
  pick: Pick,
  describe: (available: number, raw: number) => string,
): AssemblyProblem[] {
  if (need <= 0) return [];
  const { raw, available } = supplyOf(resolved, pick);
  if (available >= need) return [];
  return [
    {
      family,
      required: need,
      available,
      message: describe(available, raw) + excludedNote(resolved, pick),
    },
  ];
}

function capNote(available: number, raw: number): string {
  return available < raw ? `，受“每个鉴定点/互斥组”限制最多可选 ${available} 道` : '';
}

export function diagnoseSupply(
  resolved: ResolvedBlueprint,
  options: SupplyOptions,
): AssemblyProblem[] {
  const problems: AssemblyProblem[] = resolved.configProblems.map((message) => ({
    family: 'config',
    message,
  }));
  if (problems.length > 0) return problems;
  const { requirements } = resolved;
  const n = requirements.itemCount;

  for (const section of requirements.sections) {
    const name = ITEM_TYPE_NAMES[section.itemType];
    problems.push(
      ...shortage(
        resolved,
        'sections',
        section.count,
        (i) => i.type === section.itemType,
        (a, raw) =>
          `需要 ${section.count} 道${name}，题库中仅有 ${raw} 道符合条件的已审核${name}${capNote(a, raw)}`,
      ),
    );
  }
  for (const range of requirements.ranges) {
    const type = range.itemType;
    const typeName = type === undefined ? '题' : ITEM_TYPE_NAMES[type];
    const inRange: Pick = (i) =>
      i.rangePath === range.path && (type === undefined || i.type === type);
    problems.push(
      ...shortage(
        resolved,
        'ranges',
        range.min,
        inRange,
        (a, raw) =>
          `范围 ${range.path}（${range.name}）需要 ${range.min} 道${typeName}，题库中仅有 ${raw} 道已审核${typeName}${capNote(a, raw)}`,
      ),
    );
    if (type === undefined) {
      problems.push(
        ...shortage(
          resolved,
          'ranges',
          n - range.max,
          (i) => i.rangePath !== range.path,
          (a) =>
            `范围 ${range.path}（${range.name}）最多 ${range.max} 道，其余范围需提供 ${n - range.max} 道，但只能提供 ${a} 道`,
        ),
      );
    }
  }
  for (const share of requirements.importance) {
    const level = share.importance;
    problems.push(
      ...shortage(
        resolved,
        'importance',
        share.min,
        (i) => i.importance === level,
        (a, raw) =>
          `需要至少 ${share.min} 道 ${level} 类（${level === 'X' ? '核心' : level === 'Y' ? '一般' : '辅助'}）鉴定点的题，题库中仅有 ${raw} 道${capNote(a, raw)}`,
      ),
      ...shortage(
        resolved,
        'importance',
        n - share.max,
        (i) => i.importance !== level,
        (a) =>
          `${level} 类题最多 ${share.max} 道，其余需 ${n - share.max} 道非 ${level} 类题，但只能提供 ${a} 道`,
      ),
    );
  }
  const difficulty = requirements.difficulty;
  if (difficulty?.kind === 'mix') {
    for (const band of difficulty.bands) {
      const name = BAND_NAMES[band.band];
      problems.push(
        ...shortage(
          resolved,
          'difficulty',
          band.min,
          (i) => i.band === band.band,
          (a, raw) => `需要至少 ${band.min} 道“${name}”题，题库中仅有 ${raw} 道${capNote(a, raw)}`,
        ),
        ...shortage(
          resolved,
          'difficulty',
          n - band.max,
          (i) => i.band !== band.band,
          (a) =>
            `“${name}”题最多 ${band.max} 道，其余需 ${n - band.max} 道其他难度的题，但只能提供 ${a} 道`,
        ),
      );
    }
  } else if (difficulty?.kind === 'meanP') {
    let highest = 0;
    let lowest = 0;
    for (const section of requirements.sections) {
      const ps = resolved.eligible
        .filter((i) => i.type === section.itemType)
        .map((i) => i.p)
        .sort((a, b) => a - b);
      highest += ps.slice(-section.count).reduce((sum, p) => sum + p, 0);
      lowest += ps.slice(0, section.count).reduce((sum, p) => sum + p, 0);
    }
    const fmt = (value: number) => (value / n).toFixed(3);
    if (highest < difficulty.minSum - 1e-9) {
      problems.push({
        family: 'difficulty',
        message: `平均难度 p 需要不低于 ${fmt(difficulty.minSum)}，题库中最容易的题组成的试卷也只有 ${fmt(highest)}`,
      });
    }
    if (lowest > difficulty.maxSum + 1e-9) {
      problems.push({
        family: 'difficulty',
        message: `平均难度 p 需要不高于 ${fmt(difficulty.maxSum)}，题库中最难的题组成的试卷也有 ${fmt(lowest)}`,
      });
    }
  }
  if (options.forms > 1) {
    const pairs = (options.forms * (options.forms - 1)) / 2;
    const need = options.forms * n - pairs * options.maxOverlapItems;
    const have = resolved.eligible.length;
    if (have < need) {
      problems.push({
        family: 'forms',
        required: need,
        available: have,
        message: `组 ${options.forms} 套平行卷（两两重叠不超过 ${options.maxOverlapItems} 道）至少需要 ${need} 道不同的题，题库中符合条件的仅 ${have} 道`,
      });
    }
    for (const section of requirements.sections) {
      const needType =
        options.forms * section.count - pairs * Math.min(options.maxOverlapItems, section.count);
      const haveType = resolved.eligible.filter((i) => i.type === section.itemType).length;
      if (haveType < needType) {
        const name = ITEM_TYPE_NAMES[section.itemType];
        problems.push({
          family: 'forms',
          required: needType,
          available: haveType,
          message: `组 ${options.forms} 套平行卷至少需要 ${needType} 道不同的${name}，题库中符合条件的仅 ${haveType} 道`,
        });
      }
    }
  }
  return problems;
}
