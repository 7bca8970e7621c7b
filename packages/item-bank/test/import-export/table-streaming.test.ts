import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { readCsvRows } from '../../src/import-export/csv-reader';
import { parseItemFile, writeItemTemplate } from '../../src/import-export/index';
import { isBlankRow, type RawCell, type TableRow } from '../../src/import-export/row-to-item';
import { SAMPLE_BYTES } from '../../src/import-export/text-chunks';
import { decodeText } from '../../src/import-export/text-encoding';
import { openXlsxSheet } from '../../src/import-export/xlsx-reader';
import { sheetRows } from '../../src/import-export/xlsx-sheet-rows';
import { makeXlsx } from './support/make-sheet';
import { PNG_BYTES } from './support/sample-items';
import { ANQUAN_ROWS, anquanCsvBytes, HANGONG_TITLE } from './support/streaming-banks';

/*
 * The table readers stream: CSV and xlsx rows come out one at a time, the same rows the
 * whole-file readers (papaparse over the decoded text; exceljs) gave, and a row is handed out
 * before the rest of the file has been read.
 */

const fixture = (name: string) =>
  new Uint8Array(readFileSync(fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url))));

function chunked(bytes: Uint8Array, size: number): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (let i = 0; i < bytes.length; i += size) out.push(bytes.subarray(i, i + size));
  return out;
}

/** Chunks handed out one by one, counting how many were taken. */
function counted(chunks: readonly Uint8Array[]) {
  const state = { taken: 0 };
  function* iterate(): Generator<Uint8Array> {
    for (const chunk of chunks) {
      state.taken += 1;
      yield chunk;
    }
  }
  return { state, chunks: iterate() };
}

/** What the CSV reader gave before streaming: papaparse over the whole decoded text. */
function papaRows(bytes: Uint8Array): TableRow[] {
  const decoded = decodeText(bytes);
  if (!decoded.ok) throw new Error(decoded.reason);
  const parsed = Papa.parse<string[]>(decoded.text, {
    skipEmptyLines: false,
    delimitersToGuess: [',', '\t', ';', '|'],
  });
  return parsed.data.map((cells, index) => ({ row: index + 1, cells }));
}

/** What the xlsx reader gave before streaming: exceljs, each cell as the old cellToRaw read it. */
function oldCellToRaw(value: ExcelJS.CellValue): RawCell {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ('error' in value) return { corrupted: String(value.error) };
  if ('richText' in value) return value.richText.map((run) => run.text).join('');
  if ('formula' in value || 'sharedFormula' in value) {
    const result = value.result;
    if (result === undefined || result === null) return { corrupted: '公式没有计算结果' };
    if (typeof result === 'object' && 'error' in result) return { corrupted: String(result.error) };
    return oldCellToRaw(result);
  }
  if ('text' in value) return String(value.text);
  return { corrupted: '无法识别的单元格内容' };
}

async function exceljsRows(bytes: Uint8Array): Promise<TableRow[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes.slice().buffer);
  const sheet =
    workbook.worksheets.find((s) => s.name === '试题') ??
    workbook.worksheets.find((s) => !/说明/.test(s.name));
  const rows: TableRow[] = [];
  sheet?.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: RawCell[] = [];
    for (let col = 1; col <= row.cellCount; col += 1)
      cells.push(oldCellToRaw(row.getCell(col).value));
    rows.push({ row: rowNumber, cells });
  });
  return rows;
}

/** Rows compared by content: blank rows and trailing empty cells dropped. */
function comparable(rows: readonly TableRow[]): TableRow[] {
  return rows
    .filter((row) => !isBlankRow(row))
    .map((row) => {
      const cells = [...row.cells];
      while (cells.length > 0 && cells.at(-1) === '') cells.pop();
      return { row: row.row, cells };
    });
}

async function streamedXlsxRows(bytes: Uint8Array): Promise<TableRow[]> {
  const opened = await openXlsxSheet(bytes, 'x.xlsx');
  if (!opened.ok) throw new Error(opened.reason);
  try {
    return [...opened.sheet.rows()];
  } finally {
    opened.sheet.close();
  }
}

