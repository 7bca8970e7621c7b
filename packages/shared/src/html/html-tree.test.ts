import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { HTML_BLOCK_TAGS, HTML_MARK_TAGS } from './html-tags';
import {
  decodeEntities,
  FRAGMENT_HTML,
  htmlText,
  parseHtml,
  PASTE_HTML,
  type HtmlElement,
} from './html-tree';

/*
 * The fixtures are real clipboard and LMS HTML; the expected trees are what the editor's paste
 * reader and the importers' fragment reader gave before they became this one reader.
 */
const fixture = (name: string) =>
  readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
const tree = (name: string) => JSON.parse(fixture(name)) as HtmlElement;

describe('parseHtml', () => {
  it('reads a whole Word clipboard document as the paste rules expect', () => {
    expect(parseHtml(fixture('word-paste-diangong.html'), PASTE_HTML)).toEqual(
      tree('word-paste-diangong.paste-tree.json'),
    );
  });

  it('reads HTML fragments as the importers expect', () => {
    for (const name of ['word-paste-diangong', 'moodle-fragments-anquan']) {
      expect(parseHtml(fixture(`${name}.html`), FRAGMENT_HTML)).toEqual(
        tree(`${name}.fragment-tree.json`),
      );
    }
  });

  it('keeps Word prefixes and bullets for pasting, strips them for importing', () => {
    const html =
      "<p style='mso-list:l0 level1 lfo1'><![if !supportLists]>1.<![endif]>接地<o:p>&nbsp;</o:p></p>";
    const pasted = parseHtml(html, PASTE_HTML);
    const imported = parseHtml(html, FRAGMENT_HTML);
    expect(JSON.stringify(pasted)).toContain('"tag":"o:p"');
    expect(JSON.stringify(pasted)).toContain('mso-list:Ignore');
    expect(htmlText(pasted)).toBe('1.接地\u00a0');
    expect(JSON.stringify(imported)).not.toContain('o:p');
    // Word's conditionals are not resolved in an imported fragment: they stay text.
    expect(htmlText(imported)).toBe('<![if !supportLists]>1.<![endif]>接地 ');
  });

  it('drops the head and title only when pasting a whole document', () => {
    const html = '<head><title>安全生产题库</title></head><p>正文</p>';
    expect(htmlText(parseHtml(html, PASTE_HTML))).toBe('正文');
    expect(htmlText(parseHtml(html, FRAGMENT_HTML))).toBe('安全生产题库正文');
  });
});

describe('decodeEntities', () => {
  it('decodes named and numeric references and leaves unknown ones', () => {
    expect(decodeEntities('&lt;&#x3A9;&#8451;&AMP;&unknown;')).toBe('<Ω℃&&unknown;');
    expect(decodeEntities('A&nbsp;B')).toBe('A\u00a0B');
    expect(decodeEntities('A&nbsp;B', 'space')).toBe('A B');
  });
});

describe('tag tables', () => {
  it('map the mark tags to the document marks and list the common blocks', () => {
    expect(HTML_MARK_TAGS['strong']).toBe('bold');
    expect(HTML_MARK_TAGS['sup']).toBe('superscript');
    expect(HTML_BLOCK_TAGS).toContain('blockquote');
    expect(HTML_BLOCK_TAGS).not.toContain('li');
  });
});
