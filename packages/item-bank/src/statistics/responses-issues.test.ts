import { describe, expect, it } from 'vitest';
import { columnLetter, formatResponsesIssue } from './responses-issues';

describe('columnLetter', () => {
  it('names columns as a spreadsheet does', () => {
    expect([0, 1, 25, 26, 27, 51, 52, 701, 702].map(columnLetter)).toEqual([
      'A',
      'B',
      'Z',
      'AA',
      'AB',
      'AZ',
      'BA',
      'ZZ',
      'AAA',
    ]);
  });
});

describe('formatResponsesIssue', () => {
  it('puts file, row and column before the reason, leaving out what is unknown', () => {
    expect(
      formatResponsesIssue({ file: 'a.csv', row: 3, column: 'Q1（B 列）', reason: '错' }),
    ).toBe('a.csv 第 3 行 Q1（B 列）：错');
    expect(formatResponsesIssue({ file: 'a.csv', reason: '编码错误' })).toBe('a.csv：编码错误');
  });
});
