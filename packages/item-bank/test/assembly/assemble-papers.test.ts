import type { BlueprintInput } from '@skillexam/shared';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AssemblySource, PoolItem } from '../../src/assembly/assembly-pool';
import { assemblePapers } from '../../src/assembly/assemble-papers';
import { createHighsSolver } from '../../src/assembly/highs-solver';
import { buildLpModel } from '../../src/assembly/lp-model';
import type { MipSolver } from '../../src/assembly/mip-solver';
import { resolveBlueprint } from '../../src/assembly/requirements';
import { checkPaperAgainstBlueprint } from '../../src/blueprints/check-paper-against-blueprint';
import { level3Blueprint, syntheticSource } from './synthetic-pool';

let solver: MipSolver;
beforeAll(async () => {
  solver = await createHighsSolver();
});

const small: Partial<BlueprintInput> = {
  sections: [
    { itemType: 'true_false', count: 10, pointsEach: 1 },
    { itemType: 'single_choice', count: 30, pointsEach: 2 },
    { itemType: 'multiple_choice', count: 5, pointsEach: 2 },
  ],
  fullMarks: 80,
  passMark: 48,
};

const source = syntheticSource({ items: 900, points: 90, seed: 3, enemyGroupEvery: 7 });
const ids = (paper: { sections: { items: { itemId: string }[] }[] }) =>
  paper.sections.flatMap((s) => s.items.map((i) => i.itemId));

function facts(src: AssemblySource) {
  return new Map(src.items.map((item) => [item.itemId, item]));
}

describe('assemblePapers', { timeout: 60_000 }, () => {
  it('assembles a paper that passes every independent check, the same for the same seed', () => {
    const blueprint = level3Blueprint(small);
    const first = assemblePapers(blueprint, source, solver, { seed: 11 });
    const again = assemblePapers(blueprint, source, solver, { seed: 11 });
    const other = assemblePapers(blueprint, source, solver, { seed: 12 });
    if (!first.ok || !again.ok || !other.ok) throw new Error('expected papers');
    const [paper] = first.forms;
    expect(paper?.checks.every((check) => check.ok)).toBe(true);
    expect(paper?.checks.length).toBeGreaterThan(10);
    expect(paper?.solver).toMatchObject({ solver: 'HiGHS', status: 'Optimal' });
    expect(ids(first.forms[0]!.paper)).toEqual(ids(again.forms[0]!.paper));
    expect(ids(first.forms[0]!.paper)).not.toEqual(ids(other.forms[0]!.paper));
    expect(first.forms[0]!.paper.variation).toEqual({ shuffleItems: true, shuffleOptions: true });
  });

  it('assembles three parallel forms within the overlap limit and ±0.02 mean difficulty', () => {
    const blueprint = level3Blueprint(small);
    const result = assemblePapers(blueprint, source, solver, {
      seed: 5,
      forms: 3,
      maxOverlap: 0.1,
    });
    if (!result.ok) throw new Error(result.problems.map((p) => p.message).join('\n'));
    expect(result.forms.map((f) => f.label)).toEqual(['A', 'B', 'C']);
    const sets = result.forms.map((f) => new Set(ids(f.paper)));
    for (const [i, a] of sets.entries()) {
      for (const b of sets.slice(i + 1)) {
        expect([...a].filter((id) => b.has(id)).length).toBeLessThanOrEqual(4);
      }
    }
    const means = result.forms.map((f) => f.meanP);
    expect(Math.max(...means) - Math.min(...means)).toBeLessThanOrEqual(0.02 + 1e-9);
    expect(result.forms.every((f) => f.checks.every((c) => c.ok))).toBe(true);
    expect(result.forms[0]!.checks.filter((c) => c.id.startsWith('forms.'))).toHaveLength(4);
  });

  it('leaves out recently used and over-exposed items', () => {
    const blueprint = level3Blueprint({ ...small, exposure: { maxExposure: 2 } });
    const recent = new Set(source.items.slice(0, 400).map((item) => item.itemId));
    const result = assemblePapers(blueprint, { ...source, recentlyUsed: recent }, solver, {
      seed: 1,
    });
    if (!result.ok) throw new Error('expected a paper');
    const used = ids(result.forms[0]!.paper);
    const byId = facts(source);
    expect(used.filter((id) => recent.has(id))).toEqual([]);
    expect(used.every((id) => (byId.get(id)?.papersPinned ?? 9) < 2)).toBe(true);
  });

  it('refuses before solving when a range lacks items, saying which and by how much', () => {
    const blueprint = level3Blueprint(small);
    const starved: AssemblySource = {
      ...source,
      items: source.items
        .filter((item) => !(item.pointPath.startsWith('B-B-') && item.type === 'single_choice'))
        .map((item) =>
          item.pointPath.startsWith('B-B-') ? { ...item, status: 'draft' as const } : item,
        ),
    };
    const result = assemblePapers(blueprint, starved, solver, { seed: 1 });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.stage).toBe('supply');
    // 45 items × 25 % = 11.25 → 11 items from B-B, which now has none approved.
    expect(result.problems.map((p) => p.message)).toContain(
      '范围 B-B（范围B-B）需要 11 道题，题库中仅有 0 道已审核题',
    );
  });

  it('explains a conflict only the solver can find, and makes no paper', () => {
    // X points only in A-*, Y only in B-*: 50 % X is impossible when A-* get 20 % of the items,
    // though each requirement alone has enough items (30 X points ≥ 23).
    const items: PoolItem[] = source.items.map((item) => ({
      ...item,
      importance: item.pointPath.startsWith('A-') ? 'X' : 'Y',
    }));
    const blueprint = level3Blueprint({ ...small, importance: { X: { minShare: 0.5 } } });
    const result = assemblePapers(blueprint, { ...source, items }, solver, { seed: 1 });
    if (result.ok) throw new Error('expected no paper');
    expect(result.stage).toBe('solver');
    expect(result.problems.map((p) => p.family).sort()).toEqual(['importance', 'ranges']);
    expect(result.problems[0]?.message).toBe(
      'A卷：“鉴定范围题量（权重表）”与“重要程度（X/Y/Z）比例”相互冲突：去掉其中任意一类要求即可组卷。' +
        '系统不会自动放宽，请补充试题或修改组卷方案',
    );
  });

  it('writes the model as CPLEX LP with one binary per eligible item', () => {
    const blueprint = level3Blueprint(small);
    const resolved = resolveBlueprint(blueprint, source);
    const model = buildLpModel(resolved, { seed: 1 });
    expect(model.columns).toHaveLength(resolved.eligible.length);
    expect(model.text).toMatch(/^Minimize\n obj: /);
    expect(model.text).toContain('Subject To');
    // Row 1: every eligible true/false item, = 10 (the section count).
    const row1 = model.text.split('\n r1: ')[1]?.split('\n r2: ')[0] ?? '';
    expect(row1.trim()).toMatch(/ = 10$/);
    expect(row1.match(/x\d+/g)).toHaveLength(
      resolved.eligible.filter((item) => item.type === 'true_false').length,
    );
    expect(model.text).toMatch(/Binary\n x0 x1 x2/);
    expect(model.text.trim().endsWith('End')).toBe(true);
  });
});

