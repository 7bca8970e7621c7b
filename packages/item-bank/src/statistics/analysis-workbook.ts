import type ExcelJS from 'exceljs';
import { describeItemFlag, type AnalysisResult, type ItemStatistics } from '@skillexam/shared';

/*
 * The item analysis as an .xlsx workbook for exam centres: 试题分析 (one row per item),
 * 考试统计 (test statistics and the score histogram) and 干扰项分析 (one row per option of
 * each choice item). Numbers are stored as numbers (formatted, not rounded), flags as zh-CN
 * sentences. Undefined statistics are empty cells.
 */

type Cell = string | number | undefined;

const RATE = '0.0%';
const DECIMAL3 = '0.000';
const DECIMAL2 = '0.00';

function addSheet(
  workbook: ExcelJS.Workbook,
  name: string,
  columns: readonly { header: string; width: number; format?: string }[],
  rows: readonly (readonly Cell[])[],
): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((column) => ({
    header: column.header,
    width: column.width,
    ...(column.format === undefined ? {} : { style: { numFmt: column.format } }),
  }));
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) sheet.addRow(row.map((cell) => cell ?? null));
  return sheet;
}

function flagText(item: ItemStatistics): string | undefined {
  if (item.flags.length === 0) return undefined;
  return item.flags.map((flag) => describeItemFlag(flag, 'zh-CN')).join('；');
}

function itemRows(result: AnalysisResult): Cell[][] {
  return result.items.map((item) => [
    item.itemId,
    item.maxPoints,
    item.n,
    item.meanScore,
    item.facility,
    item.correctedPointBiserial,
    item.discriminationD,
    item.upperFacility,
    item.lowerFacility,
    item.moodleDiscriminationIndex,
    item.moodleDiscriminativeEfficiency,
    item.omitRate,
    flagText(item),
  ]);
}

function addItemSheet(workbook: ExcelJS.Workbook, result: AnalysisResult): void {
  addSheet(
    workbook,
    '试题分析',
    [
      { header: '题目编号', width: 16 },
      { header: '满分', width: 8 },
      { header: '人数', width: 8 },
      { header: '平均得分', width: 10, format: DECIMAL2 },
      { header: '难度（通过率 P）', width: 16, format: DECIMAL3 },
      { header: '区分度（校正点二列相关）', width: 22, format: DECIMAL3 },
      { header: '鉴别指数 D（高低分组 27%）', width: 24, format: DECIMAL3 },
      { header: '高分组通过率', width: 14, format: DECIMAL3 },
      { header: '低分组通过率', width: 14, format: DECIMAL3 },
      { header: 'Moodle 区分指数', width: 16, format: DECIMAL2 },
      { header: 'Moodle 区分效率', width: 16, format: DECIMAL2 },
      { header: '未作答率', width: 10, format: RATE },
      { header: '提示', width: 80 },
    ],
    itemRows(result),
  );
}

function addTestSheet(workbook: ExcelJS.Workbook, result: AnalysisResult): void {
  const test = result.test;
  const rows: Cell[][] = [
    ['考生人数', test.n],
    ['题目数', test.itemCount],
    ['试卷满分', test.maxTotal],
    ['平均分', test.mean],
    ['中位数', test.median],
    ['标准差（样本）', test.standardDeviation],
    ['偏度', test.skewness],
    ['峰度（超额）', test.kurtosis],
    ['最低分', test.min],
    ['最高分', test.max],
    ['信度 Cronbach α', test.cronbachAlpha],
    ['信度 KR-20（仅 0/1 计分）', test.kr20],
    ['测量标准误 SEM', test.standardErrorOfMeasurement],
    ['高/低分组人数（各）', test.groupSize],
    [],
    ['分数段', '人数'],
    ...test.histogram.map((bin, index): Cell[] => [
      `${formatEdge(bin.from)}–${formatEdge(bin.to)}${index === test.histogram.length - 1 ? '' : '（不含）'}`,
      bin.count,
    ]),
  ];
  const sheet = addSheet(
    workbook,
    '考试统计',
    [
      { header: '指标', width: 26 },
      { header: '数值', width: 14, format: '0.000' },
    ],
    rows,
  );
  sheet.getRow(rows.length - test.histogram.length).font = { bold: true };
}

function formatEdge(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(2);
}

function addDistractorSheet(workbook: ExcelJS.Workbook, result: AnalysisResult): void {
  const rows: Cell[][] = [];
  for (const item of result.items) {
    if (item.options === undefined) continue;
    for (const option of item.options) {
      const flagged = item.flags.some(
        (flag) => flag.code === 'distractor_favours_upper' && flag.option === option.option,
      );
      rows.push([
        item.itemId,
        option.option,
        option.isKey ? '是' : undefined,
        option.rate,
        option.upperRate,
        option.lowerRate,
        option.upperRate - option.lowerRate,
        flagged ? '干扰项被高分组选择更多' : undefined,
      ]);
    }
    rows.push([
      item.itemId,
      '未作答',
      undefined,
      item.omitRate,
      item.upperOmitRate,
      item.lowerOmitRate,
      item.upperOmitRate === undefined || item.lowerOmitRate === undefined
        ? undefined
        : item.upperOmitRate - item.lowerOmitRate,
    ]);
  }
  addSheet(
    workbook,
    '干扰项分析',
    [
      { header: '题目编号', width: 16 },
      { header: '选项', width: 8 },
      { header: '正确答案', width: 10 },
      { header: '选择率', width: 10, format: RATE },
      { header: '高分组选择率', width: 14, format: RATE },
      { header: '低分组选择率', width: 14, format: RATE },
      { header: '高低分组差', width: 12, format: RATE },
      { header: '提示', width: 28 },
    ],
    rows,
  );
}

/** Writes the three sheets and returns the .xlsx bytes. */
export async function analysisToWorkbook(result: AnalysisResult): Promise<Uint8Array> {
  // exceljs loads when a workbook is written, not with the statistics module (decision 0723).
  const { default: Excel }: { default: typeof ExcelJS } = await import('exceljs');
  const workbook = new Excel.Workbook();
  workbook.creator = 'SkillExam qbank';
  addItemSheet(workbook, result);
  addTestSheet(workbook, result);
  addDistractorSheet(workbook, result);
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer);
}
