import { describe, expect, it } from 'vitest';
import { bulletedList, itemBody, itemBodyFromText, listItem, paragraph, text } from './builders';

describe('builders', () => {
  it('makes Slate-shaped nodes with marks as optional booleans', () => {
    expect(paragraph('a', text('b', ['bold', 'italic']))).toEqual({
      type: 'paragraph',
      children: [{ text: 'a' }, { text: 'b', bold: true, italic: true }],
    });
  });

  it('gives empty containers an empty text child and an empty body one paragraph', () => {
    expect(paragraph()).toEqual({ type: 'paragraph', children: [{ text: '' }] });
    expect(itemBody().content).toEqual([{ type: 'paragraph', children: [{ text: '' }] }]);
  });

  it('refuses a list without items', () => {
    expect(() => bulletedList()).toThrow(RangeError);
    expect(bulletedList(listItem('x')).children).toHaveLength(1);
  });

  it('turns plain text into one paragraph per line', () => {
    expect(itemBodyFromText('第一行\r\n第二行').content).toEqual([
      paragraph('第一行'),
      paragraph('第二行'),
    ]);
  });
});
