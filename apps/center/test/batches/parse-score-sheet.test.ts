import { describe, expect, it } from 'vitest';
import { formatScoreSheetIssue, parseScoreSheet } from '../../src/batches/parse-score-sheet';
import { idNumberFor } from './support/centre-fixtures';

const A = idNumberFor(1);
const B = idNumberFor(2);
const C = idNumberFor(3);
const candidates = new Map([
  [A, '张三'],
  [B, '李四'],
  [C, '王五'],
]);

describe('parseScoreSheet', () => {
  it('detects headers as offices write them, below a title row', () => {
    const parsed = parseScoreSheet(
      [
        ['2026 年第一批实操成绩', '', ''],
        ['序号', '证件号码', '考生姓名', '技能成绩'],
        ['1', A, '张三', '85'],
        ['2', B.toLowerCase(), '李 四', '59.5'],
        ['3', C, '王五', '缺考'],
        ['', '', '', ''],
      ],
      { candidates, hasReview: false },
    );
    expect(parsed.issues).toEqual([]);
    expect(parsed.columns.idNumber).toEqual({ header: '证件号码', index: 1 });
    expect(parsed.rows).toEqual([
      { row: 3, idNumber: A, skills: 85 },
      { row: 4, idNumber: B, skills: 59.5 },
      { row: 5, idNumber: C, skills: null },
    ]);
  });

  it('takes an explicit mapping by header or column letter over detection', () => {
    const parsed = parseScoreSheet(
      [
        ['身份证号', '实操', '第二次实操', '综合评审'],
        [A, '10', '70', '88'],
      ],
      { candidates, hasReview: true, mapping: { skills: 'C', review: '综合评审' } },
    );
    expect(parsed.issues).toEqual([]);
    expect(parsed.rows).toEqual([{ row: 2, idNumber: A, skills: 70, review: 88 }]);
  });

  it('reports every problem with row, column and what was expected, and keeps no row', () => {
    const parsed = parseScoreSheet(
      [
        ['身份证号', '姓名', '实操成绩'],
        [A, '张三', '101'],
        [idNumberFor(9), '赵六', '80'],
        [A, '张三', '80'],
        ['110101199001011235', '钱七', '80'],
        [B, '李五', ''],
        ['4.40101E+17', '孙八', '7.125'],
      ],
      { candidates, hasReview: false },
    );
    expect(parsed.rows).toEqual([]);
    expect(parsed.issues.map((issue) => formatScoreSheetIssue('s.xlsx', issue))).toEqual([
      's.xlsx 第 2 行 实操成绩（C 列）：“101”应为 0–100 的分数，最多两位小数 (expected a score 0–100, at most 2 decimals)',
      `s.xlsx 第 3 行 身份证号（A 列）：身份证号“${idNumberFor(9)}”不在本批次的考生中 (unknown ID number)`,
      `s.xlsx 第 4 行 身份证号（A 列）：身份证号“${A}”与第 2 行重复 (duplicate of row 2)`,
      's.xlsx 第 5 行 身份证号（A 列）：“110101199001011235”不是有效的 18 位身份证号 (invalid ID number)',
      's.xlsx 第 6 行 姓名（B 列）：姓名“李五”与本批次中该身份证号的考生“李四”不一致 (name does not match)',
      's.xlsx 第 6 行 实操成绩（C 列）：缺少成绩；缺考请填写“缺考” (score missing; write 缺考 for absent)',
      's.xlsx 第 7 行 身份证号（A 列）：“4.40101E+17”不是有效的 18 位身份证号；Excel 可能把它存成了数字，请将该列设为文本 (invalid ID number)',
      's.xlsx 第 7 行 实操成绩（C 列）：“7.125”应为 0–100 的分数，最多两位小数 (expected a score 0–100, at most 2 decimals)',
    ]);
  });

  it('refuses a sheet without an ID column, without a score column, or with a review column for a low level', () => {
    const noId = parseScoreSheet([['姓名', '实操成绩']], { candidates, hasReview: false });
    expect(noId.issues[0]?.reason).toMatch(/没有找到身份证号列/);
    const noScore = parseScoreSheet(
      [
        ['身份证号', '姓名'],
        [A, '张三'],
      ],
      { candidates, hasReview: false },
    );
    expect(noScore.issues[0]?.reason).toMatch(/没有成绩列/);
    const review = parseScoreSheet(
      [
        ['身份证号', '实操成绩', '综合评审成绩'],
        [A, '60', '70'],
      ],
      {
        candidates,
        hasReview: false,
      },
    );
    expect(formatScoreSheetIssue('s.csv', review.issues[0]!)).toMatch(
      /^s\.csv 第 1 行 综合评审成绩（C 列）：本批次的等级没有综合评审/,
    );
    const badMapping = parseScoreSheet([['身份证号', '实操成绩']], {
      candidates,
      hasReview: false,
      mapping: { skills: '操作分' },
    });
    expect(badMapping.issues[0]?.reason).toMatch(/指定的实操成绩列“操作分”不在表头中/);
    const empty = parseScoreSheet([['身份证号', '实操成绩']], { candidates, hasReview: false });
    expect(empty.issues[0]?.reason).toMatch(/没有考生行/);
  });
});
