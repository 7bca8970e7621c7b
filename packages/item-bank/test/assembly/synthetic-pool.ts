import {
  BlueprintSchema,
  type AuthoredDifficulty,
  type Blueprint,
  type BlueprintInput,
  type Importance,
  type ItemType,
} from '@skillexam/shared';
import type { AssemblySource, PoolItem } from '../../src/assembly/assembly-pool';

/*
 * A deterministic synthetic bank for the benchmark and the tests: a 理论知识权重表 over a few
 * 鉴定范围, points with X/Y/Z importance, and items of all three objective types.
 */

import { mulberry32 as prng } from '@skillexam/shared';

export { prng };

export const STANDARD = { occupationCode: '6-31-01-03', version: '2018' } as const;

/** Level-3 weights (percent) of the synthetic 细目表. */
export const LEVEL3_WEIGHTS: Readonly<Record<string, number>> = {
  'A-A': 5,
  'A-B': 15,
  'B-A': 20,
  'B-B': 25,
  'B-C': 20,
  'B-D': 15,
};

export interface PoolSpec {
  readonly items: number;
  readonly points: number;
  readonly seed: number;
  readonly weights?: Readonly<Record<string, number>>;
  /** Share of items with measured p. */
  readonly measuredShare?: number;
  readonly enemyGroupEvery?: number;
}

export function pick<T>(random: () => number, values: readonly (readonly [T, number])[]): T {
  const total = values.reduce((sum, [, weight]) => sum + weight, 0);
  let roll = random() * total;
  for (const [value, weight] of values) {
    roll -= weight;
    if (roll < 0) return value;
  }
  const last = values.at(-1);
  if (last === undefined) throw new RangeError('pick from nothing');
  return last[0];
}

export function syntheticSource(spec: PoolSpec): AssemblySource {
  const random = prng(spec.seed);
  const weights = spec.weights ?? LEVEL3_WEIGHTS;
  const ranges = Object.keys(weights);
  const points = Array.from({ length: spec.points }, (_, index) => {
    const range = ranges[index % ranges.length] ?? 'A-A';
    const code = String(Math.floor(index / ranges.length) + 1).padStart(3, '0');
    const importance = pick<Importance>(random, [
      ['X', 80],
      ['Y', 15],
      ['Z', 5],
    ]);
    return { id: `pt-${range}-${code}`, path: `${range}-${code}`, importance };
  });
  const items: PoolItem[] = Array.from({ length: spec.items }, (_, index) => {
    const point = points[Math.floor(random() * points.length)] ?? points[0];
    if (point === undefined) throw new RangeError('no points');
    const type = pick<ItemType>(random, [
      ['true_false', 25],
      ['single_choice', 60],
      ['multiple_choice', 15],
    ]);
    const difficulty = pick<AuthoredDifficulty>(random, [
      [1, 10],
      [2, 20],
      [3, 40],
      [4, 20],
      [5, 10],
    ]);
    const measured = random() < (spec.measuredShare ?? 0.3);
    const enemy = spec.enemyGroupEvery !== undefined && index % spec.enemyGroupEvery === 0;
    return {
      itemId: `it-${String(index).padStart(6, '0')}`,
      version: 1 + (index % 3),
      type,
      status: random() < 0.95 ? 'approved' : 'draft',
      level: 3,
      pointId: point.id,
      pointPath: point.path,
      importance: point.importance,
      difficulty,
      ...(measured ? { empiricalP: Math.round((0.2 + random() * 0.75) * 100) / 100 } : {}),
      ...(enemy
        ? { enemyGroup: `eg-${Math.floor(index / (spec.enemyGroupEvery ?? 1)) % 50}` }
        : {}),
      papersPinned: Math.floor(random() * 4),
    };
  });
  return {
    standard: STANDARD,
    weights,
    rangeNames: Object.fromEntries(ranges.map((path) => [path, `范围${path}`])),
    items,
    recentlyUsed: new Set(),
  };
}

/** The level-3 blueprint of the benchmark: 40 判断 + 140 单选 × 0.5 + 10 多选 × 1 = 100. */
export function level3Blueprint(overrides: Partial<BlueprintInput> = {}): Blueprint {
  return BlueprintSchema.parse({
    id: 'bp-electrician-l3',
    version: 1,
    title: '电工（三级）理论知识考试',
    standard: STANDARD,
    level: 3,
    sections: [
      { itemType: 'true_false', count: 40, pointsEach: 0.5 },
      { itemType: 'single_choice', count: 140, pointsEach: 0.5 },
      { itemType: 'multiple_choice', count: 10, pointsEach: 1 },
    ],
    durationMinutes: 120,
    fullMarks: 100,
    importance: { X: { minShare: 0.7 } },
    difficulty: { kind: 'mix', easy: 0.2, medium: 0.7, hard: 0.1, tolerance: 0.05 },
    ...overrides,
  });
}
