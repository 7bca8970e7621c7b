import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import {
  readTableFile,
  TABLE_LIMITS,
  TableFileError,
  tableFileKind,
} from '../../src/import-export/table-file';
import { bombXlsx, countingFile } from './support/bomb-xlsx';
import { handXlsx, inlineCell } from './support/hand-xlsx';
import { makeXlsx } from './support/make-sheet';
import { PNG_BYTES } from './support/sample-items';

/*
 * The roster / score-sheet reader on real files: workbooks written by exceljs (read as the
 * apps' exceljs readers read them), hand-written hostile sheets, a zip bomb, CSV in GBK and
 * UTF-16, and the row, cell and record caps.
 */

/** What the apps' readers gave: exceljs, first sheet, every cell up to cellCount as text. */
function oldCellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ('richText' in value) return value.richText.map((run) => run.text).join('');
  if ('formula' in value || 'sharedFormula' in value) {
    const result = value.result;
    return result === undefined || result === null || typeof result === 'object'
      ? ''
      : String(result);
  }
  if ('text' in value) return String(value.text);
  return '';
}

async function exceljsRows(bytes: Uint8Array): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  const rows: string[][] = [];
  for (let r = 1; r <= (sheet?.rowCount ?? 0); r += 1) {
    const row = sheet!.getRow(r);
    const cells: string[] = [];
    for (let c = 1; c <= row.cellCount; c += 1) cells.push(oldCellText(row.getCell(c).value));
    rows.push(cells);
  }
  return rows;
}

/** Trailing blank cells and rows say nothing: the parsers read a missing cell as blank. */
function comparable(rows: readonly (readonly string[])[]): string[][] {
  const out = rows.map((cells) => {
    const copy = [...cells];
    while (copy.length > 0 && copy[copy.length - 1] === '') copy.pop();
    return copy;
  });
  while (out.length > 0 && out[out.length - 1]!.length === 0) out.pop();
  return out;
}

async function refusal(read: Promise<unknown>): Promise<TableFileError> {
  const error: unknown = await read.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(TableFileError);
  return error as TableFileError;
}

const ID = '11010519491231002X';

