import fc from 'fast-check';
import { BlueprintSchema, type Blueprint, type ItemType } from '@skillexam/shared';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AssemblySource, PoolItem } from '../../src/assembly/assembly-pool';
import { assemblePapers } from '../../src/assembly/assemble-papers';
import { createHighsSolver } from '../../src/assembly/highs-solver';
import type { MipSolver } from '../../src/assembly/mip-solver';
import { checkPaperAgainstBlueprint } from '../../src/blueprints/check-paper-against-blueprint';
import { STANDARD } from './synthetic-pool';

/*
 * Random small banks and blueprints: assembly either returns papers that pass the independent
 * checker (which shares no code with the model), or reports why not. When the counting
 * diagnosis says "impossible", the solver, asked without it, agrees: nothing is relaxed.
 */

const TYPES: readonly ItemType[] = ['true_false', 'single_choice', 'multiple_choice'];

const caseArbitrary = fc.record({
  weights: fc.array(fc.integer({ min: 1, max: 10 }), { minLength: 1, maxLength: 4 }),
  pointsPerRange: fc.integer({ min: 3, max: 8 }),
  importances: fc.array(fc.constantFrom('X', 'X', 'Y', 'Z'), { minLength: 20, maxLength: 20 }),
  items: fc.array(
    fc.record({
      point: fc.nat(),
      type: fc.constantFrom(...TYPES),
      difficulty: fc.integer({ min: 1, max: 5 }),
      measured: fc.option(fc.integer({ min: 10, max: 95 }), { nil: undefined }),
      approvedRoll: fc.integer({ min: 0, max: 9 }),
      enemy: fc.option(fc.integer({ min: 0, max: 3 }), { nil: undefined, freq: 4 }),
      exposure: fc.integer({ min: 0, max: 3 }),
    }),
    { minLength: 40, maxLength: 200 },
  ),
  sections: fc.uniqueArray(
    fc.record({ itemType: fc.constantFrom(...TYPES), count: fc.integer({ min: 1, max: 5 }) }),
    { minLength: 1, maxLength: 3, selector: (s) => s.itemType },
  ),
  difficulty: fc.oneof(
    fc.constant(undefined),
    fc.constant(undefined),
    fc
      .tuple(
        fc.integer({ min: 0, max: 10 }),
        fc.integer({ min: 0, max: 10 }),
        fc.constantFrom(0.2, 0.3, 0.5),
      )
      .map(([a, b, tolerance]) => {
        const easy = Math.min(a, 10) / 10;
        const medium = Math.min(b, 10 - Math.min(a, 10)) / 10;
        return {
          kind: 'mix' as const,
          easy,
          medium,
          hard: Math.round((1 - easy - medium) * 10) / 10,
          tolerance,
        };
      }),
    fc
      .tuple(fc.integer({ min: 40, max: 80 }), fc.constantFrom(0.1, 0.2))
      .map(([v, tolerance]) => ({ kind: 'meanP' as const, value: v / 100, tolerance })),
  ),
  xMin: fc.option(fc.constantFrom(0.3, 0.5, 0.7), { nil: undefined }),
  maxItemsPerPoint: fc.integer({ min: 1, max: 2 }),
  forms: fc.constantFrom(1, 1, 2),
  maxOverlap: fc.constantFrom(0.2, 0.5),
  maxExposure: fc.option(fc.constantFrom(2, 3), { nil: undefined }),
  seed: fc.integer({ min: 0, max: 1000 }),
});

type Case = typeof caseArbitrary extends fc.Arbitrary<infer T> ? T : never;

