import { PaperSchema, type Blueprint, type ItemType, type Paper } from '@skillexam/shared';
import type { EligibleItem } from './requirements';

/*
 * An assembled form as a shared `Paper`: sections in blueprint order, items pinned by their
 * current version, ordered like the 细目表 (range, then 鉴定点), per-candidate variation flags
 * copied from the blueprint.
 */

const CHINESE_NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

export const SECTION_TITLES: Record<ItemType, string> = {
  true_false: '判断题',
  single_choice: '单项选择题',
  multiple_choice: '多项选择题',
  fill_blank: '填空题',
  short_answer: '简答题',
};

export function sectionTitle(index: number, type: ItemType, title?: string): string {
  return `${CHINESE_NUMERALS[index] ?? String(index + 1)}、${title ?? SECTION_TITLES[type]}`;
}

function byOutline(a: EligibleItem, b: EligibleItem): number {
  return (
    compare(a.rangePath, b.rangePath) ||
    compare(a.pointPath, b.pointPath) ||
    compare(a.itemId, b.itemId)
  );
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function buildPaper(
  blueprint: Blueprint,
  paperId: string,
  formLabel: string,
  items: readonly EligibleItem[],
): Paper {
  return PaperSchema.parse({
    id: paperId,
    title: `${blueprint.title}（${formLabel}卷）`,
    standard: blueprint.standard,
    level: blueprint.level,
    sections: blueprint.sections.map((section, index) => ({
      title: sectionTitle(index, section.itemType, section.title),
      itemType: section.itemType,
      pointsEach: section.pointsEach,
      items: items
        .filter((item) => item.type === section.itemType)
        .sort(byOutline)
        .map((item) => ({ itemId: item.itemId, version: item.version })),
      ...(section.itemType === 'multiple_choice'
        ? { scoringPolicy: section.scoringPolicy ?? blueprint.multipleChoiceScoring }
        : {}),
    })),
    durationMinutes: blueprint.durationMinutes,
    fullMarks: blueprint.fullMarks,
    passMark: blueprint.passMark,
    variation: { shuffleItems: blueprint.shuffleItems, shuffleOptions: blueprint.shuffleOptions },
  });
}

/** A, B, C … for the forms of one run. */
export function formLabel(index: number): string {
  return String.fromCharCode('A'.charCodeAt(0) + index);
}
