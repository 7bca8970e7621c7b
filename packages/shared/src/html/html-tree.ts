/*
 * The one tolerant HTML → tree reader, for HTML that arrives from outside: clipboard HTML pasted
 * into the editor (Word, WPS, web pages) and the HTML fragments inside Moodle XML, GIFT and
 * converted .docx files. No DOM and no node imports: it runs in the renderer and under Node.
 * Unclosed and stray tags are forgiven, comments and the content of the `dropContentOf`
 * elements are dropped, tag and attribute names are lower-cased, entities decoded.
 */

export interface HtmlElement {
  readonly tag: string;
  readonly attrs: Record<string, string>;
  readonly children: HtmlNode[];
}
export type HtmlNode = HtmlElement | { readonly text: string };

export function isHtmlElement(node: HtmlNode): node is HtmlElement {
  return 'tag' in node;
}

/** The text of a node and everything under it. */
export function htmlText(node: HtmlNode): string {
  return isHtmlElement(node) ? node.children.map(htmlText).join('') : node.text;
}

export interface HtmlReadOptions {
  /** Elements dropped with their content (raw-text elements the reader never shows). */
  readonly dropContentOf: readonly string[];
  /** `o:p` stays `o:p` ('keep', the paste rules read Word's tags) or becomes `p` ('strip'). */
  readonly namespacePrefixes: 'keep' | 'strip';
  /** Resolve Word's `<![if …]>` conditionals as a browser without Office would. */
  readonly wordConditionals: boolean;
  /** `&nbsp;` as U+00A0 ('keep') or as a plain space ('space'). */
  readonly nbsp: 'keep' | 'space';
}

/** The editor's paste reader: Word's tags and conditionals, no document head. */
export const PASTE_HTML: HtmlReadOptions = {
  dropContentOf: ['script', 'style', 'head', 'title'],
  namespacePrefixes: 'keep',
  wordConditionals: true,
  nbsp: 'keep',
};

/** The importers' fragment reader (Moodle, GIFT, .docx): names without prefixes. */
export const FRAGMENT_HTML: HtmlReadOptions = {
  dropContentOf: ['script', 'style'],
  namespacePrefixes: 'strip',
  wordConditionals: false,
  nbsp: 'space',
};

/** Elements that never have content (closing them is implied). */
export const HTML_VOID_TAGS: ReadonlySet<string> = new Set([
  'br',
  'img',
  'hr',
  'input',
  'meta',
  'link',
  'col',
  'area',
  'base',
  'wbr',
  'source',
]);

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Named (`&amp;` … `&nbsp;`) and numeric (`&#20013;`, `&#x4e2d;`) references; others stay. */
export function decodeEntities(value: string, nbsp: 'keep' | 'space' = 'keep'): string {
  return value.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (/^#x/i.test(name)) return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(Number(name.slice(1)));
    const lower = name.toLowerCase();
    if (lower === 'nbsp') return nbsp === 'keep' ? '\u00a0' : ' ';
    return ENTITIES[lower] ?? whole;
  });
}

/**
 * Word's conditionals: `<![if !supportLists]>…<![endif]>` (a list bullet) becomes a
 * `mso-list:Ignore` span, which the paste rules read for the list kind and then drop.
 */
function resolveWordConditionals(html: string): string {
  return html
    .replace(
      /<!\[if !supportLists\]>([\s\S]*?)<!\[endif\]>/gi,
      '<span style="mso-list:Ignore">$1</span>',
    )
    .replace(/<!--\[if[\s\S]*?<!\[endif\]-->/gi, '')
    .replace(/<!\[if[^\]]*\]>|<!\[endif\]>/gi, '');
}

function tokenPattern(dropContentOf: readonly string[]): RegExp {
  const dropped = dropContentOf.map((tag) => tag.replace(/[^\w:-]/g, '')).join('|');
  return new RegExp(
    String.raw`<!--[\s\S]*?-->|<(${dropped})\b[\s\S]*?<\/\1\s*>|<\/?([a-zA-Z][\w:-]*)((?:\s+[^\s=>/]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?)*)\s*\/?>|[^<]+|<`,
    'g',
  );
}

function tagName(raw: string, prefixes: 'keep' | 'strip'): string {
  const colon = raw.indexOf(':');
  const name = prefixes === 'strip' && colon >= 0 ? raw.slice(colon + 1) : raw;
  return name.toLowerCase();
}

function readAttributes(source: string, nbsp: 'keep' | 'space'): Record<string, string> {
  const attrs: Record<string, string> = {};
  for (const attr of source.matchAll(/([^\s=>/]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g)) {
    const name = attr[1];
    if (name !== undefined) {
      attrs[name.toLowerCase()] = decodeEntities(attr[2] ?? attr[3] ?? attr[4] ?? '', nbsp);
    }
  }
  return attrs;
}

/** HTML → a tree under a `#root` element. */
export function parseHtml(html: string, options: HtmlReadOptions): HtmlElement {
  const root: HtmlElement = { tag: '#root', attrs: {}, children: [] };
  const stack: HtmlElement[] = [root];
  const top = () => stack[stack.length - 1] ?? root;
  const source = options.wordConditionals ? resolveWordConditionals(html) : html;
  for (const match of source.matchAll(tokenPattern(options.dropContentOf))) {
    const token = match[0];
    const rawTag = match[2];
    if (token.startsWith('<!--') || match[1] !== undefined) continue;
    if (rawTag === undefined) {
      top().children.push({ text: decodeEntities(token, options.nbsp) });
      continue;
    }
    const tag = tagName(rawTag, options.namespacePrefixes);
    if (token.startsWith('</')) {
      const index = stack.map((element) => element.tag).lastIndexOf(tag);
      if (index > 0) stack.length = index;
      continue;
    }
    const element: HtmlElement = {
      tag,
      attrs: readAttributes(match[3] ?? '', options.nbsp),
      children: [],
    };
    top().children.push(element);
    if (!HTML_VOID_TAGS.has(tag) && !token.endsWith('/>')) stack.push(element);
  }
  return root;
}
