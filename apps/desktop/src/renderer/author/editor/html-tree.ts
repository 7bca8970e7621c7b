/*
 * A tolerant HTML → tree parser for pasted clipboard HTML (no DOM needed, so it is unit-tested
 * under Node). Word's conditional comments are resolved the way a browser without Office
 * would: `<![if !supportLists]>…<![endif]>` (the list bullet) becomes a `mso-list:Ignore` span,
 * which the paste rules read for the list kind and then drop.
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

const VOID_TAGS = new Set(['br', 'img', 'hr', 'meta', 'link', 'input', 'col', 'wbr']);
const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
};

export function decodeEntities(value: string): string {
  return value.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (/^#x/i.test(name)) return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(Number(name.slice(1)));
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

function stripWordNoise(html: string): string {
  return html
    .replace(
      /<!\[if !supportLists\]>([\s\S]*?)<!\[endif\]>/gi,
      '<span style="mso-list:Ignore">$1</span>',
    )
    .replace(/<!--\[if[\s\S]*?<!\[endif\]-->/gi, '')
    .replace(/<!\[if[^\]]*\]>|<!\[endif\]>/gi, '');
}

export function parseHtml(html: string): HtmlElement {
  const root: HtmlElement = { tag: '#root', attrs: {}, children: [] };
  const stack: HtmlElement[] = [root];
  const top = () => stack[stack.length - 1] ?? root;
  const tokens =
    /<!--[\s\S]*?-->|<(script|style|head|title)\b[\s\S]*?<\/\1\s*>|<\/?([a-zA-Z][\w:-]*)((?:\s+[^\s=>/]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?)*)\s*\/?>|[^<]+|</g;
  for (const match of stripWordNoise(html).matchAll(tokens)) {
    const token = match[0];
    const rawTag = match[2];
    if (token.startsWith('<!--') || match[1] !== undefined) continue;
    if (rawTag === undefined) {
      top().children.push({ text: decodeEntities(token) });
      continue;
    }
    const tag = rawTag.toLowerCase();
    if (token.startsWith('</')) {
      const index = stack.map((element) => element.tag).lastIndexOf(tag);
      if (index > 0) stack.length = index;
      continue;
    }
    const attrs: Record<string, string> = {};
    for (const attr of (match[3] ?? '').matchAll(
      /([^\s=>/]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g,
    )) {
      const name = attr[1];
      if (name !== undefined) {
        attrs[name.toLowerCase()] = decodeEntities(attr[2] ?? attr[3] ?? attr[4] ?? '');
      }
    }
    const element: HtmlElement = { tag, attrs, children: [] };
    top().children.push(element);
    if (!VOID_TAGS.has(tag) && !token.endsWith('/>')) stack.push(element);
  }
  return root;
}

export function htmlText(node: HtmlNode): string {
  return isHtmlElement(node) ? node.children.map(htmlText).join('') : node.text;
}
