import { seededUnit } from '@skillexam/shared';
import type { ConstraintFamily } from './assembly-problem';
import type { EligibleItem, ResolvedBlueprint } from './requirements';

/*
 * The 0-1 integer program of one paper, written in CPLEX LP format for HiGHS. One binary
 * x<i> per eligible item. Constraints per family: section counts, range counts (weight
 * table), X/Y/Z shares, difficulty mix or mean p, ≤ k items per 鉴定点, enemy groups, and for
 * parallel forms the overlap with earlier forms and the mean-difficulty band.
 * Objective: exposure + deviation from the difficulty target + a seeded perturbation.
 */

export interface FormConstraints {
  /** Items of the earlier forms; each set may share at most `maxOverlapItems` with this one. */
  readonly earlierForms: readonly ReadonlySet<string>[];
  readonly maxOverlapItems: number;
  /** The mean p must lie in [lo, hi] (keeps forms within ± 0.02 of each other). */
  readonly meanPBand?: { readonly lo: number; readonly hi: number };
}

export interface ModelOptions {
  readonly seed: number;
  readonly forms?: FormConstraints;
  /** Families left out: used only by the diagnosis, never to make a paper. */
  readonly omit?: ReadonlySet<ConstraintFamily>;
  /** The columns to use (a reduced pool, see pool-reduction.ts); defaults to every eligible item. */
  readonly columns?: readonly EligibleItem[];
}

export interface LpModel {
  readonly text: string;
  /** Item of column `x<i>`. */
  readonly columns: readonly EligibleItem[];
  readonly rowCount: number;
}

/** Objective weights (docs/decisions/0352-assembly-objective-and-pool-reduction.md). */
export const OBJECTIVE_WEIGHTS = {
  exposure: 1,
  perturbation: 0.2,
  deviation: 2,
  reuse: 0.5,
} as const;

const num = (value: number): string => {
  const rounded = Math.round(value * 1e9) / 1e9;
  return Object.is(rounded, -0) ? '0' : String(rounded);
};

class LpWriter {
  readonly rows: string[] = [];
  private count = 0;
  constraint(terms: readonly (readonly [number, string])[], sense: '<=' | '>=' | '=', rhs: number) {
    this.count += 1;
    const body = terms.length === 0 ? '1 zero' : expression(terms);
    this.rows.push(` r${this.count}: ${body} ${sense} ${num(rhs)}`);
  }
  range(terms: readonly (readonly [number, string])[], min: number, max: number) {
    if (min === max) this.constraint(terms, '=', min);
    else {
      if (min > 0) this.constraint(terms, '>=', min);
      this.constraint(terms, '<=', max);
    }
  }
  get rowCount() {
    return this.count;
  }
}

function expression(terms: readonly (readonly [number, string])[]): string {
  const parts: string[] = [];
  terms.forEach(([coef, name], index) => {
    const sign = coef < 0 ? '-' : index === 0 ? '' : '+';
    const text = `${sign} ${num(Math.abs(coef))} ${name}`.trim();
    parts.push(index > 0 && index % 12 === 0 ? `\n  ${text}` : text);
  });
  return parts.join(' ');
}

