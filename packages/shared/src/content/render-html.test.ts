import { describe, expect, it } from 'vitest';
import {
  blank,
  bulletedList,
  formula,
  image,
  itemBody,
  listItem,
  numberedList,
  paragraph,
  table,
  tableCell,
  tableHeaderCell,
  tableRow,
  text,
} from './builders';
import type { ItemBody } from './item-body';
import { renderToSafeHtml, type SafeHtmlOptions } from './render-html';

const HASH = 'c'.repeat(64);
const options: SafeHtmlOptions = { assetUrl: (hash) => `app://assets/${hash}` };

const fixtures: readonly { name: string; doc: ItemBody; html: string }[] = [
  {
    name: 'paragraph with marks and a line break',
    doc: itemBody(
      paragraph('H', text('2', ['subscript']), 'O ', text('注意\n事项', ['bold', 'underline'])),
    ),
    html: '<p>H<sub>2</sub>O <strong><u>注意<br>事项</u></strong></p>',
  },
  {
    name: 'lists',
    doc: itemBody(bulletedList(listItem('a'), listItem('b')), numberedList(listItem('c'))),
    html: '<ul><li>a</li><li>b</li></ul><ol><li>c</li></ol>',
  },
  {
    name: 'table with a header row',
    doc: itemBody(
      table(
        tableRow(tableHeaderCell('量'), tableHeaderCell('单位')),
        tableRow(tableCell('电压'), tableCell('V')),
      ),
    ),
    html: '<table class="rc-table"><tbody><tr><th>量</th><th>单位</th></tr><tr><td>电压</td><td>V</td></tr></tbody></table>',
  },
  {
    name: 'image through assetUrl',
    doc: itemBody(image(HASH, '接线图', 240)),
    html: `<img class="rc-image" src="app://assets/${HASH}" alt="接线图" width="240">`,
  },
  {
    name: 'formula without a formula renderer, and a blank',
    doc: itemBody(paragraph('P = ', formula('U \\cdot I'), '，单位', blank('b1'))),
    html: '<p>P = <span class="rc-formula" data-latex="U \\cdot I">U \\cdot I</span>，单位<span class="rc-blank" data-blank-id="b1">____</span></p>',
  },
];

describe('renderToSafeHtml fixtures', () => {
  for (const fixture of fixtures) {
    it(fixture.name, () => {
      expect(renderToSafeHtml(fixture.doc, options)).toBe(fixture.html);
    });
  }

  it('uses the formula renderer when given, and falls back if it throws', () => {
    const doc = itemBody(paragraph(formula('x^2', true)));
    const rendered = renderToSafeHtml(doc, {
      ...options,
      renderFormula: (latex, display) => `<katex>${latex}|${display}</katex>`,
    });
    expect(rendered).toBe(
      '<p><span class="rc-formula rc-formula-display"><katex>x^2|true</katex></span></p>',
    );
    const fallback = renderToSafeHtml(doc, {
      ...options,
      renderFormula: () => {
        throw new Error('parse error');
      },
    });
    expect(fallback).toContain('>x^2</span>');
  });
});

