import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { analyzeResponses, type ItemVersionRef } from '@skillexam/shared';
import {
  analysisToJson,
  analysisToWorkbook,
  formatResponsesIssue,
  parseResponsesCsv,
  toItemStatisticsUpdates,
  UnknownItemColumnsError,
} from '../../src/statistics/index';

/*
 * From a response file to the bank: parse → analyse → Excel/JSON → per-version updates.
 * The LSAT7 data (Bock & Lieberman 1970; psych::bock.table column Ob7, mirt::LSAT7), written as
 * a response CSV, must give psych::alpha's raw alpha 0.453 and facilities .828 .658 .772 .606 .843.
 */

const LSAT7: readonly (readonly [string, number])[] = [
  ['00000', 12], ['00001', 19], ['00010', 1], ['00011', 7], ['00100', 3], ['00101', 19],
  ['00110', 3], ['00111', 17], ['01000', 10], ['01001', 5], ['01010', 3], ['01011', 7],
  ['01100', 7], ['01101', 23], ['01110', 8], ['01111', 28], ['10000', 7], ['10001', 39],
  ['10010', 11], ['10011', 34], ['10100', 14], ['10101', 51], ['10110', 15], ['10111', 90],
  ['11000', 6], ['11001', 25], ['11010', 7], ['11011', 35], ['11100', 18], ['11101', 136],
  ['11110', 32], ['11111', 308],
]; // prettier-ignore

function lsat7Csv(): Uint8Array {
  const lines = ['准考证号,item1,item2,item3,item4,item5', '#满分,1,1,1,1,1'];
  let id = 0;
  for (const [pattern, frequency] of LSAT7) {
    for (let copy = 0; copy < frequency; copy += 1) {
      id += 1;
      lines.push([`L${String(id).padStart(4, '0')}`, ...pattern].join(','));
    }
  }
  return new TextEncoder().encode(`\ufeff${lines.join('\r\n')}\r\n`);
}

function parsed(bytes: Uint8Array, fileName: string) {
  const result = parseResponsesCsv(bytes, { fileName });
  if (!result.ok) throw new Error(result.issues.map(formatResponsesIssue).join('\n'));
  return result.matrix;
}

async function readWorkbook(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes.slice().buffer);
  return workbook;
}

describe('LSAT7 as a response file', () => {
  const result = analyzeResponses(parsed(lsat7Csv(), 'lsat7.csv'));

  it('reproduces the published figures', () => {
    expect(result.test.n).toBe(1000);
    expect(result.items.map((item) => item.facility)).toEqual([0.828, 0.658, 0.772, 0.606, 0.843]);
    expect(result.test.kr20?.toFixed(3)).toBe('0.453');
  });

  it('exports the three sheets with the statistics as numbers', async () => {
    const workbook = await readWorkbook(await analysisToWorkbook(result));
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
      '试题分析',
      '考试统计',
      '干扰项分析',
    ]);
    const items = workbook.getWorksheet('试题分析');
    expect(items?.getRow(1).getCell(5).value).toBe('难度（通过率 P）');
    expect(items?.getRow(2).getCell(1).value).toBe('item1');
    expect(items?.getRow(2).getCell(5).value).toBe(0.828);
    expect(items?.getRow(6).getCell(13).value).toMatch(/^区分度低：校正点二列相关 0\.175/);
    const test = workbook.getWorksheet('考试统计');
    const byLabel = new Map<string, unknown>();
    test?.eachRow((row) => byLabel.set(String(row.getCell(1).value), row.getCell(2).value));
    expect(Number(byLabel.get('信度 KR-20（仅 0/1 计分）')).toFixed(3)).toBe('0.453');
    expect(byLabel.get('考生人数')).toBe(1000);
    expect(byLabel.get('4.50–5')).toBe(308);
  });

  it('maps every column to its item version for the bank', () => {
    const versions = new Map<string, ItemVersionRef>(
      [1, 2, 3, 4, 5].map((i) => [`item${i}`, { itemId: `bank-item-${i}`, version: i }]),
    );
    const updates = toItemStatisticsUpdates(result, versions);
    expect(updates[0]).toEqual({
      itemId: 'bank-item-1',
      version: 1,
      facility: 0.828,
      discrimination: expect.closeTo(0.2457, 4),
      exposureIncrement: 1000,
      sampleSize: 1000,
      flags: [],
    });
    expect(updates[4]?.flags).toEqual(['discrimination_low']);
    versions.delete('item3');
    expect(() => toItemStatisticsUpdates(result, versions)).toThrow(UnknownItemColumnsError);
    expect(() => toItemStatisticsUpdates(result, versions)).toThrow(/找不到对应的试题版本：item3/);
  });

  it('exports JSON with plain arrays that survive a round trip', () => {
    const json = JSON.parse(JSON.stringify(analysisToJson(result))) as ReturnType<
      typeof analysisToJson
    >;
    expect(json.format).toBe('item-analysis');
    expect(json.candidates).toHaveLength(1000);
    expect(json.candidates[0]).toEqual({ id: 'L0001', total: 0 });
    expect(json.items[4]?.flags[0]?.code).toBe('discrimination_low');
    expect(json.test.cronbachAlpha).toBeCloseTo(0.4534, 4);
  });
});

describe('a chosen-options file with a misleading distractor', () => {
  // S1 key B; the three strongest candidates (by the anchor item) pick C twice and B once,
  // the three weakest pick A, D and B.
  const csv = [
    '考生,S1,anchor',
    '#答案,B,',
    '#满分,1,10',
    'k1,C,10',
    'k2,B,9',
    'k3,C,8',
    'k4,A,2',
    'k5,D,1',
    'k6,B,0',
  ].join('\n');
  const result = analyzeResponses(parsed(new TextEncoder().encode(csv), 'mc.csv'), {
    groupFraction: 0.5,
  });

  it('flags distractor C and lists every option in the distractor sheet', async () => {
    expect(result.items[0]?.flags.map((flag) => [flag.code, flag.option])).toContainEqual([
      'distractor_favours_upper',
      'C',
    ]);
    const workbook = await readWorkbook(await analysisToWorkbook(result));
    const sheet = workbook.getWorksheet('干扰项分析');
    const rows: unknown[][] = [];
    sheet?.eachRow((row, index) => {
      if (index > 1) rows.push([1, 2, 3, 4, 5, 6, 8].map((cell) => row.getCell(cell).value));
    });
    expect(rows).toEqual([
      ['S1', 'A', null, 1 / 6, 0, 1 / 3, null],
      ['S1', 'B', '是', 1 / 3, 1 / 3, 1 / 3, null],
      ['S1', 'C', null, 1 / 3, 2 / 3, 0, '干扰项被高分组选择更多'],
      ['S1', 'D', null, 1 / 6, 0, 1 / 3, null],
      ['S1', '未作答', null, 0, 0, 0, null],
    ]);
  });
});