export function buildLpModel(resolved: ResolvedBlueprint, options: ModelOptions): LpModel {
  const { requirements: req } = resolved;
  const omit = options.omit ?? new Set<ConstraintFamily>();
  const columns = options.columns ?? resolved.eligible;
  const name = (index: number) => `x${index}`;
  const select = (
    pick: (item: EligibleItem) => boolean,
    coef: (item: EligibleItem) => number = () => 1,
  ) => columns.flatMap((item, index) => (pick(item) ? [[coef(item), name(index)] as const] : []));
  const lp = new LpWriter();

  for (const section of req.sections) {
    lp.constraint(
      select((i) => i.type === section.itemType),
      '=',
      section.count,
    );
  }
  if (!omit.has('ranges')) {
    for (const range of req.ranges) {
      const terms = select(
        (i) =>
          i.rangePath === range.path && (range.itemType === undefined || i.type === range.itemType),
      );
      lp.range(terms, range.min, range.max);
    }
  }
  if (!omit.has('importance')) {
    for (const share of req.importance) {
      lp.range(
        select((i) => i.importance === share.importance),
        share.min,
        share.max,
      );
    }
  }
  const objective: (readonly [number, string])[] = [];
  const extraColumns: string[] = [];
  const difficulty = req.difficulty;
  if (difficulty !== undefined && !omit.has('difficulty')) {
    if (difficulty.kind === 'mix') {
      for (const band of difficulty.bands) {
        const terms = select((i) => i.band === band.band);
        lp.range(terms, band.min, band.max);
        const dp = `dp_${band.band}`;
        const dm = `dm_${band.band}`;
        lp.constraint([...terms, [-1, dp], [1, dm]], '=', band.target);
        objective.push([OBJECTIVE_WEIGHTS.deviation, dp], [OBJECTIVE_WEIGHTS.deviation, dm]);
        extraColumns.push(dp, dm);
      }
    } else {
      const terms = select(
        () => true,
        (i) => i.p,
      );
      lp.range(terms, difficulty.minSum, difficulty.maxSum);
      lp.constraint(
        [...terms, [-1, 'dp_mean'], [1, 'dm_mean']],
        '=',
        difficulty.target * req.itemCount,
      );
      objective.push(
        [OBJECTIVE_WEIGHTS.deviation, 'dp_mean'],
        [OBJECTIVE_WEIGHTS.deviation, 'dm_mean'],
      );
      extraColumns.push('dp_mean', 'dm_mean');
    }
  }
  if (!omit.has('points')) {
    const byPoint = new Map<string, string[]>();
    columns.forEach((item, index) => {
      const list = byPoint.get(item.pointId) ?? [];
      list.push(name(index));
      byPoint.set(item.pointId, list);
    });
    for (const names of byPoint.values()) {
      if (names.length > req.maxItemsPerPoint) {
        lp.constraint(
          names.map((n) => [1, n] as const),
          '<=',
          req.maxItemsPerPoint,
        );
      }
    }
  }
  if (!omit.has('enemies')) {
    const indexOf = new Map(columns.map((item, index) => [item.itemId, index]));
    for (const group of req.enemyGroups) {
      const terms = group.flatMap((id) => {
        const index = indexOf.get(id);
        return index === undefined ? [] : [[1, name(index)] as const];
      });
      if (terms.length > 1) lp.constraint(terms, '<=', 1);
    }
  }
  const forms = options.forms;
  if (forms !== undefined && !omit.has('forms')) {
    for (const earlier of forms.earlierForms) {
      lp.constraint(
        select((i) => earlier.has(i.itemId)),
        '<=',
        forms.maxOverlapItems,
      );
    }
    if (forms.meanPBand !== undefined) {
      const n = req.itemCount;
      lp.range(
        select(
          () => true,
          (i) => i.p,
        ),
        n * forms.meanPBand.lo,
        n * forms.meanPBand.hi,
      );
    }
  }

  const costOf = itemCostFunction(resolved, options.seed);
  const used = (item: EligibleItem) =>
    forms?.earlierForms.some((form) => form.has(item.itemId)) === true
      ? OBJECTIVE_WEIGHTS.reuse
      : 0;
  columns.forEach((item, index) => {
    objective.push([costOf(item) + used(item), name(index)]);
  });

  const text = [
    'Minimize',
    ` obj: ${objective.length === 0 ? '0 zero' : expression(objective)}`,
    'Subject To',
    ...lp.rows,
    'Bounds',
    ' 0 <= zero <= 0',
    ...extraColumns.map((column) => ` ${column} >= 0`),
    'Binary',
    ...chunk(
      columns.map((_, index) => name(index)),
      20,
    ).map((line) => ` ${line.join(' ')}`),
    'End',
    '',
  ].join('\n');
  return { text, columns, rowCount: lp.rowCount };
}

/** An item's own cost in the objective: normalised exposure plus the seeded perturbation. */
export function itemCostFunction(
  resolved: ResolvedBlueprint,
  seed: number,
): (item: EligibleItem) => number {
  let maxExposure = 0;
  for (const item of resolved.eligible) maxExposure = Math.max(maxExposure, item.papersPinned);
  return (item) =>
    (OBJECTIVE_WEIGHTS.exposure * item.papersPinned) / (1 + maxExposure) +
    OBJECTIVE_WEIGHTS.perturbation * seededUnit(seed, item.itemId);
}

function chunk<T>(values: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let index = 0; index < values.length; index += size)
    chunks.push(values.slice(index, index + size));
  return chunks;
}
