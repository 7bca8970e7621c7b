import { BlueprintSchema } from '@skillexam/shared';
import { describe, expect, it } from 'vitest';
import {
  addSection,
  freeAllocation,
  itemCount,
  removeSection,
  setRangeBound,
  updateSection,
  type EditableBlueprint,
} from './blueprint-edit';

const base: EditableBlueprint = {
  id: 'bp-1',
  version: 1,
  title: '电工四级',
  standard: { occupationCode: '6-31-01-03', version: '2018' },
  level: 4,
  sections: [
    { itemType: 'true_false', count: 40, pointsEach: 0.5 },
    { itemType: 'single_choice', count: 160, pointsEach: 0.5 },
  ],
  durationMinutes: 90,
  fullMarks: 100,
};

describe('blueprint editing', () => {
  it('keeps full marks equal to the sections, so the blueprint stays valid', () => {
    const edited = updateSection(base, 1, { count: 100, pointsEach: 0.8 });
    expect(edited.fullMarks).toBe(100);
    expect(edited.passMark).toBe(60);
    const small = updateSection(removeSection(edited, 0), 0, { count: 1, pointsEach: 1 });
    expect(small).toMatchObject({ fullMarks: 1, passMark: 0.6 });
    // Through a tiny intermediate paper and back: the pass mark keeps its 60 %.
    expect(updateSection(small, 0, { pointsEach: 100 })).toMatchObject({
      fullMarks: 100,
      passMark: 60,
    });
    expect(BlueprintSchema.safeParse(small).success).toBe(true);
    expect(itemCount(small)).toBe(1);
  });

  it('adds a section once per type and never removes the last one', () => {
    const three = addSection(base, 'multiple_choice');
    expect(three.sections.map((s) => s.itemType)).toEqual([
      'true_false',
      'single_choice',
      'multiple_choice',
    ]);
    expect(three.fullMarks).toBe(110);
    expect(addSection(three, 'true_false')).toBe(three);
    const one = removeSection(base, 0);
    expect(removeSection(one, 0)).toBe(one);
  });

  it('sets and clears range bounds, and frees every range at once', () => {
    const bounded = setRangeBound(base, 'A-A', { min: 2, max: 5 });
    expect(bounded.rangeAllocation).toEqual({
      bySection: false,
      overrides: { 'A-A': { min: 2, max: 5 } },
    });
    expect(setRangeBound(bounded, 'A-A', {}).rangeAllocation?.overrides).toEqual({});
    expect(freeAllocation(base, ['A-A', 'B-A']).rangeAllocation?.overrides).toEqual({
      'A-A': { min: 0, max: 200 },
      'B-A': { min: 0, max: 200 },
    });
  });
});
