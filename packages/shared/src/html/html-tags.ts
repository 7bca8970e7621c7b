import type { TextMark } from '../content/content-nodes';

/*
 * The tag tables every HTML reader shares: which tags make a text mark and which make a block.
 * A reader adds its own blocks (the editor: `li`; the importers: QTI's prompt elements).
 */

export const HTML_MARK_TAGS: Readonly<Record<string, TextMark>> = {
  b: 'bold',
  strong: 'bold',
  i: 'italic',
  em: 'italic',
  u: 'underline',
  ins: 'underline',
  sub: 'subscript',
  sup: 'superscript',
};

export const HTML_BLOCK_TAGS: readonly string[] = [
  'p',
  'div',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'blockquote',
  'pre',
];
