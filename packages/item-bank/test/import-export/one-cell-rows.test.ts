import { toPlainText } from '@skillexam/shared';
import { describe, expect, it } from 'vitest';
import { parseItemFile } from '../../src/import-export/index';
import type { ColumnMapping } from '../../src/import-export/item-file-types';
import { makeXlsx } from './support/make-sheet';

/*
 * Row by row rules of the one-cell layout: 判断 keys read through their options, refusals that
 * name the row, header detection and column mapping by letter or header text.
 */

const csv = (lines: readonly string[], mapping?: ColumnMapping) =>
  parseItemFile(new TextEncoder().encode(`${lines.join('\r\n')}\r\n`), {
    fileName: 'bank.csv',
    ...(mapping === undefined ? {} : { mapping }),
  });

const HEADER = '试题类型,题目内容,题目选项,题目答案,难度,等级';

describe('判断 keys in the one-cell layout', () => {
  it('reads a letter key through its option text, whichever order the options have', async () => {
    const file = await csv([
      HEADER,
      '判断题,电气设备的金属外壳应可靠接地。,A、正确 B、错误,A,2,5',
      '判断题,熔断器主要起过载保护作用。,A、正确 B、错误,B,2,5',
      '判断题,漏电保护器应定期试跳。,A.错误 B.正确,B,2,5',
      '判断题,可以带电测量电阻。,A.错误 B.正确,A,2,5',
    ]);
    expect(file.issues).toEqual([]);
    expect(file.items.map((item) => [item.content.type, item.content.key])).toEqual([
      ['true_false', true],
      ['true_false', false],
      ['true_false', true],
      ['true_false', false],
    ]);
  });

  it('infers 判断 from the options 正确/错误 without a 题型 column; a row typed 单选 stays 单选', async () => {
    const file = await csv([
      '题目内容,题目选项,题目答案,难度,等级',
      '雷雨天可以进行倒闸操作。,A.错误 B.正确,A,2,5',
    ]);
    expect(file.issues).toEqual([
      expect.objectContaining({
        severity: 'warning',
        field: '题型',
        reason: expect.stringContaining('按内容推断为：判断 1 题'),
      }),
    ]);
    expect(file.items.map((item) => [item.content.type, item.content.key])).toEqual([
      ['true_false', false],
    ]);
    const typed = await csv([HEADER, '单选题,雷雨天可以进行倒闸操作。,A.错误 B.正确,A,2,5']);
    expect(typed.items.map((item) => [item.content.type, item.content.key])).toEqual([
      ['single_choice', 'A'],
    ]);
  });

  it('refuses a letter key without option texts, asking for 对/错, never A = 正确', async () => {
    const file = await csv([HEADER, '判断题,接地线应先接导体端。,,A,2,5', '判断题,同上。,,B,2,5']);
    expect(file.items).toEqual([]);
    expect(file.issues).toEqual([
      expect.objectContaining({
        row: 2,
        field: '答案（D列）',
        reason: expect.stringMatching(/“A”是选项字母.*对\/错/),
      }),
      expect.objectContaining({ row: 3, field: '答案（D列）' }),
    ]);
  });

  it('accepts every 判断 spelling: 对/错, √/×, 正确/错误, T/F, Y/N', async () => {
    const keys = ['对', '错', '√', '×', '正确', '错误', 'T', 'F', 'y', 'n'];
    const file = await csv([HEADER, ...keys.map((key, i) => `判断,第${i}个判断题。,,${key},2,5`)]);
    expect(file.issues).toEqual([]);
    expect(file.items.map((item) => item.content.key)).toEqual([
      true,
      false,
      true,
      false,
      true,
      false,
      true,
      false,
      true,
      false,
    ]);
  });
});

