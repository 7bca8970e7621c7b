import { describe, expect, it } from 'vitest';
import { ListCounters } from './docx-list-counters';
import { formatNumber } from './docx-number-format';
import { writeNumbersAsText } from './docx-numbered-paragraphs';
import {
  emptyDefinitions,
  readNumberingPart,
  readStylesPart,
  type NumberingDefinitions,
} from './docx-numbering';

/* Word's automatic numbering counted as Word shows it, and written into the document as text. */

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const bytes = (xml: string) => new TextEncoder().encode(xml);

const level = (ilvl: number, numFmt: string, lvlText: string, extra = '') =>
  `<w:lvl w:ilvl="${ilvl}"><w:start w:val="1"/><w:numFmt w:val="${numFmt}"/><w:lvlText w:val="${lvlText}"/>${extra}</w:lvl>`;

function definitions(numbering: string, styles?: string): NumberingDefinitions {
  const into = emptyDefinitions();
  readNumberingPart(bytes(`<w:numbering ${W}>${numbering}</w:numbering>`), into);
  if (styles !== undefined) readStylesPart(bytes(`<w:styles ${W}>${styles}</w:styles>`), into);
  return into;
}

/** Abstract list 0: 1. / A. / (i); instances 1 and 2 share it, 3 restarts level 0 at 1. */
const TWO_LEVELS = definitions(
  `<w:abstractNum w:abstractNumId="0">${level(0, 'decimal', '%1.')}${level(1, 'upperLetter', '%2.')}${level(2, 'decimal', '%1.%2.%3', '<w:isLgl/>')}</w:abstractNum>` +
    '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>' +
    '<w:num w:numId="2"><w:abstractNumId w:val="0"/></w:num>' +
    '<w:num w:numId="3"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>',
);

const labels = (defs: NumberingDefinitions, paragraphs: [string, number][]) => {
  const counters = new ListCounters(defs);
  return paragraphs.map(([numId, ilvl]) => counters.next(numId, ilvl)?.text);
};

describe('Word automatic numbering', () => {
  it('formats numbers as Word does', () => {
    const show = (numFmt: string, values: number[]) =>
      values.map((value) => formatNumber(value, numFmt));
    expect(show('decimal', [1, 12])).toEqual(['1', '12']);
    expect(show('upperLetter', [1, 4, 26, 27, 28])).toEqual(['A', 'D', 'Z', 'AA', 'BB']);
    expect(show('lowerLetter', [2])).toEqual(['b']);
    expect(show('chineseCounting', [1, 9, 10, 11, 20, 21])).toEqual([
      '一',
      '九',
      '十',
      '十一',
      '二十',
      '二十一',
    ]);
    expect(show('chineseCountingThousand', [100, 101, 110, 1001])).toEqual([
      '一百',
      '一百零一',
      '一百一十',
      '一千零一',
    ]);
    expect(show('ideographTraditional', [1, 4, 11])).toEqual(['甲', '丁', '甲']);
    expect(show('decimalEnclosedCircle', [1, 20, 21])).toEqual(['①', '⑳', '21']);
    expect(show('upperRoman', [4, 9, 14])).toEqual(['IV', 'IX', 'XIV']);
    expect(show('chineseLegalSimplified', [10, 12])).toEqual(['壹拾', '壹拾贰']);
  });

  it('restarts lower levels, continues instances that share a list, restarts on startOverride', () => {
    expect(
      labels(TWO_LEVELS, [
        ['1', 0],
        ['1', 1],
        ['1', 1],
        ['1', 0],
        ['1', 1],
        ['1', 2],
        ['2', 0],
        ['3', 0],
        ['3', 1],
        ['1', 0],
      ]),
    ).toEqual(['1.', 'A.', 'B.', '2.', 'A.', '2.1.1', '3.', '1.', 'A.', '2.']);
  });

  it('gives no number for a bullet or a list numbering.xml does not define', () => {
    const bullets = definitions(
      `<w:abstractNum w:abstractNumId="0">${level(0, 'bullet', '•')}</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>`,
    );
    expect(labels(bullets, [['1', 0]])).toEqual([undefined]);
    expect(labels(bullets, [['7', 0]])).toEqual([undefined]);
  });

  it('writes numbers into paragraphs numbered directly or by their style, and switches the list off', () => {
    const defs = definitions(
      `<w:abstractNum w:abstractNumId="0">${level(0, 'chineseCounting', '%1、', '<w:suff w:val="nothing"/>')}</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>` +
        `<w:abstractNum w:abstractNumId="1">${level(0, 'decimal', '%1.', '<w:suff w:val="space"/>')}</w:abstractNum><w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>`,
      '<w:style w:type="paragraph" w:styleId="Heading1"><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>' +
        '<w:style w:type="paragraph" w:styleId="Section"><w:basedOn w:val="Heading1"/></w:style>',
    );
    const body = [
      '<w:p><w:pPr><w:pStyle w:val="Section"/></w:pPr><w:r><w:t>单项选择题</w:t></w:r></w:p>',
      '<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="2"/></w:numPr></w:pPr><w:r><w:t>题干</w:t></w:r></w:p>',
      '<w:p><w:pPr><w:pStyle w:val="Section"/><w:numPr><w:numId w:val="0"/></w:numPr></w:pPr><w:r><w:t>不编号</w:t></w:r></w:p>',
      '<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="2"/></w:numPr><w:pPrChange><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:pPrChange></w:pPr><w:r><w:t>题干二</w:t></w:r></w:p>',
      '<w:p><w:r><mc:AlternateContent><mc:Choice><w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="2"/></w:numPr></w:pPr></w:p></mc:Choice></mc:AlternateContent></w:r></w:p>',
      '<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="2"/></w:numPr></w:pPr></w:p>',
    ].join('');
    const { xml, numbered } = writeNumbersAsText(`<w:body>${body}</w:body>`, defs);
    expect(numbered).toBe(4);
    const texts = [...xml.matchAll(/<w:p>(.*?)<\/w:p>(?=<w:p>|<\/w:body>)/g)].map((match) =>
      [...(match[1] ?? '').matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''),
    );
    // Counted in document order; the paragraph inside mc:Choice is not (mammoth reads mc:Fallback).
    expect(texts).toEqual(['一、单项选择题', '1. 题干', '不编号', '2. 题干二', '', '3. ']);
    // Only the paragraph inside mc:Choice keeps its list.
    expect(xml.match(/<w:numId w:val="2"\/>/g)?.length).toBe(1);
    expect(xml.match(/<w:numId w:val="0"\/>/g)?.length).toBe(5);
  });
});
