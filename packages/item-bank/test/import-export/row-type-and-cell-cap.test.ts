import { describe, expect, it } from 'vitest';
import { parseItemFile } from '../../src/import-export/index';
import { makeXlsx } from './support/make-sheet';

/*
 * Table layouts (docs/decisions/0601): without a 题型 column a key of
 * 1/0/是/否/Y/N/X does not turn a question into a 判断, and every inferred type is named in a
 * warning; an over-long cell rejects its row with file, row and field instead of being split.
 */

const csv = (lines: readonly string[]) =>
  parseItemFile(new TextEncoder().encode(`${lines.join('\r\n')}\r\n`), { fileName: 'bank.csv' });

describe('type inference without a 题型 column', () => {
  it('infers 判断 only from 对/错, √/×, 正确/错误 and TRUE/FALSE, not from 1/0/是/否/Y/N/X', async () => {
    const file = await csv([
      '题目,答案',
      '三相四线制中性线的根数为多少根,1',
      '绝缘电阻表测量前指针应指向多少,0',
      '电气设备外壳是否需要接地,是',
      '安全电压是否可以取 50 V,否',
      '安全电压的英文缩写首字母,Y',
      '三相电源星形连接的中性点符号,N',
      '电抗的符号,X',
    ]);
    expect(file.items.map((item) => item.content.type)).toEqual(
      Array.from({ length: 7 }, () => 'short_answer'),
    );
    const keys = ['对', '错', '√', '×', '✓', '✗', '正确', '错误', 'TRUE', 'false'];
    const words = await csv([
      '题目,答案',
      ...keys.map((key, i) => `第${i + 1}题：电气设备的金属外壳应可靠接地,${key}`),
    ]);
    expect(words.items.map((item) => [item.content.type, item.content.key])).toEqual(
      keys.map((_, i) => ['true_false', i % 2 === 0]),
    );
  });

  it('says once which types were inferred when the file has no 题型 column', async () => {
    const file = await csv([
      '题目内容,题目选项,题目答案',
      '电动机制动迅速、停车准确的场合应选用（ ）。,A.电磁抱闸制动器B.熔断器C.指示灯D.速度继电器,A',
      '下列属于低压控制电器的有（ ）。,A.交流接触器B.热继电器C.按钮D.电力变压器,ABC',
      'PE 线上允许装设熔断器。,,×',
      '三相异步电动机的转差率 s 的范围是____。,,0<s≤1',
      '简述停电检修的安全技术措施。,,停电、验电、装设接地线、悬挂标示牌和装设遮栏',
    ]);
    expect(file.items.map((item) => item.content.type)).toEqual([
      'single_choice',
      'multiple_choice',
      'true_false',
      'fill_blank',
      'short_answer',
    ]);
    const notes = file.issues.filter((issue) => issue.field === '题型');
    expect(notes.map((issue) => [issue.row, issue.severity, issue.reason])).toEqual([
      [
        undefined,
        'warning',
        expect.stringContaining('单选 1 题、多选 1 题、判断 1 题、填空 1 题、简答 1 题'),
      ],
    ]);
  });
});

describe('over-long cells', () => {
  const hugeOptions = `A.x${'B.x'.repeat(32000)}`;

  it('rejects a CSV row whose option cell exceeds 20,000 characters, naming the field', async () => {
    const file = await csv([
      '题型,题干,选项,答案',
      `单选,接地装置的接地电阻应定期测量（ ）。,"${hugeOptions}",A`,
      '判断,电气设备的金属外壳应可靠接地。,,√',
    ]);
    expect(file.items.map((item) => item.row)).toEqual([3]);
    expect(file.issues.filter((issue) => issue.severity === 'error')).toEqual([
      expect.objectContaining({
        file: 'bank.csv',
        row: 2,
        field: '选项（C列）',
        severity: 'error',
        reason: expect.stringMatching(/96003 个字符.*20000/),
      }),
    ]);
  });

  it('rejects an xlsx row whose stem cell exceeds 20,000 characters', async () => {
    const bytes = await makeXlsx([
      ['题型', '题干', '选项A', '选项B', '答案'],
      ['单选', `安全生产${'的'.repeat(20001)}`, '正确', '错误', 'A'],
      ['单选', '我国工频交流电的频率为（ ）Hz。', '50', '60', 'A'],
    ]);
    const file = await parseItemFile(bytes, { fileName: 'bank.xlsx' });
    expect(file.items.map((item) => item.row)).toEqual([3]);
    expect(file.issues.filter((issue) => issue.severity === 'error')).toEqual([
      expect.objectContaining({
        row: 2,
        field: '题干（B列）',
        severity: 'error',
        reason: expect.stringMatching(/20005 个字符.*20000/),
      }),
    ]);
  });
});
