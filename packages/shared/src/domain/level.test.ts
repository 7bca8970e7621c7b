import { describe, expect, it } from 'vitest';
import {
  compareLevels,
  isTheoryLevel,
  LEVELS,
  LevelCodeSchema,
  levelInfo,
  levelRank,
  outranks,
  THEORY_LEVEL_CODES,
  TheoryLevelCodeSchema,
  type LevelCode,
} from './level';

describe('levels', () => {
  it('runs backwards: level 1 outranks level 5', () => {
    expect(outranks(1, 5)).toBe(true);
    expect(outranks(5, 1)).toBe(false);
    expect(levelRank(1)).toBeGreaterThan(levelRank(2));
  });

  it('sorts the eight-level ladder from 学徒工 to 首席技师', () => {
    const shuffled: LevelCode[] = [
      1,
      'chief_technician',
      5,
      'apprentice',
      3,
      'special_technician',
      2,
      4,
    ];
    expect([...shuffled].sort(compareLevels)).toEqual([
      'apprentice',
      5,
      4,
      3,
      2,
      1,
      'special_technician',
      'chief_technician',
    ]);
  });

  it('names each level in Chinese, legacy Chinese and English', () => {
    expect(levelInfo(5)).toMatchObject({
      zhName: '五级/初级工',
      legacyName: '初级（国家职业资格五级）',
    });
    expect(levelInfo(1).zhName).toBe('一级/高级技师');
    expect(levelInfo('chief_technician').zhName).toBe('首席技师');
    expect(LEVELS.every((level) => level.enName.length > 0)).toBe(true);
  });

  it('marks exactly the five standard levels as taking the theory exam', () => {
    const theory = LEVELS.filter((level) => level.takesTheoryExam).map((level) => level.code);
    expect(theory).toEqual([...THEORY_LEVEL_CODES]);
    expect(isTheoryLevel(3)).toBe(true);
    expect(isTheoryLevel('special_technician')).toBe(false);
  });

  it('validates codes', () => {
    expect(TheoryLevelCodeSchema.safeParse(3).success).toBe(true);
    expect(TheoryLevelCodeSchema.safeParse(6).success).toBe(false);
    expect(TheoryLevelCodeSchema.safeParse('3').success).toBe(false);
    expect(TheoryLevelCodeSchema.safeParse('apprentice').success).toBe(false);
    expect(LevelCodeSchema.safeParse('apprentice').success).toBe(true);
  });
});
