import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { parseResponsesCsv } from './responses-csv';
import { formatResponsesIssue } from './responses-issues';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

function parseOk(text: string, options: Partial<Parameters<typeof parseResponsesCsv>[1]> = {}) {
  const parsed = parseResponsesCsv(utf8(text), { fileName: 'r.csv', ...options });
  if (!parsed.ok) throw new Error(parsed.issues.map(formatResponsesIssue).join('\n'));
  return parsed.matrix;
}

function issuesOf(
  text: string | Uint8Array,
  options: Partial<Parameters<typeof parseResponsesCsv>[1]> = {},
) {
  const parsed = parseResponsesCsv(typeof text === 'string' ? utf8(text) : text, {
    fileName: 'r.csv',
    ...options,
  });
  if (parsed.ok) throw new Error('expected the file to be refused');
  return parsed.issues.map(formatResponsesIssue);
}

describe('parseResponsesCsv: scores', () => {
  it('reads one row per candidate with scores, empty cells omitted', () => {
    const matrix = parseOk('准考证号,Q1,Q2,Q3\n#满分,1,2,5\nA001,1,1.5,5\nA002,0,,3\n\n');
    expect(matrix.candidateIds).toEqual(['A001', 'A002']);
    expect(matrix.items.map((item) => [item.id, item.maxPoints])).toEqual([
      ['Q1', 1],
      ['Q2', 2],
      ['Q3', 5],
    ]);
    expect([...matrix.scores]).toEqual([1, 1.5, 5, 0, 0, 3]);
    expect([...matrix.omitted]).toEqual([0, 0, 0, 0, 1, 0]);
    expect(matrix.choices).toBeUndefined();
  });

  it('takes max points from the option map and defaults 0/1 columns to 1', () => {
    const matrix = parseOk('id,Q1,Q2\nx,1,4\ny,0,2\n', { maxPoints: { Q2: 4 } });
    expect(matrix.items.map((item) => item.maxPoints)).toEqual([1, 4]);
  });

  it('reads a GBK file from Chinese Excel', () => {
    const bytes = new Uint8Array(iconv.encode('考生,第1题,第2题\n#满分,1,1\n张三,1,0\n', 'gbk'));
    const parsed = parseResponsesCsv(bytes, { fileName: 'g.csv' });
    expect(parsed.ok && parsed.encoding).toBe('gb18030');
    expect(parsed.ok && parsed.matrix.items.map((item) => item.id)).toEqual(['第1题', '第2题']);
    expect(parsed.ok && parsed.matrix.candidateIds).toEqual(['张三']);
  });
});

describe('parseResponsesCsv: chosen options', () => {
  it('scores letters against the #答案 row and keeps the choices', () => {
    const matrix = parseOk('考生,S1,M1\n#答案,B,AC\n#满分,1,2\nc1,B,AC\nc2,c,A\nc3,,a c\n');
    expect([...matrix.scores]).toEqual([1, 2, 0, 0, 0, 2]);
    expect([...matrix.omitted]).toEqual([0, 0, 0, 0, 1, 0]);
    // masks: B = 2, AC = 5, C = 4, A = 1
    expect([...(matrix.choices ?? [])]).toEqual([2, 5, 4, 1, 0, 5]);
    expect(matrix.items[0]).toEqual({
      id: 'S1',
      maxPoints: 1,
      key: ['B'],
      options: ['A', 'B', 'C', 'D'],
    });
    expect(matrix.items[1]?.options).toEqual(['A', 'B', 'C', 'D', 'E']);
  });

  it('gives partial credit for multiple choice when asked, as the paper scoring does', () => {
    // key ACD, 3 points: "AC" = 2 of 3 keys, no wrong option → 3·2/3 = 2; "AB" has a wrong one → 0
    const matrix = parseOk('id,M\n#答案,ACD\n#满分,3\nx,AC\ny,AB\nz,ACD\n', {
      multipleChoiceScoring: 'partial',
    });
    expect([...matrix.scores]).toEqual([2, 0, 3]);
  });

  it('takes keys from the option map and offered options from #选项', () => {
    const matrix = parseOk('id,T1,S2\n#选项,AB,ABCDEF\nx,A,F\ny,B,A\n', {
      keys: { T1: 'A', S2: 'F' },
    });
    expect(matrix.items.map((item) => item.options?.join(''))).toEqual(['AB', 'ABCDEF']);
    expect([...matrix.scores]).toEqual([1, 1, 0, 0]);
  });

  it('widens the default options to the highest letter chosen', () => {
    const matrix = parseOk('id,S\n#答案,A\nx,E\ny,A\n');
    expect(matrix.items[0]?.options).toEqual(['A', 'B', 'C', 'D', 'E']);
  });
});

