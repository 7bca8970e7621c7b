import { collectBlankIds, toPlainText } from '@skillexam/shared';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { itemBodyFromCellText, itemBodyToCellText } from './rich-text';

describe('cell text ↔ ItemBody', () => {
  it('turns $…$, $$…$$, \\(…\\) and \\[…\\] into formulas', () => {
    const body = itemBodyFromCellText('设 $a^2$ 与 \\(b_1\\)，且 $$x=1$$ 和 \\[y\\]');
    expect(body.content[0]).toEqual({
      type: 'paragraph',
      children: [
        { text: '设 ' },
        { type: 'formula', latex: 'a^2', children: [{ text: '' }] },
        { text: ' 与 ' },
        { type: 'formula', latex: 'b_1', children: [{ text: '' }] },
        { text: '，且 ' },
        { type: 'formula', latex: 'x=1', display: true, children: [{ text: '' }] },
        { text: ' 和 ' },
        { type: 'formula', latex: 'y', display: true, children: [{ text: '' }] },
      ],
    });
  });

  it('marks blanks only when asked, in every accepted spelling', () => {
    const text = '甲（ ）乙( )丙____丁＿＿戊（）';
    expect(collectBlankIds(itemBodyFromCellText(text, { blanks: true }))).toEqual([
      'b1',
      'b2',
      'b3',
      'b4',
      'b5',
    ]);
    expect(collectBlankIds(itemBodyFromCellText(text))).toEqual([]);
  });

  it('keeps lines as paragraphs and image tokens as image blocks', () => {
    const hash = 'a'.repeat(64);
    const body = itemBodyFromCellText(`第一行\n看图：[图片:${hash}]之后`);
    expect(body.content.map((block) => block.type)).toEqual([
      'paragraph',
      'paragraph',
      'image',
      'paragraph',
    ]);
    expect(itemBodyToCellText(body)).toBe(`第一行\n看图：\n[图片:${hash}]\n之后`);
  });

  it('writing then reading cell text is stable (property)', () => {
    const piece = fc.constantFrom(
      '电',
      '缆',
      ' ',
      '，',
      'A',
      '1',
      '$x$',
      '\\(y\\)',
      '（ ）',
      '\n',
      '____',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (pieces) => {
        const once = itemBodyFromCellText(pieces.join(''), { blanks: true });
        const twice = itemBodyFromCellText(itemBodyToCellText(once), { blanks: true });
        expect(twice).toEqual(once);
        expect(toPlainText(twice)).toBe(toPlainText(once));
      }),
      { numRuns: 200 },
    );
  });
});
