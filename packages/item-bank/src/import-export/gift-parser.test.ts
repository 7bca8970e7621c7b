import { describe, expect, it } from 'vitest';
import { parseGift, unescapeGift } from './gift-parser';

describe('GIFT parser', () => {
  it('reads titles, formats, weights, feedback and general feedback', () => {
    const [record] = parseGift('::T1::[html]<b>题</b> {~%50%甲#好 ~%50%乙 ~%-50%丙 ####总评}');
    expect(record).toMatchObject({
      kind: 'question',
      question: {
        line: 1,
        title: 'T1',
        format: 'html',
        before: '<b>题</b> ',
        generalFeedback: { text: '总评' },
        block: {
          kind: 'choice',
          single: false,
          answers: [
            { mark: '~', weight: 50, text: '甲' },
            { mark: '~', weight: 50, text: '乙' },
            { mark: '~', weight: -50, text: '丙' },
          ],
        },
      },
    });
  });

  it('ends a question at a blank line: an unclosed `{` is an error at its line', () => {
    const records = parseGift('// c\n::甲::题一 {\n=甲\n\n~乙\n}\n\n\n题二 {F}');
    expect(records).toEqual([
      expect.objectContaining({
        kind: 'error',
        line: 2,
        title: '甲',
        reason: expect.stringContaining('没有闭合'),
      }),
      expect.objectContaining({ kind: 'question', question: expect.objectContaining({ line: 9 }) }),
    ]);
  });

  it('unescapes GIFT escapes', () => {
    expect(unescapeGift('a\\=b\\~c\\#d\\{e\\}f\\:g\\nh\\\\')).toBe('a=b~c#d{e}f:g\nh\\');
  });

  it('tells matching (every answer `=a -> b`) from `->` inside choice text', () => {
    const [matching, choice, short] = parseGift(
      '配对 {=a -> 1 =b -> 2}\n\n选择 {~a -> b =c -> d}\n\n填空 {=a -> b =c}',
    );
    expect(matching).toMatchObject({ question: { block: { kind: 'matching', pairs: 2 } } });
    expect(choice).toMatchObject({
      question: { block: { kind: 'choice', answers: [{ text: 'a -> b' }, { text: 'c -> d' }] } },
    });
    expect(short).toMatchObject({ question: { block: { kind: 'short' } } });
  });

  it('reads `{One}` as one short answer and `{=%100%Asia}` as a weighted one', () => {
    const [one, asia] = parseGift('How do you write 1? {One}\n\nLargest continent? {=%100%Asia}');
    expect(one).toMatchObject({
      question: { block: { kind: 'short', answers: [{ mark: '', text: 'One' }] } },
    });
    expect(asia).toMatchObject({
      question: { block: { kind: 'short', answers: [{ mark: '=', weight: 100, text: 'Asia' }] } },
    });
  });

  it('strips per-answer format markers and HTML comments, escaped `::` stays in the title', () => {
    const [record] = parseGift(
      '::A\\::B::[plain]题<!-- 注释 -->干{=[moodle]甲<!-- x --> ~[html]<b>乙</b> ####[html]<p>解析</p>}',
    );
    expect(record).toMatchObject({
      question: {
        title: 'A::B',
        format: 'plain',
        before: '题干',
        generalFeedback: { text: '<p>解析</p>', format: 'html' },
        block: {
          answers: [
            { text: '甲', format: 'moodle' },
            { text: '<b>乙</b>', format: 'html' },
          ],
        },
      },
    });
  });

  it('reports unterminated titles, a second answer block and a stray `}`', () => {
    const [title, second, stray, unclosed] = parseGift(
      '::没闭合 题 {T}\n\n题 {T} 又一个\n// 注释行\n{F}\n\n说明 }\n\n::Q:: 题\n// 注释\n{=甲 ~乙',
    );
    expect(title).toMatchObject({ kind: 'error', line: 1 });
    expect(second).toMatchObject({ kind: 'error', line: 5 });
    expect(stray).toMatchObject({ kind: 'error', line: 7, reason: expect.stringContaining('}') });
    expect(unclosed).toMatchObject({ kind: 'error', line: 11, title: 'Q' });
  });
});