describe('parseResponsesCsv: errors name the file, row, column and what was expected', () => {
  it('refuses a score above the maximum and a non-number', () => {
    expect(issuesOf('id,Q1,Q2\n#满分,1,2\nx,1,3\ny,abc1,0\n')).toEqual([
      'r.csv 第 3 行 Q2（C 列）：分数 3 超过本题满分 2',
      'r.csv 第 4 行 Q1（B 列）：应为分数（不小于 0 的数），实际为“abc1”',
    ]);
  });

  it('refuses letters without a key, and a score above 1 without a maximum', () => {
    expect(issuesOf('id,Q1,Q2\nx,B,3\n')).toEqual([
      'r.csv 第 1 行 Q2（C 列）：缺少满分：出现分数 3，请在 #满分 行给出本题满分',
      'r.csv 第 2 行 Q1（B 列）：“B”是选项字母，但本题没有答案：请加 #答案 行或提供答案',
    ]);
  });

  it('refuses bad letters, options not offered, and bad meta cells', () => {
    expect(issuesOf('id,S\n#答案,B\n#选项,ABC\nx,AA\ny,D\n')).toEqual([
      'r.csv 第 4 行 S（B 列）：应为选项字母 A–F（如 B 或 AC），实际为“AA”',
      'r.csv 第 5 行 S（B 列）：选项 D 不在本题的选项 ABC 中',
    ]);
    expect(issuesOf('id,S,T\n#答案,G,\n#满分,1,0\nx,1,1\n')).toEqual([
      'r.csv 第 2 行 S（B 列）：应为选项字母 A–F（如 B 或 AC），实际为“G”',
      'r.csv 第 3 行 T（C 列）：满分应为大于 0 的数，实际为“0”',
    ]);
  });

  it('refuses an unknown # row and a key outside the offered options', () => {
    expect(issuesOf('id,S\n#备注,x\n#答案,E\n#选项,ABCD\nx,A\n')).toEqual([
      'r.csv 第 1 行 S（B 列）：答案 E 不在 #选项 行列出的选项 ABCD 中',
      'r.csv 第 2 行 id（A 列）：未知的说明行“#备注”：可用 #答案、#满分、#选项、#考试、#场次、#日期',
    ]);
  });

  it('refuses duplicate or empty ids and rows of the wrong width', () => {
    expect(issuesOf('id,Q1,Q1,\nx,1,1,1\nx,1,1\n,0,0,0,5\n')).toEqual([
      'r.csv 第 1 行 Q1（C 列）：题目编号“Q1”重复',
      'r.csv 第 1 行 （D 列）：表头的题目编号为空',
      'r.csv 第 3 行 id（A 列）：考生编号“x”重复',
      'r.csv 第 3 行：本行只有 3 列，应有 4 列（空白作答也要保留逗号）',
      'r.csv 第 4 行：本行有 5 列，多于表头的 4 列',
      'r.csv 第 4 行 id（A 列）：考生编号为空',
    ]);
  });

  it('refuses a file without candidates, a broken quote and an undecodable file', () => {
    expect(issuesOf('id,Q1\n#满分,1\n')).toEqual(['r.csv 第 2 行：文件中没有考生作答行']);
    expect(issuesOf('id,Q1\n"x,1\n')[0]).toMatch(/^r\.csv 第 \d 行：CSV 格式错误：引号没有闭合/);
    expect(issuesOf(Uint8Array.of(0x69, 0x64, 0x2c, 0xff, 0xff, 0x00))[0]).toMatch(
      /无法识别文件编码/,
    );
  });
});
