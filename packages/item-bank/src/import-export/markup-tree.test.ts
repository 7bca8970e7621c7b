import { parseHtml, FRAGMENT_HTML, htmlText } from '@skillexam/shared';
import { describe, expect, it } from 'vitest';
import { markupToItemBody } from './markup-to-item-body';
import { parseXml } from './markup-tree';

const noImages = { resolveImage: () => undefined, onProblem: () => undefined };

describe('markup trees', () => {
  it('parses sloppy HTML: unclosed tags, entities, scripts, comments', () => {
    const root = parseHtml(
      '<p>甲&nbsp;&lt;乙&#x4E19;<br>丁<script>alert(1)</script><!-- x --><p>戊',
      FRAGMENT_HTML,
    );
    expect(htmlText(root)).toBe('甲 <乙丙丁戊');
  });

  it('reduces HTML to the document model: marks, lists, tables; unknown tags become text', () => {
    const body = markupToItemBody(
      parseHtml(
        '<p>H<sub>2</sub>O <strong><em>重</em></strong><font color=red>点</font></p><ul><li>一</li><li>二</li></ul><table><tr><th>表</th><td>格</td></tr></table>',
        FRAGMENT_HTML,
      ).children,
      noImages,
    );
    expect(body.content).toEqual([
      {
        type: 'paragraph',
        children: [
          { text: 'H' },
          { text: '2', subscript: true },
          { text: 'O ' },
          { text: '重', bold: true, italic: true },
          { text: '点' },
        ],
      },
      {
        type: 'bulleted-list',
        children: [
          { type: 'list-item', children: [{ text: '一' }] },
          { type: 'list-item', children: [{ text: '二' }] },
        ],
      },
      {
        type: 'table',
        children: [
          {
            type: 'table-row',
            children: [
              { type: 'table-cell', header: true, children: [{ text: '表' }] },
              { type: 'table-cell', children: [{ text: '格' }] },
            ],
          },
        ],
      },
    ]);
  });

  it('reads MathML with a TeX annotation as a formula', () => {
    const parsed = parseXml(
      '<p><math><semantics><mi>x</mi><annotation encoding="application/x-tex">x^2</annotation></semantics></math></p>',
    );
    if (!parsed.ok) throw new Error(parsed.reason);
    expect(markupToItemBody([parsed.root], noImages).content[0]).toMatchObject({
      children: [{ type: 'formula', latex: 'x^2' }],
    });
  });

  it('reports the line of broken XML', () => {
    expect(parseXml('<a>\n<b>\n</a>')).toMatchObject({ ok: false, line: 3 });
  });
});
