import type { BlueprintInput, BlueprintSection, ItemType } from '@skillexam/shared';

/*
 * Edits of a 组卷方案 in the workbench's blueprint editor, as pure functions (unit-tested).
 * Full marks follow the sections, so "各大题合计 ≠ 满分" cannot happen by accident.
 */

export type EditableBlueprint = BlueprintInput & { sections: BlueprintSection[] };

function roundPoints(value: number): number {
  return Math.round(value * 100) / 100;
}

/** New sections; full marks follow them and the pass mark keeps its share (60 of 100 → 48 of 80). */
export function withSections(
  blueprint: EditableBlueprint,
  sections: BlueprintSection[],
): EditableBlueprint {
  const fullMarks = roundPoints(sections.reduce((sum, s) => sum + s.count * s.pointsEach, 0));
  if (fullMarks <= 0) return { ...blueprint, sections };
  const share = (blueprint.passMark ?? 60) / blueprint.fullMarks;
  return { ...blueprint, sections, fullMarks, passMark: roundPoints(share * fullMarks) };
}

export function updateSection(
  blueprint: EditableBlueprint,
  index: number,
  change: Partial<Pick<BlueprintSection, 'itemType' | 'count' | 'pointsEach'>>,
): EditableBlueprint {
  return withSections(
    blueprint,
    blueprint.sections.map((section, i) => (i === index ? { ...section, ...change } : section)),
  );
}

export function addSection(blueprint: EditableBlueprint, itemType: ItemType): EditableBlueprint {
  if (blueprint.sections.some((section) => section.itemType === itemType)) return blueprint;
  return withSections(blueprint, [...blueprint.sections, { itemType, count: 10, pointsEach: 1 }]);
}

export function removeSection(blueprint: EditableBlueprint, index: number): EditableBlueprint {
  if (blueprint.sections.length <= 1) return blueprint;
  return withSections(
    blueprint,
    blueprint.sections.filter((_, i) => i !== index),
  );
}

export interface RangeBound {
  readonly min?: number | undefined;
  readonly max?: number | undefined;
}

/** Sets (or, with both bounds empty, removes) the item-count bounds of one weight-table range. */
export function setRangeBound(
  blueprint: EditableBlueprint,
  path: string,
  bound: RangeBound,
): EditableBlueprint {
  const current = blueprint.rangeAllocation?.overrides ?? {};
  const rest = Object.fromEntries(Object.entries(current).filter(([key]) => key !== path));
  const clean = {
    ...(bound.min === undefined ? {} : { min: bound.min }),
    ...(bound.max === undefined ? {} : { max: bound.max }),
  };
  const overrides = Object.keys(clean).length === 0 ? rest : { ...rest, [path]: clean };
  return { ...blueprint, rangeAllocation: { bySection: false, overrides } };
}

/** Lifts the weight table's proportional targets: every range may hold 0…n items. */
export function freeAllocation(
  blueprint: EditableBlueprint,
  paths: readonly string[],
): EditableBlueprint {
  const n = itemCount(blueprint);
  const overrides = Object.fromEntries(paths.map((path) => [path, { min: 0, max: n }]));
  return { ...blueprint, rangeAllocation: { bySection: false, overrides } };
}

export function itemCount(blueprint: EditableBlueprint): number {
  return blueprint.sections.reduce((sum, section) => sum + section.count, 0);
}
