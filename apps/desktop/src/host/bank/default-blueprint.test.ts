import { blueprintTotalPoints, type Blueprint } from '@skillexam/shared';
import { describe, expect, it } from 'vitest';
import { feasibleDefault, usualBlueprint, usualSections } from './default-blueprint';

const subject = {
  standard: { occupationCode: '6-40-02-01', version: '2020' },
  occupationName: '焊工',
  level: 4 as const,
};

describe('the default 组卷方案', () => {
  it('is the usual format when the bank can fill it', () => {
    const base = usualBlueprint(subject);
    expect(base.title).toBe('焊工（四级/中级工）理论知识考试组卷方案');
    expect(base.maxItemsPerPoint).toBe(1);
    expect(feasibleDefault(base, () => true)).toEqual({
      blueprint: base,
      feasible: true,
      relaxed: [],
    });
  });

  it('relaxes in the documented order and keeps only the relaxations the bank needs', () => {
    // A bank that needs three items per 鉴定点 and the weight table over the whole paper.
    const needs = (b: Blueprint) => b.maxItemsPerPoint >= 3 && !b.rangeAllocation.bySection;
    const tried: string[] = [];
    const chosen = feasibleDefault(usualBlueprint(subject), (b) => {
      tried.push(
        `${b.maxItemsPerPoint}/${b.rangeAllocation.bySection}/${b.difficulty?.kind === 'mix' ? b.difficulty.tolerance : '-'}`,
      );
      return needs(b);
    });
    expect(chosen.feasible).toBe(true);
    expect(chosen.relaxed).toEqual([
      { kind: 'maxItemsPerPoint', value: 3 },
      { kind: 'wholePaperAllocation' },
    ]);
    // The difficulty tolerance that came before in the order was given back.
    expect(chosen.blueprint.difficulty).toMatchObject({ kind: 'mix', tolerance: 0.05 });
    expect(chosen.blueprint.importance).toEqual({ X: { minShare: 0.7 }, Z: { maxShare: 0.05 } });
    expect(tried.slice(0, 5)).toEqual([
      '1/true/0.05',
      '2/true/0.05',
      '3/true/0.05',
      '3/true/0.1',
      '3/false/0.1',
    ]);
  });

  it('stays the usual format, marked infeasible, when no relaxation is enough', () => {
    const base = usualBlueprint({ ...subject, level: 3 });
    expect(feasibleDefault(base, () => false)).toEqual({
      blueprint: base,
      feasible: false,
      relaxed: [],
    });
  });

  it('makes 100-point papers at every level, 多选 from 三级 up', () => {
    for (const level of [5, 4, 3, 2, 1] as const) {
      const sections = usualSections(level);
      expect(blueprintTotalPoints({ sections })).toBe(100);
      expect(sections.some((s) => s.itemType === 'multiple_choice')).toBe(level <= 3);
    }
  });
});
