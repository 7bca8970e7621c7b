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

/** The traditional names: 初级工 … 高级技师. */
export const LEVEL_TRADITIONAL_NAMES: Readonly<Record<number, string>> = {
  1: '高级技师',
  2: '技师',
  3: '高级工',
  4: '中级工',
  5: '初级工',
};

/**
 * How to recognise a site paper's occupation and level text (`电工（三级）`, `电工（四级/中级工）`,
 * `电工（高级工）`): it starts with the occupation name and holds `三级`, or is exactly the name
 * with the traditional level name (技师 alone would also match 高级技师).
 */
export function occupationMatcher(occupationName: string, level: number) {
  return {
    name: occupationName,
    levelWord: LEVEL_SHORT_NAMES[level] ?? String(level),
    traditional: `${occupationName}（${LEVEL_TRADITIONAL_NAMES[level] ?? ''}）`,
  };
}
