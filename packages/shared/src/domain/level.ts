import { z } from 'zod';

/*
 * 职业技能等级. The five standard levels carry the digit used in certificate numbers and run
 * BACKWARDS: 5 = 五级/初级工 is the lowest, 1 = 一级/高级技师 the highest. The new eight-level
 * ladder (人社部发〔2022〕14号, "1 + 5 + 2") adds 学徒工 below and 特级技师, 首席技师 above;
 * those have no digit, so they use string codes. Only the five standard levels sit the
 * theory exam.
 */

export const THEORY_LEVEL_CODES = [5, 4, 3, 2, 1] as const;
/** A standard level, the only kind that takes the theory exam: 5 (lowest) … 1 (highest). */
export const TheoryLevelCodeSchema = z.literal(THEORY_LEVEL_CODES);
export type TheoryLevelCode = z.infer<typeof TheoryLevelCodeSchema>;

export const EXTENDED_LEVEL_CODES = [
  'apprentice',
  'special_technician',
  'chief_technician',
] as const;
/** 学徒工, 特级技师, 首席技师: mostly evaluated and appointed inside enterprises. */
export const ExtendedLevelCodeSchema = z.enum(EXTENDED_LEVEL_CODES);
export type ExtendedLevelCode = z.infer<typeof ExtendedLevelCodeSchema>;

export const LevelCodeSchema = z.union([TheoryLevelCodeSchema, ExtendedLevelCodeSchema]);
export type LevelCode = z.infer<typeof LevelCodeSchema>;

export interface LevelInfo {
  readonly code: LevelCode;
  /** Higher is more senior: 学徒工 0, 五级 1 … 一级 5, 特级技师 6, 首席技师 7. */
  readonly rank: number;
  readonly zhName: string;
  /** The name under the old 国家职业资格 system, if the level existed there. */
  readonly legacyName?: string;
  readonly enName: string;
  readonly takesTheoryExam: boolean;
}

/** All levels, lowest first. */
export const LEVELS = [
  { code: 'apprentice', rank: 0, zhName: '学徒工', enName: 'Apprentice', takesTheoryExam: false },
  {
    code: 5,
    rank: 1,
    zhName: '五级/初级工',
    legacyName: '初级（国家职业资格五级）',
    enName: 'Level 5 / Junior Worker',
    takesTheoryExam: true,
  },
  {
    code: 4,
    rank: 2,
    zhName: '四级/中级工',
    legacyName: '中级（国家职业资格四级）',
    enName: 'Level 4 / Intermediate Worker',
    takesTheoryExam: true,
  },
  {
    code: 3,
    rank: 3,
    zhName: '三级/高级工',
    legacyName: '高级（国家职业资格三级）',
    enName: 'Level 3 / Senior Worker',
    takesTheoryExam: true,
  },
  {
    code: 2,
    rank: 4,
    zhName: '二级/技师',
    legacyName: '技师（国家职业资格二级）',
    enName: 'Level 2 / Technician',
    takesTheoryExam: true,
  },
  {
    code: 1,
    rank: 5,
    zhName: '一级/高级技师',
    legacyName: '高级技师（国家职业资格一级）',
    enName: 'Level 1 / Senior Technician',
    takesTheoryExam: true,
  },
  {
    code: 'special_technician',
    rank: 6,
    zhName: '特级技师',
    enName: 'Principal Technician',
    takesTheoryExam: false,
  },
  {
    code: 'chief_technician',
    rank: 7,
    zhName: '首席技师',
    enName: 'Chief Technician',
    takesTheoryExam: false,
  },
] as const satisfies readonly LevelInfo[];

export function levelInfo(code: LevelCode): LevelInfo {
  const info = LEVELS.find((level) => level.code === code);
  if (info === undefined) throw new RangeError(`Unknown level code: ${String(code)}`);
  return info;
}

/** Seniority of a level; 1 (一级) outranks 5 (五级). */
export function levelRank(code: LevelCode): number {
  return levelInfo(code).rank;
}

/** Comparator for sorting from the lowest level to the highest (negative when a is lower). */
export function compareLevels(a: LevelCode, b: LevelCode): number {
  return levelRank(a) - levelRank(b);
}

/** Whether level a is more senior than level b, e.g. `outranks(1, 5)` is true. */
export function outranks(a: LevelCode, b: LevelCode): boolean {
  return compareLevels(a, b) > 0;
}

export function isTheoryLevel(code: LevelCode): code is TheoryLevelCode {
  return levelInfo(code).takesTheoryExam;
}
