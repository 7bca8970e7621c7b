import { describe, expect, it } from 'vitest';
import { CsvTextError, decodeCsvText, parseCsvRecords } from '../../src/batches/csv-text';

describe('score sheet CSV reading', () => {
  it('reads quoted fields, CRLF, tabs and semicolons', () => {
    expect(parseCsvRecords('a,"b,""c""\r\nd",e\r\n1,2,3\r\n')).toEqual([
      ['a', 'b,"c"\r\nd', 'e'],
      ['1', '2', '3'],
    ]);
    expect(parseCsvRecords('a\tb\n1\t2')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
    expect(parseCsvRecords('a;b\n1;2\n')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });

  it('refuses broken quoting with the record it is in', () => {
    expect(() => parseCsvRecords('a,b\n"1,2\n')).toThrow(CsvTextError);
    let thrown: unknown;
    try {
      parseCsvRecords('a,b\n1,"2"x\n');
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toMatchObject({ row: 2, reason: expect.stringMatching(/右引号后/) });
  });

  it('decodes UTF-8 with and without BOM, UTF-16 and GBK', () => {
    const text = '身份证号,实操成绩';
    const utf8 = new TextEncoder().encode(text);
    expect(decodeCsvText(utf8)).toBe(text);
    expect(decodeCsvText(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8]))).toBe(text);
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    expect(decodeCsvText(utf16)).toBe(text);
    // 身份 in GBK
    expect(decodeCsvText(new Uint8Array([0xc9, 0xed, 0xb7, 0xdd]))).toBe('身份');
  });
});
