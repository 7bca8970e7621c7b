import { describe, expect, it } from 'vitest';
import { columnLetter, guessMapping } from './import-mapping';

const FIELDS = [
  { field: 'type', header: '题型' },
  { field: 'stem', header: '题干' },
  { field: 'optionA', header: '选项A' },
  { field: 'key', header: '答案' },
  { field: 'pointCode', header: '鉴定点代码' },
  { field: 'difficulty', header: '难度' },
];

describe('import column mapping', () => {
  it('maps template headers and common aliases, ignoring spaces, colons and asterisks', () => {
    expect(
      guessMapping(['试题类型', ' 试题内容 ', 'A', '正确答案：', '*鉴定点', '备注'], FIELDS),
    ).toEqual({
      type: '试题类型',
      stem: ' 试题内容 ',
      optionA: 'A',
      key: '正确答案：',
      pointCode: '*鉴定点',
    });
  });

  it('maps the one-cell layout of real banks: 题目选项 → options, 题目答案 → key, 作业种类 → category', () => {
    const fields = [
      ...FIELDS,
      { field: 'options', header: '选项' },
      { field: 'category', header: '分类' },
    ];
    expect(
      guessMapping(['作业种类', '试题类型', '题目内容', '题目选项', '题目答案'], fields),
    ).toEqual({
      type: '试题类型',
      stem: '题目内容',
      key: '题目答案',
      options: '题目选项',
      category: '作业种类',
    });
  });

  it('maps nothing from unrelated headers', () => {
    expect(guessMapping(['列1', '列2', ''], FIELDS)).toEqual({});
  });

  it('names columns like a spreadsheet', () => {
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
