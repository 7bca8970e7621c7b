import {
  BlueprintSchema,
  levelInfo,
  type Blueprint,
  type BlueprintSection,
  type StandardRef,
  type TheoryLevelCode,
} from '@skillexam/shared';

/*
 * The 组卷 page's starting blueprint (docs/decisions/0701-default-blueprint.md): the level's
 * usual paper format over the standard's 比重表, made feasible for the opened bank by relaxing,
 * in a fixed order, only what the bank's supply cannot meet. Pure: feasibility is a callback
 * (the host runs the assembly's supply diagnosis against the bank).
 */

/** One relaxation of the usual format, as the page names it (translated by the renderer). */
export type Relaxation =
  | { readonly kind: 'maxItemsPerPoint'; readonly value: number }
  | { readonly kind: 'difficultyTolerance'; readonly value: number }
  | { readonly kind: 'wholePaperAllocation' }
  | { readonly kind: 'noImportance' }
  | { readonly kind: 'noDifficulty' };

interface RelaxationStep {
  readonly relaxation: Relaxation;
  readonly apply: (blueprint: Blueprint) => Blueprint;
}

const perPoint = (value: number): RelaxationStep => ({
  relaxation: { kind: 'maxItemsPerPoint', value },
  apply: (b) => ({ ...b, maxItemsPerPoint: Math.max(b.maxItemsPerPoint, value) }),
});

/**
 * The order in which the usual format gives way: first repeats of a 鉴定点 (a small bank has
 * fewer 鉴定点 than a paper has items), then the difficulty tolerance, then the weight table per
 * 题型 (kept for the whole paper), then the X/Y/Z shares, then the difficulty mix, then more
 * repeats. The paper's 题型, 题量, 分值 and the weight table itself are never relaxed.
 */
export const RELAXATION_ORDER: readonly RelaxationStep[] = [
  perPoint(2),
  perPoint(3),
  {
    relaxation: { kind: 'difficultyTolerance', value: 0.1 },
    apply: (b) =>
      b.difficulty?.kind === 'mix' ? { ...b, difficulty: { ...b.difficulty, tolerance: 0.1 } } : b,
  },
  {
    relaxation: { kind: 'wholePaperAllocation' },
    apply: (b) => ({ ...b, rangeAllocation: { ...b.rangeAllocation, bySection: false } }),
  },
  { relaxation: { kind: 'noImportance' }, apply: (b) => ({ ...b, importance: {} }) },
  {
    relaxation: { kind: 'noDifficulty' },
    apply: ({ difficulty: _dropped, ...rest }) => {
      void _dropped;
      return rest;
    },
  },
  perPoint(5),
];

/**
 * 职业技能等级认定 theory papers as centres usually set them: 100 points in 0.5-point items,
 * 单项选择题 first; from 三级 up a 多项选择题 section worth 1 point each.
 */
export function usualSections(level: TheoryLevelCode): BlueprintSection[] {
  return level >= 4
    ? [
        { itemType: 'single_choice', count: 160, pointsEach: 0.5, title: '单项选择题' },
        { itemType: 'true_false', count: 40, pointsEach: 0.5, title: '判断题' },
      ]
    : [
        { itemType: 'single_choice', count: 140, pointsEach: 0.5, title: '单项选择题' },
        { itemType: 'true_false', count: 40, pointsEach: 0.5, title: '判断题' },
        { itemType: 'multiple_choice', count: 10, pointsEach: 1, title: '多项选择题' },
      ];
}

export interface DraftSubject {
  readonly standard: StandardRef;
  readonly occupationName: string;
  readonly level: TheoryLevelCode;
}

/** The usual format, unrelaxed: every 鉴定点 once, each 题型 mirrors the weight table. */
export function usualBlueprint(subject: DraftSubject): Blueprint {
  const { standard, level } = subject;
  return BlueprintSchema.parse({
    id: `bp-${standard.occupationCode}-${level}`,
    version: 1,
    title: `${subject.occupationName}（${levelInfo(level).zhName}）理论知识考试组卷方案`,
    standard,
    level,
    sections: usualSections(level),
    durationMinutes: 120,
    fullMarks: 100,
    passMark: 60,
    rangeAllocation: { bySection: true, overrides: {} },
    importance: { X: { minShare: 0.7 }, Z: { maxShare: 0.05 } },
    difficulty: { kind: 'mix', easy: 0.2, medium: 0.7, hard: 0.1, tolerance: 0.05 },
    maxItemsPerPoint: 1,
  });
}

export interface DefaultBlueprint {
  readonly blueprint: Blueprint;
  /** The bank's supply meets it (the assembly's counting diagnosis finds no shortfall). */
  readonly feasible: boolean;
  /** What was relaxed from the usual format, in RELAXATION_ORDER. */
  readonly relaxed: Relaxation[];
}

function withSteps(base: Blueprint, steps: readonly RelaxationStep[]): Blueprint {
  return steps.reduce((blueprint, step) => step.apply(blueprint), base);
}

/**
 * The usual format if the bank can fill it; otherwise the shortest prefix of RELAXATION_ORDER
 * that makes it feasible, without the steps of that prefix it turns out not to need. When even
 * every step is not enough, the usual format itself (its shortfalls are what the bank lacks).
 */
export function feasibleDefault(
  base: Blueprint,
  isFeasible: (blueprint: Blueprint) => boolean,
): DefaultBlueprint {
  if (isFeasible(base)) return { blueprint: base, feasible: true, relaxed: [] };
  const prefix = RELAXATION_ORDER.findIndex((_, index) =>
    isFeasible(withSteps(base, RELAXATION_ORDER.slice(0, index + 1))),
  );
  if (prefix === -1) return { blueprint: base, feasible: false, relaxed: [] };
  let kept = RELAXATION_ORDER.slice(0, prefix + 1);
  for (let index = prefix - 1; index >= 0; index -= 1) {
    const step = RELAXATION_ORDER[index];
    const without = kept.filter((s) => s !== step);
    if (isFeasible(withSteps(base, without))) kept = without;
  }
  return {
    blueprint: withSteps(base, kept),
    feasible: true,
    relaxed: kept.map((step) => step.relaxation),
  };
}