describe('streaming CSV rows', () => {
  it('gives the rows papaparse gave for a GBK bank with quoted line breaks, in any chunk size', () => {
    const bytes = fixture('anquan-shengchan-gbk.csv');
    const expected = papaRows(bytes);
    expect(expected[6]?.cells[1]).toContain('\r\n1. 用湿毛巾捂住口鼻；');
    for (const size of [1, 2, 3, 17, 1024, bytes.length]) {
      expect([...readCsvRows(chunked(bytes, size), 'a.csv')], `chunks of ${size}`).toEqual(
        expected,
      );
    }
  });

  it('hands out the first row after the encoding sample, not after the whole file', () => {
    const rows = [
      ANQUAN_ROWS[0] ?? [],
      ...Array.from({ length: 300 }, () => ANQUAN_ROWS.slice(1)).flat(),
    ];
    const bytes = anquanCsvBytes(rows);
    const chunkSize = 4096;
    const all = chunked(bytes, chunkSize);
    expect(all.length).toBeGreaterThan(4 * (SAMPLE_BYTES / chunkSize));
    const { state, chunks } = counted(all);
    const reader = readCsvRows(chunks, 'big.csv');
    expect(reader.next().value).toEqual({ row: 1, cells: [...(ANQUAN_ROWS[0] ?? [])] });
    expect(state.taken).toBeLessThanOrEqual(SAMPLE_BYTES / chunkSize + 1);
    let last: TableRow | undefined;
    for (const row of reader) last = row;
    expect(state.taken).toBe(all.length);
    expect(last?.row).toBe(papaRows(bytes).length);
  });

  it('reads the fixture bank into items through parseItemFile', async () => {
    const file = await parseItemFile(fixture('anquan-shengchan-gbk.csv'), {
      fileName: 'anquan-shengchan-gbk.csv',
    });
    expect(file.issues.filter((issue) => issue.severity === 'error')).toEqual([]);
    expect(file.items.map((item) => [item.row, item.content.type])).toHaveLength(16);
    expect(file.items[2]?.content).toMatchObject({ type: 'multiple_choice', key: ['A', 'B', 'C'] });
  });
});

describe('streaming xlsx rows', () => {
  it('reads merged 题型 cells, rich text, formulas, errors, numbers, dates and a picture as exceljs did', async () => {
    const bytes = fixture('hangong-merged.xlsx');
    const streamed = comparable(await streamedXlsxRows(bytes));
    const reference = comparable(await exceljsRows(bytes));
    // The picture is appended by the reader (exceljs only lists it): compare without it first.
    const withoutPicture = streamed.map((row) => ({
      row: row.row,
      cells: row.cells.map((cell) =>
        typeof cell === 'string' ? cell.replace(/\n?\[图片:[0-9a-f]+\]/, '') : cell,
      ),
    }));
    expect(withoutPicture).toEqual(reference);
    expect(streamed[0]?.cells).toEqual(Array.from({ length: 8 }, () => HANGONG_TITLE));
    expect(streamed.map((row) => row.cells[0])).toEqual([
      HANGONG_TITLE,
      '题型',
      ...['单选', '单选', '单选', '单选', '多选', '多选', '判断', '判断'],
    ]);
    expect(streamed[2]?.cells.slice(7)).toEqual([
      '2',
      { corrupted: '#N/A' },
      '2024-03-15',
      '0.1',
      'true',
    ]);
    expect(streamed[5]?.cells[7]).toBe('4');
    expect(streamed[8]?.cells[1]).toMatch(
      /^焊接作业场所10m范围内不得有易燃易爆物品。\n\[图片:[0-9a-f]{64}\]$/,
    );
  });

  it('reads the fixture bank into items through parseItemFile, 题型 from the merged cells', async () => {
    const file = await parseItemFile(fixture('hangong-merged.xlsx'), { fileName: 'hangong.xlsx' });
    expect(file.issues.filter((issue) => issue.severity === 'error')).toEqual([]);
    expect(file.items.map((item) => item.content.type)).toEqual([
      ...Array.from({ length: 4 }, () => 'single_choice'),
      'multiple_choice',
      'multiple_choice',
      'true_false',
      'true_false',
    ]);
    expect(file.assets.size).toBe(1);
  });

  it('gives the rows exceljs gave for the template and for test sheets', async () => {
    const sheets = [
      await writeItemTemplate(),
      await makeXlsx(
        [
          ['题型', '题干', '选项A', '答案'],
          ['判断', '看图判断。', '', '√'],
          [],
          [
            '单选',
            { richText: [{ text: '电' }, { text: '工' }] },
            50,
            { formula: 'A1', result: 'x' },
          ],
          ['判断', 'a & b < c', '', { formula: 'B9' }],
        ],
        { extraSheetFirst: '填写说明', image: { bytes: PNG_BYTES, row: 1, col: 1 } },
      ),
    ];
    for (const bytes of sheets) {
      const streamed = comparable(await streamedXlsxRows(bytes)).map((row) => ({
        row: row.row,
        cells: row.cells.map((cell) =>
          typeof cell === 'string' ? cell.replace(/\n?\[图片:[0-9a-f]+\]/, '') : cell,
        ),
      }));
      expect(streamed).toEqual(comparable(await exceljsRows(bytes)));
    }
  });

  it('hands out a row as soon as its XML has been read', () => {
    const rows = Array.from(
      { length: 400 },
      (_, n) =>
        `<row r="${n + 1}"><c r="A${n + 1}" t="inlineStr"><is><t>焊接电流过大易产生咬边（${n}）</t></is></c><c r="B${n + 1}"><v>${n}</v></c></row>`,
    );
    const xml = new TextEncoder().encode(
      `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows.join('')}</sheetData></worksheet>`,
    );
    const all = chunked(xml, 1024);
    const { state, chunks } = counted(all);
    const reader = sheetRows(chunks, { sharedStrings: [], dateStyles: [], date1904: false });
    expect(reader.next().value).toEqual({ row: 1, cells: ['焊接电流过大易产生咬边（0）', '0'] });
    expect(state.taken).toBe(1);
    expect([...reader]).toHaveLength(399);
    expect(state.taken).toBe(all.length);
  });
});
