/*
 * 职业技能等级: 五级/初级工 (5) … 一级/高级技师 (1). 技师 (2) and 高级技师 (1) are assessed by
 * theory, skills and 综合评审 (comprehensive review); the lower levels by theory and skills.
 */

export const LEVEL_NAMES: Readonly<Record<number, string>> = {
  1: '一级/高级技师',
  2: '二级/技师',
  3: '三级/高级工',
  4: '四级/中级工',
  5: '五级/初级工',
};

/** The short name a site's paper writes in its occupation and level, e.g. 电工（三级）. */
export const LEVEL_SHORT_NAMES: Readonly<Record<number, string>> = {
  1: '一级',
  2: '二级',
  3: '三级',
  4: '四级',
  5: '五级',
};

/** Whether a level's assessment includes 综合评审. */
export function levelHasReview(level: number): boolean {
  return level === 1 || level === 2;
}

/** `电工（三级）`: how a site's exam names the occupation and level of its paper. */
export function occupationAndLevelText(occupationName: string, level: number): string {
  return `${occupationName}（${LEVEL_SHORT_NAMES[level] ?? String(level)}）`;
}
