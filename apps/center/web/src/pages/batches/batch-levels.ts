import type { BatchStatus } from '../../api/center-types';

/* 职业技能等级 as the batch forms show them; 技师 and 高级技师 add 综合评审 (docs/center-batches.md). */

export const LEVEL_NAMES: Readonly<Record<number, string>> = {
  1: '一级/高级技师',
  2: '二级/技师',
  3: '三级/高级工',
  4: '四级/中级工',
  5: '五级/初级工',
};

export const LEVEL_OPTIONS = [1, 2, 3, 4, 5].map((level) => ({
  value: level,
  label: LEVEL_NAMES[level] ?? String(level),
}));

export function levelHasReview(level: number): boolean {
  return level === 1 || level === 2;
}

export const STATUS_COLOUR: Readonly<Record<BatchStatus, string>> = {
  draft: 'default',
  submitted: 'gold',
  approved: 'green',
  returned: 'red',
};