describe('checkPaperAgainstBlueprint', { timeout: 30_000 }, () => {
  it('catches a repeated 鉴定点, an unapproved item and a broken range count', () => {
    const blueprint = level3Blueprint(small);
    const result = assemblePapers(blueprint, source, solver, { seed: 3 });
    if (!result.ok) throw new Error('expected a paper');
    const paper = result.forms[0]!.paper;
    const byId = facts(source);
    const section = paper.sections[1]!;
    const first = byId.get(section.items[0]!.itemId)!;
    const twin = source.items.find(
      (item) =>
        item.pointId === first.pointId &&
        item.itemId !== first.itemId &&
        item.type === 'single_choice' &&
        item.status === 'approved' &&
        !ids(paper).includes(item.itemId),
    );
    const draft = source.items.find(
      (item) => item.status === 'draft' && item.type === 'single_choice',
    );
    if (twin === undefined || draft === undefined)
      throw new Error('fixture lacks a twin or a draft');
    const edited = {
      ...paper,
      sections: paper.sections.map((s, index) =>
        index !== 1
          ? s
          : {
              ...s,
              items: [
                s.items[0]!,
                { itemId: twin.itemId, version: twin.version },
                { itemId: draft.itemId, version: draft.version },
                ...s.items.slice(3),
              ],
            },
      ),
    };
    const failed = checkPaperAgainstBlueprint({
      paper: edited,
      blueprint,
      weights: source.weights,
      items: byId,
      recentlyUsed: new Set(),
    })
      .filter((check) => !check.ok)
      .map((check) => check.id);
    expect(failed).toContain('points.max');
    expect(failed).toContain('items.approved');
  });
});
