import { describe, expect, it } from 'vitest';
import {
  readScoreTable,
  ScoreTableError,
  scoreTableKind,
} from '../../src/batches/read-score-table';
import { xlsxOf } from './support/score-sheets';

/*
 * The score sheet read through the item bank's safe table reader (docs/decisions/0996): the
 * CSV cases the centre's own CSV reader handled (quotes, CRLF, tab and semicolon, UTF-8 with
 * and without BOM, UTF-16, GBK), refusals with the row, and .xlsx cells trimmed and NFKC'd.
 */

const encode = (text: string) => new TextEncoder().encode(text);

async function refusal(bytes: Uint8Array, kind: 'xlsx' | 'csv'): Promise<ScoreTableError> {
  const error: unknown = await readScoreTable(bytes, kind).then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(ScoreTableError);
  return error as ScoreTableError;
}

describe('reading a score sheet', () => {
  it('takes .xlsx, .csv and .txt', () => {
    expect(scoreTableKind('成绩.XLSX')).toBe('xlsx');
    expect(scoreTableKind('成绩.csv')).toBe('csv');
    expect(scoreTableKind('成绩.txt')).toBe('csv');
    expect(scoreTableKind('成绩.xls')).toBeUndefined();
  });

  it('reads quoted fields, CRLF, tabs and semicolons', async () => {
    expect(await readScoreTable(encode('a,"b,""c""\r\nd",e\r\n1,2,3\r\n'), 'csv')).toEqual([
      ['a', 'b,"c"\r\nd', 'e'],
      ['1', '2', '3'],
    ]);
    expect(await readScoreTable(encode('a\tb\n1\t2'), 'csv')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
    expect(await readScoreTable(encode('a;b\n1;2\n'), 'csv')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });

  it('decodes UTF-8 with and without BOM, UTF-16 and GBK', async () => {
    const rows = [['身份证号', '实操成绩']];
    const text = '身份证号,实操成绩';
    expect(await readScoreTable(encode(text), 'csv')).toEqual(rows);
    expect(await readScoreTable(encode(`\ufeff${text}`), 'csv')).toEqual(rows);
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    expect(await readScoreTable(new Uint8Array(utf16), 'csv')).toEqual(rows);
    // 身份 in GBK
    expect(await readScoreTable(new Uint8Array([0xc9, 0xed, 0xb7, 0xdd]), 'csv')).toEqual([
      ['身份'],
    ]);
  });

  it('refuses broken quoting and undecodable bytes with the row or line', async () => {
    expect(await refusal(encode('a,b\n1,"2"x\n'), 'csv')).toMatchObject({
      row: 2,
      reason: expect.stringMatching(/右引号后/) as unknown,
    });
    expect((await refusal(encode('a,b\n"1,2\n'), 'csv')).reason).toMatch(/引号没有闭合/);
    const bad = new Uint8Array([...encode('身份证号\n'), 0xff, 0xfe, 0xfd]);
    expect((await refusal(bad, 'csv')).reason).toMatch(/无法识别文件编码.*第2行/);
  });

  it('trims and NFKC-normalises .xlsx cells, and words a refusal as the centre does', async () => {
    const sheet = await xlsxOf([
      ['身份证号', ' 实操成绩 '],
      ['１１０１０５１９４９１２３１００２Ｘ', '８０'],
    ]);
    expect(await readScoreTable(sheet, 'xlsx')).toEqual([
      ['身份证号', '实操成绩'],
      ['11010519491231002X', '80'],
    ]);
    const broken = await refusal(new Uint8Array([1, 2, 3]), 'xlsx');
    expect(broken.row).toBe(0);
    expect(broken.reason).toMatch(
      /^无法读取 \.xlsx 文件：不是有效的 zip 文件.*\(not a readable \.xlsx workbook\)$/,
    );
  });
});
