import { describe, expect, it } from 'vitest';
import { parseItemFile } from '../../src/import-export/index';
import type { TableRow } from '../../src/import-export/row-to-item';
import { applyMerges, MergeScanner } from '../../src/import-export/xlsx-merges';
import { sheetRows } from '../../src/import-export/xlsx-sheet-rows';
import { ELECTRICIAN_ROWS, handXlsx, inlineCell, rowsXml } from './support/hand-xlsx';
import { parseInChild } from './support/parse-in-child';

/*
 * Hostile .xlsx files of about 1 KB that used to take the process down (an array padded to a
 * cell reference in column ZZZZZZ, a merge range filling 100 million rows, a picture anchored
 * in column 1e9): each is refused as a damaged sheet, naming the reference. The crashing ones
 * are parsed in a child process with a small heap and a time bound.
 */

const BANK = rowsXml(ELECTRICIAN_ROWS);
const context = { sharedStrings: [], dateStyles: [], date1904: false };
const sheetXml = (inner: string) =>
  new TextEncoder().encode(
    `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${inner}</sheetData></worksheet>`,
  );

function expectRefused(bytes: Uint8Array, reason: RegExp) {
  const child = parseInChild(bytes, '电工题库.xlsx');
  expect(child.stderr).not.toMatch(/heap out of memory|RangeError/);
  expect(child.status).toBe(0);
  const errors = child.result?.issues.filter((issue) => issue.severity === 'error') ?? [];
  expect(errors).toEqual([
    expect.objectContaining({ file: '电工题库.xlsx', reason: expect.stringMatching(reason) }),
  ]);
}

describe('xlsx cell references beyond Excel’s limits', () => {
  it(
    'refuses a cell in column ZZZZZZ, naming the cell, without padding 200 million cells',
    { timeout: 90_000 },
    () => {
      const hostile = handXlsx({
        sheetData: `${BANK}<row r="6">${inlineCell('A6', '单选')}${inlineCell('ZZZZZZ6', '熔断器')}</row>`,
      });
      expect(hostile.length).toBeLessThan(2048);
      expectRefused(hostile, /工作表“试题”损坏.*ZZZZZZ6.*XFD/);
    },
  );

  it('refuses a row number past 1,048,576 and a cell whose row is past it', async () => {
    const row = await parseItemFile(
      handXlsx({ sheetData: `${BANK}<row r="2000000">${inlineCell('A2000000', '判断')}</row>` }),
      { fileName: '电工题库.xlsx' },
    );
    expect(row.issues.filter((issue) => issue.severity === 'error')).toEqual([
      expect.objectContaining({ reason: expect.stringMatching(/第 2000000 行.*1048576/) }),
    ]);
    const cell = await parseItemFile(
      handXlsx({ sheetData: `${BANK}<row r="6">${inlineCell('B1048577', '接地')}</row>` }),
      { fileName: '电工题库.xlsx' },
    );
    expect(cell.issues.filter((issue) => issue.severity === 'error')).toEqual([
      expect.objectContaining({ reason: expect.stringMatching(/B1048577.*1048576/) }),
    ]);
  });

  it('refuses a row of more than 16384 cells (cells without a reference)', async () => {
    const cells = Array.from({ length: 16_385 }, () => '<c t="inlineStr"><is><t>错</t></is></c>');
    const file = await parseItemFile(
      handXlsx({ sheetData: `${BANK}<row r="6">${cells.join('')}</row>` }),
      { fileName: '电工题库.xlsx' },
    );
    expect(file.issues.filter((issue) => issue.severity === 'error')).toEqual([
      expect.objectContaining({ reason: expect.stringMatching(/第 6 行.*16384/) }),
    ]);
  });

  it('does not pad trailing empty cells: an empty styled cell in XFD adds nothing', () => {
    const rows = [
      ...sheetRows(
        [
          sheetXml(
            `<row r="1">${inlineCell('A1', '题型')}${inlineCell('C1', '选项A')}<c r="XFD1" s="3"/></row>`,
          ),
        ],
        context,
      ),
    ];
    expect(rows).toEqual([{ row: 1, cells: ['题型', '', '选项A'] }]);
  });

  it('refuses a picture anchored in column 1e9, naming the drawing', { timeout: 90_000 }, () => {
    expectRefused(
      handXlsx({ sheetData: BANK, picture: { col: '1000000000', row: '1' } }),
      /工作表“试题”损坏.*xl\/drawings\/drawing1\.xml.*1000000001.*16384/,
    );
  });
});

describe('xlsx merge ranges', () => {
  it('refuses a merge range past column XFD, naming the range', { timeout: 90_000 }, () => {
    expectRefused(
      handXlsx({
        sheetData: BANK,
        after: '<mergeCells count="1"><mergeCell ref="A1:ZZZZZZ1"/></mergeCells>',
      }),
      /合并单元格 A1:ZZZZZZ1.*XFD/,
    );
  });

  it(
    'refuses a merge range of 100 million rows instead of filling them',
    { timeout: 90_000 },
    () => {
      expectRefused(
        handXlsx({
          sheetData: BANK,
          after: '<mergeCells count="1"><mergeCell ref="B2:B99999999"/></mergeCells>',
        }),
        /合并单元格 B2:B99999999.*1048576/,
      );
    },
  );

  it('fills a merge only in the rows the sheet XML has (none below the last real row)', () => {
    const scanner = new MergeScanner();
    scanner.push(
      new TextEncoder().encode('<mergeCells><mergeCell ref="A2:A1048576"/></mergeCells>'),
      true,
    );
    expect(scanner.ranges).toHaveLength(1);
    const rows: TableRow[] = [
      { row: 1, cells: ['题型', '题干', '答案'] },
      { row: 2, cells: ['判断', '电气设备的金属外壳应可靠接地。', '√'] },
      { row: 4, cells: ['', '使用兆欧表前应先验表。', '对'] },
    ];
    const out: TableRow[] = [];
    for (const row of applyMerges(rows, scanner.ranges)) {
      out.push(row);
      if (out.length > 10) break;
    }
    expect(out).toEqual([
      { row: 1, cells: ['题型', '题干', '答案'] },
      { row: 2, cells: ['判断', '电气设备的金属外壳应可靠接地。', '√'] },
      { row: 4, cells: ['判断', '使用兆欧表前应先验表。', '对'] },
    ]);
  });

  it('still imports a 题型 merged down a block of real rows', async () => {
    const file = await parseItemFile(
      handXlsx({
        sheetData: rowsXml([
          ['题型', '题干', '选项A', '选项B', '选项C', '选项D', '答案'],
          ['单选', '我国工频交流电的频率为（ ）Hz。', '50', '60', '100', '220', 'A'],
          [
            '',
            '电动机的制动方式中，（ ）属于机械制动。',
            '电磁抱闸制动器',
            '反接制动',
            '能耗制动',
            '回馈制动',
            'A',
          ],
        ]),
        after: '<mergeCells count="1"><mergeCell ref="A2:A40"/></mergeCells>',
      }),
      { fileName: '电工题库.xlsx' },
    );
    expect(file.issues.filter((issue) => issue.severity === 'error')).toEqual([]);
    expect(file.items.map((item) => [item.row, item.content.type])).toEqual([
      [2, 'single_choice'],
      [3, 'single_choice'],
    ]);
  });
});
