import { describe, expect, it } from 'vitest';
import { OccupationCodeSchema, OccupationSchema } from './occupation';

describe('OccupationCodeSchema', () => {
  it.each(['6-31-01-03', '4-04-05-05', '2-02-10-09'])('accepts %s', (code) => {
    expect(OccupationCodeSchema.safeParse(code).success).toBe(true);
  });

  it.each(['6-31-1-03', '63101 03', '6-31-01-03-01', '10-31-01-03', ''])('rejects %j', (code) => {
    expect(OccupationCodeSchema.safeParse(code).success).toBe(false);
  });
});

describe('OccupationSchema', () => {
  it('parses an occupation with 工种 and defaults the list to empty', () => {
    const trainer = OccupationSchema.parse({
      code: '4-04-05-05',
      name: '人工智能训练师',
      edition: 2022,
      subTrades: [{ name: '数据标注员' }, { code: '4-04-05-05-02', name: '人工智能算法测试员' }],
    });
    expect(trainer.subTrades).toHaveLength(2);
    expect(
      OccupationSchema.parse({ code: '6-31-01-03', name: '电工', edition: 2015 }).subTrades,
    ).toEqual([]);
  });

  it('rejects an unknown 大典 edition and duplicate 工种', () => {
    expect(
      OccupationSchema.safeParse({ code: '6-31-01-03', name: '电工', edition: 1999 }).success,
    ).toBe(false);
    const result = OccupationSchema.safeParse({
      code: '6-31-01-03',
      name: '电工',
      edition: 2022,
      subTrades: [{ name: '维修电工' }, { name: '维修电工' }],
    });
    expect(result.error?.issues[0]?.message).toContain('维修电工');
  });
});