function build(c: Case): { source: AssemblySource; blueprint: Blueprint } {
  const rangeCodes = c.weights.map((_, i) => `A-${String.fromCharCode(65 + i)}`);
  const total = c.weights.reduce((s, w) => s + w, 0);
  // Integer percents that sum to 100: give the rounding rest to the first range.
  const percents = c.weights.map((w) => Math.floor((w * 100) / total));
  percents[0] = (percents[0] ?? 0) + 100 - percents.reduce((s, p) => s + p, 0);
  const points = rangeCodes.flatMap((range, r) =>
    Array.from({ length: c.pointsPerRange }, (_, i) => ({
      id: `p-${range}-${i}`,
      path: `${range}-${String(i + 1).padStart(3, '0')}`,
      importance: (c.importances[(r * 5 + i) % 20] ?? 'X') as 'X' | 'Y' | 'Z',
    })),
  );
  const items: PoolItem[] = c.items.map((spec, index) => {
    const point = points[spec.point % points.length] ?? points[0]!;
    return {
      itemId: `i${index}`,
      version: 1,
      type: spec.type,
      status: spec.approvedRoll < 8 ? 'approved' : 'in_review',
      level: 3,
      pointId: point.id,
      pointPath: point.path,
      importance: point.importance,
      difficulty: spec.difficulty,
      ...(spec.measured === undefined ? {} : { empiricalP: spec.measured / 100 }),
      ...(spec.enemy === undefined ? {} : { enemyGroup: `g${spec.enemy}` }),
      papersPinned: spec.exposure,
    };
  });
  const blueprint = BlueprintSchema.parse({
    id: 'bp-prop',
    version: 1,
    title: '性质测试',
    standard: STANDARD,
    level: 3,
    sections: c.sections.map((s) => ({ ...s, pointsEach: 1 })),
    durationMinutes: 60,
    fullMarks: c.sections.reduce((sum, s) => sum + s.count, 0),
    passMark: 0,
    ...(c.difficulty === undefined ? {} : { difficulty: c.difficulty }),
    importance: c.xMin === undefined ? {} : { X: { minShare: c.xMin } },
    maxItemsPerPoint: c.maxItemsPerPoint,
    exposure: c.maxExposure === undefined ? {} : { maxExposure: c.maxExposure },
  });
  return {
    blueprint,
    source: {
      standard: STANDARD,
      weights: Object.fromEntries(rangeCodes.map((code, i) => [code, percents[i] ?? 0])),
      rangeNames: {},
      items,
      recentlyUsed: new Set(),
    },
  };
}

let solver: MipSolver;
beforeAll(async () => {
  solver = await createHighsSolver();
});

describe('assembly property: a paper satisfies its blueprint, or the failure is reported', () => {
  it('holds for random small banks and blueprints', { timeout: 120_000 }, () => {
    const outcomes = { papers: 0, supply: 0, solver: 0 };
    fc.assert(
      fc.property(caseArbitrary, (c) => {
        const { source, blueprint } = build(c);
        const options = { seed: c.seed, forms: c.forms, maxOverlap: c.maxOverlap };
        const result = assemblePapers(blueprint, source, solver, options);
        expect(result.ok || result.stage !== 'verification').toBe(true);
        if (result.ok) {
          outcomes.papers += 1;
          expect(result.forms).toHaveLength(c.forms);
          const papers = result.forms.map((f) => f.paper);
          for (const form of result.forms) {
            const checks = checkPaperAgainstBlueprint({
              paper: form.paper,
              blueprint,
              weights: source.weights,
              items: new Map(source.items.map((item) => [item.itemId, item])),
              recentlyUsed: source.recentlyUsed,
              otherForms: papers,
              maxOverlap: c.maxOverlap,
            });
            expect(checks.filter((check) => !check.ok)).toEqual([]);
          }
          return;
        }
        expect(result.problems.length).toBeGreaterThan(0);
        for (const problem of result.problems) expect(problem.message).toMatch(/[\u4e00-\u9fff]/);
        if (result.stage === 'supply') {
          outcomes.supply += 1;
          if (result.problems.every((p) => p.family !== 'config')) {
            // The counting diagnosis is only ever a necessary condition: the solver agrees.
            const direct = assemblePapers(blueprint, source, solver, {
              ...options,
              skipSupplyDiagnosis: true,
            });
            expect(direct.ok).toBe(false);
          }
        } else {
          outcomes.solver += 1;
        }
      }),
      { numRuns: 45, seed: 20260601 },
    );
    // The generator must exercise both outcomes, or the property says little.
    expect(outcomes.papers).toBeGreaterThan(8);
    expect(outcomes.supply + outcomes.solver).toBeGreaterThan(5);
  });
});
