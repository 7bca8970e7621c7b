import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { detectItemFileFormat, parseItemFile } from '../../src/import-export/index';
import { withoutNotes } from './support/defaults-note';

const TEXT = [
  '序号,题干,A,B,C,D,答案',
  '1,"安全电压一般为（ ）V。",36,110,220,380,A',
  '2,"下列属于导体的是（ ）。",铜,铝,橡胶,玻璃,"A,B"',
  '3,接地电阻应定期测量。,,,,,√',
  '',
].join('\r\n');

describe('CSV item import', () => {
  it('reads UTF-8 without a BOM', async () => {
    const file = await parseItemFile(new TextEncoder().encode(TEXT), { fileName: 'bank.csv' });
    expect(withoutNotes(file.issues)).toEqual([]);
    expect(file.items.map((item) => item.content.type)).toEqual([
      'single_choice',
      'multiple_choice',
      'true_false',
    ]);
    expect(file.items[0]?.ref).toBe('bank.csv 第2行');
  });

  it('reads UTF-8 with a BOM and tab-separated text', async () => {
    const tsv = TEXT.replace(/,/g, '\t').replace('"A\tB"', 'A、B');
    const file = await parseItemFile(new TextEncoder().encode(`\ufeff${tsv}`), {
      fileName: 'bank.txt',
    });
    expect(withoutNotes(file.issues)).toEqual([]);
    expect(file.items).toHaveLength(3);
  });

  it('detects GBK (what Chinese Excel saves) and GB18030', async () => {
    for (const encoding of ['gbk', 'gb18030']) {
      const bytes = new Uint8Array(iconv.encode(TEXT, encoding));
      expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
      const file = await parseItemFile(bytes, { fileName: 'bank.csv' });
      expect(withoutNotes(file.issues)).toEqual([]);
      expect(file.items[0]?.content.stem.content[0]).toMatchObject({
        children: [{ text: '安全电压一般为（ ）V。' }],
      });
    }
  });

  it('refuses a file in an encoding it cannot read, naming the line', async () => {
    const valid = new TextEncoder().encode('题干,答案\r\n好题,√\r\n');
    const broken = new Uint8Array([...valid, 0x81, 0x20, 0xff, 0xfe, 0x0d, 0x0a]);
    const file = await parseItemFile(broken, { fileName: 'weird.csv' });
    expect(file.items).toEqual([]);
    expect(file.issues).toEqual([
      expect.objectContaining({
        file: 'weird.csv',
        field: '编码',
        severity: 'error',
        reason: expect.stringMatching(/第3行/),
      }),
    ]);
  });

  it('reads UTF-16 with a BOM (Excel "Unicode text")', async () => {
    const bytes = new Uint8Array(
      iconv.encode(TEXT.replace(/,/g, '\t').replace('"A\tB"', 'AB'), 'utf-16le', { addBOM: true }),
    );
    const file = await parseItemFile(bytes, { fileName: 'bank.txt' });
    expect(withoutNotes(file.issues)).toEqual([]);
    expect(file.items).toHaveLength(3);
  });

  it('reports a cell that holds replacement characters from an earlier bad conversion', async () => {
    const text = '题干,答案\n好题,√\n坏\ufffd\ufffd题,×\n';
    const file = await parseItemFile(new TextEncoder().encode(text), { fileName: 'm.csv' });
    expect(file.items).toHaveLength(1);
    expect(withoutNotes(file.issues)).toEqual([
      expect.objectContaining({
        row: 3,
        field: '题干（A列）',
        reason: expect.stringContaining('乱码'),
      }),
    ]);
  });

  it('reports missing columns and unclosed quotes', async () => {
    const noStem = await parseItemFile(new TextEncoder().encode('题型,答案\n判断,√\n'), {
      fileName: 'x.csv',
    });
    expect(noStem.issues[0]?.reason).toMatch(/找不到表头/);
    const noKey = await parseItemFile(new TextEncoder().encode('题型,题干\n判断,好题\n'), {
      fileName: 'x.csv',
    });
    expect(noKey.issues).toEqual([
      expect.objectContaining({ row: 1, reason: expect.stringMatching(/表头中没有答案列/) }),
    ]);
    const quotes = await parseItemFile(new TextEncoder().encode('题干,答案\n"未闭合,√\n'), {
      fileName: 'x.csv',
    });
    expect(quotes.items).toEqual([]);
    expect(quotes.issues[0]?.reason).toMatch(/引号/);
  });

  it('detects formats from names and bytes', () => {
    expect(detectItemFileFormat('a.csv', new TextEncoder().encode(TEXT))).toBe('csv');
    expect(detectItemFileFormat('a.gift', new Uint8Array())).toBe('gift');
    expect(
      detectItemFileFormat('q.txt', new TextEncoder().encode('$CATEGORY: 电工\n::q1:: 题 {T}')),
    ).toBe('gift');
    expect(
      detectItemFileFormat('m.xml', new TextEncoder().encode('<?xml version="1.0"?><quiz></quiz>')),
    ).toBe('moodle');
    expect(detectItemFileFormat('unknown.bin', new Uint8Array([1, 2, 3]))).toBeUndefined();
  });
});