describe('choice rows in the one-cell layout', () => {
  it('accepts keys as ABD, A,B,D, A、B、D, A B D, full-width and lower case', async () => {
    const options = '"A.短路B.过载C.接触不良D.散热不良"';
    const keys = ['ABD', '"A,B,D"', 'A、B、D', 'A B D', 'ＡＢＤ', 'abd'];
    const file = await csv([
      HEADER,
      ...keys.map((key, i) => `多选题,电气火灾的原因之${i}有（ ）。,${options},${key},3,4`),
    ]);
    expect(file.issues).toEqual([]);
    expect(file.items.map((item) => item.content.key)).toEqual(keys.map(() => ['A', 'B', 'D']));
  });

  it('refuses an option cell it cannot split unambiguously, naming the row and both readings', async () => {
    const file = await csv([
      HEADER,
      '单选题,接线方式为（ ）。,A.甲B.乙C.丙C.丁,C,3,4',
      '单选题,熔断器的符号是（ ）。,熔断器FU,A,3,4',
    ]);
    expect(file.items).toEqual([]);
    expect(file.issues).toEqual([
      expect.objectContaining({
        row: 2,
        field: '选项（C列）',
        reason: expect.stringMatching(/歧义.*C“丙C\.丁”/),
      }),
      expect.objectContaining({
        row: 3,
        field: '选项（C列）',
        reason: expect.stringMatching(/无法从选项单元格“熔断器FU”中拆分出选项/),
      }),
    ]);
  });

  it('never lets a key name an option that is not in the cell', async () => {
    const file = await csv([HEADER, '单选题,交流接触器的符号是（ ）。,A.KAB.KMC.KT,D,3,4']);
    expect(file.items).toEqual([]);
    expect(file.issues).toEqual([
      expect.objectContaining({ row: 2, reason: expect.stringMatching(/选项 D 不存在.*A、B、C/) }),
    ]);
  });

  it('removes stem numbering but keeps leading numbers that are content', async () => {
    const file = await csv([
      HEADER,
      '"判断题","572\t电焊机外壳应接地。","","√",2,5',
      '判断题,127、特种作业人员必须持证上岗。,,√,2,5',
      '判断题,220V 电压属于低压。,,√,2,5',
      '判断题,3.5 mm 焊条应用较大电流。,,√,2,5',
    ]);
    expect(file.items.map((item) => toPlainText(item.content.stem))).toEqual([
      '电焊机外壳应接地。',
      '特种作业人员必须持证上岗。',
      '220V 电压属于低压。',
      '3.5 mm 焊条应用较大电流。',
    ]);
  });
});

describe('header detection and mapping', () => {
  it('finds the header under a title row and ignores unknown columns such as 出题人', async () => {
    const bytes = await makeXlsx([
      ['2024年安全生产培训题库'],
      ['（本题库共 2 题）'],
      ['序号', '出题人', '题型', '题目', '选项', '正确答案', '难易程度', '等级'],
      ['1', '张工', '单选', '安全电压为（ ）V。', 'A.36B.220C.380', 'A', '易', '五级'],
      ['2', '李工', '判断', '接地线可以缠绕连接。', '', '×', '易', '五级'],
    ]);
    const file = await parseItemFile(bytes, { fileName: 'anquan.xlsx' });
    expect(file.issues).toEqual([]);
    expect(file.items.map((item) => [item.row, item.content.type, item.content.key])).toEqual([
      [4, 'single_choice', 'A'],
      [5, 'true_false', false],
    ]);
  });

  it('says which column is missing when the header has no 答案 column', async () => {
    const file = await csv(['题型,题干,选项,出题人', '单选,题一,A.甲 B.乙,张工']);
    expect(file.issues).toEqual([
      expect.objectContaining({
        row: 1,
        severity: 'error',
        reason: expect.stringMatching(/没有答案列.*题目答案.*未识别的列：出题人/),
      }),
    ]);
  });

  const UNKNOWN_HEADER = ['编码,问,备选,对的是', 'S1,安全电压为（ ）V。,A.36 B.220 C.380,A'];

  it('maps the one-cell options by column letter in a sheet without a header: 选项=C', async () => {
    const file = await csv(UNKNOWN_HEADER.slice(1), { 题干: 'B', 选项: 'C', 答案: 'D' });
    expect(file.issues.filter((issue) => issue.severity === 'error')).toEqual([]);
    expect(file.items.map((item) => [item.row, item.content.type, item.content.key])).toEqual([
      [1, 'single_choice', 'A'],
    ]);
  });

  it('maps by header text when the header is not recognised: options=备选', async () => {
    const file = await csv(UNKNOWN_HEADER, { stem: '问', options: '备选', key: '对的是' });
    expect(file.issues.filter((issue) => issue.severity === 'error')).toEqual([]);
    expect(file.items.map((item) => item.row)).toEqual([2]);
    const content = file.items[0]?.content;
    expect(content !== undefined && 'options' in content ? content.options.length : 0).toBe(3);
  });

  it('names the accepted fields in Chinese and English for an unknown mapping field', async () => {
    const file = await csv(UNKNOWN_HEADER, { 题干: 'B', 备注: 'C' });
    expect(file.issues).toEqual([
      expect.objectContaining({
        field: '列映射',
        reason: expect.stringMatching(/“备注”未知.*题干（stem）.*选项（options）/),
      }),
    ]);
  });
});
