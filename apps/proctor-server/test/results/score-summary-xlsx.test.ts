import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { writeScoreSummaryXlsx } from '../../src/results/score-summary-xlsx';
import { keys, results, session } from './results-fixture';

describe('writeScoreSummaryXlsx (成绩汇总表)', () => {
  it('writes a titled, frozen, sorted table with section points, totals, pass and status', async () => {
    const bytes = await writeScoreSummaryXlsx({
      session,
      sectionTitles: keys.sections.map((s) => s.title),
      results,
      generatedAt: new Date('2026-06-01T04:00:00Z'),
    });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('成绩汇总表');
    expect(sheet).toBeDefined();
    if (sheet === undefined) return;
    expect(sheet.getCell('A1').value).toBe('电工（三级）理论知识考试 成绩汇总表');
    expect(sheet.getCell('A1').isMerged).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
    const header = (sheet.getRow(3).values as unknown[]).slice(1);
    expect(header).toEqual([
      '序号',
      '准考证号',
      '姓名',
      '身份证号',
      '考场',
      '座位号',
      '一、判断题',
      '二、单选题',
      '三、多选题',
      '四、填空题',
      '五、简答题',
      '总分',
      '是否合格',
      '状态',
    ]);
    const row = (n: number) => (sheet.getRow(n).values as unknown[]).slice(1);
    // Sorted by room and seat: 张三 (seat 1) first.
    expect(row(4)).toEqual([
      1,
      '2026DG0001',
      '张三',
      '110101********1234',
      '第01考场',
      1,
      4,
      4,
      4,
      4,
      5,
      21,
      '合格',
      '正常',
    ]);
    expect(row(5)).toEqual([
      2,
      '2026DG0002',
      '李四',
      '110101********1234',
      '第01考场',
      2,
      2,
      2,
      0,
      0,
      2,
      6,
      '不合格',
      '正常',
    ]);
    expect(row(6).slice(-3)).toEqual([2, '不合格', '正常']);
    expect(row(9).slice(-3)).toEqual([12, '待评', '正常']);
    expect(row(7).slice(1, 3)).toEqual(['2026DG0004', '赵六']);
    expect(row(7).slice(-3)).toEqual([undefined, '—', '缺考']);
    expect(row(8).slice(-3)).toEqual([undefined, '—', '作废']);
    expect(sheet.getRow(4).getCell(12).numFmt).toBe('0.00');
    expect(sheet.rowCount).toBe(9);
  });
});