describe('the shared table reader', () => {
  it('knows .xlsx and .csv, and .txt only when asked', () => {
    expect(tableFileKind('名单.XLSX')).toBe('xlsx');
    expect(tableFileKind('scores.csv')).toBe('csv');
    expect(tableFileKind('scores.txt')).toBeUndefined();
    expect(tableFileKind('scores.txt', { txtAsCsv: true })).toBe('csv');
    expect(tableFileKind('名单.xls')).toBeUndefined();
  });

  it('reads a roster written by exceljs as the exceljs readers did, blank rows kept in place', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('考生名单');
    sheet.getRow(1).values = ['准考证号', '姓名', '身份证号', '考场', '座位号', '报名日期'];
    sheet.getRow(2).values = ['2026DG0001', ' 张三 ', ID, '第01考场', 3, new Date('2026-03-01')];
    sheet.getRow(5).values = [
      '2026DG0002',
      { richText: [{ text: '李' }, { text: '四', font: { bold: true } }] },
      1.2e21,
      { formula: 'CONCAT("第",2,"考场")', result: '第2考场' },
      true,
      12.5,
    ];
    sheet.getCell('H7').value = '备注';
    sheet.mergeCells('D8:E8');
    sheet.getCell('D8').value = '合并';
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());

    const rows = await readTableFile(bytes, 'xlsx', 'roster.xlsx');
    expect(comparable(rows)).toEqual(comparable(await exceljsRows(bytes)));
    expect(rows[1]).toEqual(['2026DG0001', ' 张三 ', ID, '第01考场', '3', '2026-03-01']);
    expect(rows[2]).toEqual([]);
    expect(rows[4]?.slice(1, 4)).toEqual(['李四', '1.2e+21', '第2考场']);
    expect(rows[7]).toEqual(['', '', '', '合并', '合并']);
    expect(rows).toHaveLength(8);
  });

  it('skips an instructions sheet, ignores pictures and names error values', async () => {
    const withNotes = await makeXlsx(
      [
        ['姓名', '身份证号'],
        ['张三', ID],
      ],
      { extraSheetFirst: '说明', image: { bytes: PNG_BYTES, row: 1, col: 0 } },
    );
    expect(await readTableFile(withNotes, 'xlsx', 'r.xlsx')).toEqual([
      ['姓名', '身份证号'],
      ['张三', ID],
    ]);
    const errors = handXlsx({
      sheetData: `<row r="1">${inlineCell('A1', '身份证号')}</row><row r="2"><c r="A2" t="e"><v>#N/A</v></c><c r="B2"><f>1/0</f></c></row>`,
    });
    expect(await readTableFile(errors, 'xlsx', 'e.xlsx')).toEqual([['身份证号'], ['#N/A', '']]);
  });

  it('refuses an .xlsx zip bomb with the reason, before inflating the sheet', async () => {
    const bomb = bombXlsx(100);
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const file = countingFile(bomb);
    const error = await refusal(readTableFile(file, 'xlsx', '名单.xlsx'));
    expect(error.row).toBe(0);
    expect(error.file).toBe('名单.xlsx');
    expect(error.reason).toMatch(
      /无法读取 Excel 文件（条目 xl\/worksheets\/sheet1\.xml）.*压缩炸弹/,
    );
    // Refused part-way through the entry's compressed bytes: never inflated to the end.
    expect(file.read).toBeLessThan(bomb.length / 2);
  });

  it('refuses files that are not workbooks, or sheets past the grid', async () => {
    const notZip = await refusal(readTableFile(new Uint8Array([1, 2, 3]), 'xlsx', 'x.xlsx'));
    expect(notZip.reason).toMatch(/^无法读取 Excel 文件/);
    const pastGrid = handXlsx({ sheetData: `<row r="1">${inlineCell('ZZZZZZ1', 'x')}</row>` });
    expect((await refusal(readTableFile(pastGrid, 'xlsx', 'g.xlsx'))).reason).toMatch(
      /工作表“试题”损坏.*ZZZZZZ1/,
    );
  });

  it('refuses a filled row past the row cap without allocating the rows before it', async () => {
    const far = handXlsx({
      sheetData: `<row r="1">${inlineCell('A1', '姓名')}</row><row r="1000000">${inlineCell('A1000000', '张三')}</row>`,
    });
    const error = await refusal(readTableFile(far, 'xlsx', 'far.xlsx'));
    expect(error.reason).toMatch(/表格超过 100000 行（第 1000000 行还有内容）/);
    // Blank rows past the last filled one are dropped, not refused.
    const blankTail = handXlsx({
      sheetData: `<row r="1">${inlineCell('A1', '姓名')}</row><row r="1000000" s="1" customFormat="1"/>`,
    });
    expect(await readTableFile(blankTail, 'xlsx', 'tail.xlsx')).toEqual([['姓名']]);
    const csv = new TextEncoder().encode(`姓名\n${'张三\n'.repeat(10)}`);
    expect(await readTableFile(csv, 'csv', 'r.csv', { maxRows: 11 })).toHaveLength(11);
    expect((await refusal(readTableFile(csv, 'csv', 'r.csv', { maxRows: 10 }))).reason).toMatch(
      /表格超过 10 行（第 11 行还有内容）/,
    );
    // In a CSV every blank line is a record to parse: blank lines past the cap count too.
    const blankLines = new TextEncoder().encode(`姓名\n张三${'\n'.repeat(20)}`);
    expect(
      (await refusal(readTableFile(blankLines, 'csv', 'r.csv', { maxRows: 10 }))).reason,
    ).toMatch(/表格超过 10 行（第 11 行，空行也算）/);
  });

  it('refuses more cells than the cap, and a row out of order', async () => {
    const csv = new TextEncoder().encode('a,b,c\n1,2,3\n4,5,6\n');
    expect((await refusal(readTableFile(csv, 'csv', 'c.csv', { maxCells: 8 }))).reason).toMatch(
      /单元格超过 8 个（到第 3 行为止）/,
    );
    const backwards = handXlsx({
      sheetData: `<row r="3">${inlineCell('A3', '张三')}</row><row r="2">${inlineCell('A2', '李四')}</row>`,
    });
    expect(await refusal(readTableFile(backwards, 'xlsx', 'b.xlsx'))).toMatchObject({ row: 2 });
  });

  it('reads CSV in GBK, UTF-16 and UTF-8, tab or comma separated, quotes and all', async () => {
    const rows = [
      ['身份证号', '姓名', '实操成绩'],
      [ID, '张三', '80'],
    ];
    const text = `${rows.map((r) => r.join(',')).join('\r\n')}\r\n`;
    expect(await readTableFile(iconv.encode(text, 'gbk'), 'csv', 'gbk.csv')).toEqual(rows);
    const tabbed = `\ufeff${rows.map((r) => r.join('\t')).join('\n')}`;
    expect(await readTableFile(iconv.encode(tabbed, 'utf-16le'), 'csv', 'u.txt')).toEqual(rows);
    const quoted = new TextEncoder().encode('a,"b,""c""\r\nd",e\r\n1,2,3\r\n');
    expect(await readTableFile(quoted, 'csv', 'q.csv')).toEqual([
      ['a', 'b,"c"\r\nd', 'e'],
      ['1', '2', '3'],
    ]);
  });

  it('refuses undecodable bytes, broken quotes and a record without end, naming the row', async () => {
    const bad = new Uint8Array([...new TextEncoder().encode('姓名\n'), 0xff, 0xfe, 0xfd, 0x0a]);
    expect((await refusal(readTableFile(bad, 'csv', 'bad.csv'))).reason).toMatch(/第2行/);
    const quotes = new TextEncoder().encode('a,b\n1,"2"x\n');
    expect(await refusal(readTableFile(quotes, 'csv', 'q.csv'))).toMatchObject({ row: 2 });
    const commas = new Uint8Array(TABLE_LIMITS.maxRecordBytes + 1024 * 1024).fill(0x2c);
    const endless = await refusal(readTableFile(commas, 'csv', 'commas.csv'));
    expect(endless).toMatchObject({ row: 1 });
    expect(endless.reason).toMatch(/超过 1 MB 还没有结束/);
  });
});