describe('renderToSafeHtml against hostile content', () => {
  const attacks = [
    '<script>alert(1)</script>',
    '"><img src=x onerror=alert(1)>',
    "' onmouseover='alert(1)",
    '" onerror="alert(1)',
    '<iframe src="javascript:alert(1)"></iframe>',
    '&lt;script&gt;',
  ];

  const ALLOWED_TAGS = new Set([
    'p',
    'strong',
    'em',
    'u',
    'sub',
    'sup',
    'br',
    'ul',
    'ol',
    'li',
    'table',
    'tbody',
    'tr',
    'th',
    'td',
    'img',
    'span',
  ]);
  const ALLOWED_ATTRIBUTES = new Set([
    'class',
    'src',
    'alt',
    'width',
    'data-latex',
    'data-blank-id',
  ]);
  const TAG = /^<\/?([a-z]+)((?:\s+[a-z-]+="[^"<>]*")*)\s*>/;

  /**
   * Tokenises the output the way a browser would: every "<" must open a tag the renderer writes,
   * with only known attributes whose double-quoted values hold no quote or angle bracket, and
   * text between tags holds no raw "<", ">" or quote. So no input can add a tag or attribute.
   */
  function expectInert(html: string): void {
    let rest = html;
    while (rest.length > 0) {
      if (rest.startsWith('<')) {
        const match = TAG.exec(rest);
        expect(match, `unexpected markup at: ${rest.slice(0, 40)}`).not.toBeNull();
        const [whole = '', tag = '', attributes = ''] = match ?? [];
        expect(ALLOWED_TAGS.has(tag), `tag ${tag}`).toBe(true);
        for (const [, name = ''] of attributes.matchAll(/([a-z-]+)="/g)) {
          expect(ALLOWED_ATTRIBUTES.has(name), `attribute ${name}`).toBe(true);
        }
        rest = rest.slice(whole.length);
      } else {
        const next = rest.indexOf('<');
        const textPart = next === -1 ? rest : rest.slice(0, next);
        expect(textPart).not.toMatch(/[>"']/);
        rest = next === -1 ? '' : rest.slice(next);
      }
    }
  }

  it('has an inertness check that does catch injected markup', () => {
    expect(() => expectInert('<img src="x" onerror="alert(1)">')).toThrow();
    expect(() => expectInert('<p><script>alert(1)</script></p>')).toThrow();
    expect(() => expectInert('<img alt="" onerror=alert(1)>')).toThrow();
    expect(() => expectInert('<p>" onclick="x</p>')).toThrow();
  });

  it.each(attacks)('escapes text: %s', (attack) => {
    const html = renderToSafeHtml(itemBody(paragraph(attack)), options);
    expectInert(html);
    expect(html).toContain('&');
  });

  it.each(attacks)('escapes attributes (alt, blank id, LaTeX): %s', (attack) => {
    const doc = {
      format: 'item-body',
      version: 1,
      content: [
        image(HASH, attack),
        paragraph(formula(attack), { type: 'blank', blankId: attack, children: [{ text: '' }] }),
      ],
    } as ItemBody;
    expectInert(renderToSafeHtml(doc, options));
  });

  it('escapes "&" so entities in text stay text', () => {
    expect(renderToSafeHtml(itemBody(paragraph('&lt;b&gt;')), options)).toBe(
      '<p>&amp;lt;b&amp;gt;</p>',
    );
  });

  it.each([
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    ' java\tscript:alert(1)',
    'vbscript:msgbox(1)',
    'data:text/html;base64,PHNjcmlwdD4=',
    'data:image/svg+xml;base64,PHN2Zz4=',
    '//evil.example/x.png',
  ])('drops an unsafe image URL from assetUrl: %s', (url) => {
    const html = renderToSafeHtml(itemBody(image(HASH, 'x')), { assetUrl: () => url });
    expect(html).toBe('<img class="rc-image" alt="x">');
  });

  it('escapes quotes inside a URL it allows', () => {
    const html = renderToSafeHtml(itemBody(image(HASH, 'x')), { assetUrl: () => '/assets/a"b' });
    expect(html).toContain('src="/assets/a&quot;b"');
  });

  it('does not ask for a URL when the hash is not a hash', () => {
    const doc = {
      format: 'item-body',
      version: 1,
      content: [{ ...image(HASH), assetHash: '"><script>' }],
    } as ItemBody;
    const calls: string[] = [];
    const html = renderToSafeHtml(doc, { assetUrl: (hash) => (calls.push(hash), '/x') });
    expect(calls).toEqual([]);
    expectInert(html);
  });

  it('renders unknown node types as nothing instead of passing them through', () => {
    const doc = {
      format: 'item-body',
      version: 1,
      content: [
        { type: 'html', html: '<script>alert(1)</script>', children: [{ text: '' }] },
        {
          type: 'paragraph',
          children: [{ type: 'raw', children: [{ text: '<b>' }] }, { text: 'ok' }],
        },
      ],
    } as unknown as ItemBody;
    expect(renderToSafeHtml(doc, options)).toBe('<p>ok</p>');
  });
});
