import { describe, expect, it } from 'vitest';
import { parseGift, unescapeGift } from './gift-parser';

describe('GIFT parser', () => {
  it('reads titles, formats, weights, feedback and general feedback', () => {
    const [record] = parseGift('::T1::[html]<b>题</b> {~%50%甲#好 ~%50%乙 ~%-50%丙 ####总评}');
    expect(record).toMatchObject({
      ok: true,
      question: {
        line: 1,
        title: 'T1',
        format: 'html',
        before: '<b>题</b> ',
        generalFeedback: '总评',
        block: {
          kind: 'answers',
          answers: [
            { correct: true, weight: 50, text: '甲' },
            { correct: true, weight: 50, text: '乙' },
            { correct: false, weight: -50, text: '丙' },
          ],
        },
      },
    });
  });

  it('keeps blank lines inside an open answer block and skips comments', () => {
    const records = parseGift('// c\n题一 {\n=甲\n\n~乙\n}\n\n\n题二 {F}');
    expect(
      records.map((record) => record.ok && [record.question.line, record.question.block.kind]),
    ).toEqual([
      [2, 'answers'],
      [9, 'truefalse'],
    ]);
  });

  it('unescapes GIFT escapes', () => {
    expect(unescapeGift('a\\=b\\~c\\#d\\{e\\}f\\:g\\nh\\\\')).toBe('a=b~c#d{e}f:g\nh\\');
  });

  it('reports unsupported blocks and unterminated titles', () => {
    const [matching, title] = parseGift('配对 {=a -> 1 =b -> 2}\n\n::没闭合 题 {T}');
    expect(matching).toMatchObject({ ok: true, question: { block: { kind: 'unsupported' } } });
    expect(title).toMatchObject({ ok: false, line: 3 });
  });
});
