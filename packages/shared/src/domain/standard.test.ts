import { describe, expect, it } from 'vitest';
import { StandardSchema } from './standard';

const electrician = {
  occupationCode: '6-31-01-03',
  version: '2018',
  title: '电工国家职业技能标准（2018年版）',
  documentNumber: '人社厅发〔2018〕145号',
  levels: [5, 4, 3, 2, 1],
};

describe('StandardSchema', () => {
  it('parses the 电工 standard with an empty weight list by default', () => {
    const standard = StandardSchema.parse(electrician);
    expect(standard.documentNumber).toBe('人社厅发〔2018〕145号');
    expect(standard.theoryWeights).toEqual([]);
  });

  it('rejects a malformed version, duplicate levels and no levels', () => {
    expect(StandardSchema.safeParse({ ...electrician, version: '2018版' }).success).toBe(false);
    expect(StandardSchema.safeParse({ ...electrician, levels: [] }).success).toBe(false);
    expect(
      StandardSchema.safeParse({ ...electrician, levels: [5, 5] }).error?.issues[0]?.message,
    ).toBe('Level 5 is listed twice');
  });

  it('checks weight tables against the levels offered', () => {
    const table = { level: 2, weights: { A: 20, B: 80 } };
    const result = StandardSchema.safeParse({
      ...electrician,
      levels: [5, 4, 3],
      theoryWeights: [table, table],
    });
    const messages = result.error?.issues.map((issue) => issue.message);
    expect(messages).toContain('Level 2 has more than one 理论知识权重表');
    expect(messages).toContain('理论知识权重表 for level 2, which the standard does not offer');
  });
});
