import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import {
  CsvRecordParser,
  CsvSyntaxError,
  type CsvDialect,
} from '../../src/import-export/csv-records';

/*
 * The incremental CSV parser gives papaparse's records (what the reader used on the whole text)
 * whatever the pieces the text arrives in: split inside a CRLF, inside a doubled quote, inside a
 * quoted line break, one character at a time.
 */

const TRICKY: readonly (readonly [string, string])[] = [
  [
    '安全生产 bank, CRLF, quoted options with commas and line breaks',
    [
      '题型,题干,选项A,选项B,答案',
      '单选,"生产经营单位的主要负责人对本单位的安全生产工作（ ）负责。",全面,部分,A',
      '多选,"下列属于""三违""行为的是：\r\n违章指挥、违章作业",违反劳动纪律,"违章指挥,违章作业",AB',
      '判断,"特种作业人员必须持证上岗。",,,√',
      '',
    ].join('\r\n'),
  ],
  ['LF only, no line break at the end', '题干,答案\n接地电阻应定期测量。,√\n"带""引号""的题干",×'],
  ['CR only (old Mac Excel)', '题干,答案\r漏电保护器应定期试验。,√\r'],
  ['empty lines inside and at the end', '题干,答案\n\n焊工作业前应检查焊机接地。,√\n\n\n'],
  ['spaces after a closing quote', '题干,答案\n"电焊机外壳必须接地"  ,√\n"雨天不得露天焊接"\t,√\n'],
  ['a quote inside an unquoted field is text', '题干,答案\n5" 管道的焊接,√\n'],
  ['empty quoted fields and a quoted field at the very end', '题干,解析,答案\n"",,"√"'],
  ['tab separated', '题干\t选项A\t选项B\t答案\n"熔断器的作用\t是"\t短路保护\t过载\tA\n'],
  ['semicolons', '题干;答案\n"手持电动工具; I类";√\n保护接零;×\n"绝缘手套";√'],
  ['a quoted field that ends the text without a line break', '题干,答案\n"最后一题",'],
  ['one record', '题干'],
];

function dialectOf(text: string): CsvDialect {
  const { meta } = Papa.parse<string[]>(text, {
    preview: 10,
    delimitersToGuess: [',', '\t', ';', '|'],
  });
  const newline = meta.linebreak === '\r\n' || meta.linebreak === '\r' ? meta.linebreak : '\n';
  return { delimiter: meta.delimiter, newline };
}

function papa(text: string, dialect: CsvDialect): string[][] {
  return Papa.parse<string[]>(text, {
    delimiter: dialect.delimiter,
    newline: dialect.newline,
    skipEmptyLines: false,
  }).data;
}

function pieces(text: string, size: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; i += size) out.push(text.slice(i, i + size));
  return out;
}

function parseInPieces(text: string, dialect: CsvDialect, size: number): string[][] {
  const parser = new CsvRecordParser(dialect);
  const records = pieces(text, size).flatMap((piece) => parser.push(piece));
  return [...records, ...parser.end()];
}

describe('incremental CSV records', () => {
  for (const [name, text] of TRICKY) {
    it(`matches papaparse: ${name}`, () => {
      const dialect = dialectOf(text);
      const expected = papa(text, dialect);
      for (const size of [1, 2, 3, 5, 8, text.length]) {
        expect(parseInPieces(text, dialect, size), `pieces of ${size}`).toEqual(expected);
      }
    });
  }

  it('gives no record for empty text, like papaparse', () => {
    const parser = new CsvRecordParser({ delimiter: ',', newline: '\n' });
    expect([...parser.push(''), ...parser.end()]).toEqual(
      papa('', { delimiter: ',', newline: '\n' }),
    );
  });

  it('names the record of an unterminated quote, as papaparse does', () => {
    const text = '题干,答案\n好题,√\n"未闭合,√\n后面的行,×\n';
    const dialect = dialectOf(text);
    const papaError = Papa.parse(text, { delimiter: ',', newline: '\n' }).errors[0];
    for (const size of [1, 4, text.length]) {
      const parser = new CsvRecordParser(dialect);
      const records: string[][] = [];
      let caught: unknown;
      try {
        for (const piece of pieces(text, size)) records.push(...parser.push(piece));
        records.push(...parser.end());
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(CsvSyntaxError);
      expect(caught).toMatchObject({ code: 'MissingQuotes', record: papaError?.row });
      expect(records).toEqual([
        ['题干', '答案'],
        ['好题', '√'],
      ]);
    }
  });

  it('refuses a closing quote followed by text (papaparse: InvalidQuotes)', () => {
    const text = '题干,答案\n"引号"后面有字,√\n';
    const papaErrors = Papa.parse(text, { delimiter: ',', newline: '\n' }).errors;
    expect(papaErrors[0]?.code).toBe('InvalidQuotes');
    const parser = new CsvRecordParser({ delimiter: ',', newline: '\n' });
    expect(() => [...parser.push(text), ...parser.end()]).toThrow(
      expect.objectContaining({ code: 'InvalidQuotes', record: 1 }),
    );
  });

  it('holds only the unfinished record between pushes', () => {
    const record = '单选,"在潮湿场所使用的手持电动工具，应选用（ ）类工具。",Ⅰ,Ⅱ,Ⅲ,C\r\n';
    const longest = '多选,"焊接作业\r\n前应检查：\r\n""接地""",A,B,AB\r\n';
    const text = `题型,题干,A,B,C,答案\r\n${(record + longest).repeat(200)}`;
    const parser = new CsvRecordParser({ delimiter: ',', newline: '\r\n' });
    const chunk = 64;
    let records = 0;
    for (const piece of pieces(text, chunk)) {
      records += parser.push(piece).length;
      expect(parser.heldChars).toBeLessThanOrEqual(chunk + longest.length);
    }
    records += parser.end().length;
    expect(records).toBe(papa(text, { delimiter: ',', newline: '\r\n' }).length);
  });

  it('reads a record with a huge field whatever the pieces', () => {
    // A whole bank pasted into one cell (quoted, with doubled quotes and line breaks) or a file
    // without any line break: each push must not scan the unfinished record from its start.
    const body = '焊接作业前应检查""接地""，\r\n'.repeat(200_000);
    const quoted = `题干,答案\r\n"${body}",√\r\n`;
    const unquoted = `题干,答案\r\n${'电气设备外壳应可靠接地'.repeat(300_000)},√\r\n`;
    for (const text of [quoted, unquoted]) {
      const parser = new CsvRecordParser({ delimiter: ',', newline: '\r\n' });
      const records = [...pieces(text, 8 * 1024).flatMap((piece) => parser.push(piece))];
      records.push(...parser.end());
      expect(records).toEqual(papa(text, { delimiter: ',', newline: '\r\n' }));
    }
  });
});
