import { XMLParser, XMLValidator } from 'fast-xml-parser';

/*
 * A small element tree shared by the XML formats: QTI item XML (parsed strictly with
 * fast-xml-parser) and the HTML inside Moodle XML / GIFT (parsed tolerantly here).
 * Names are lower-cased local names without namespace prefixes.
 */

export interface MarkupElement {
  tag: string;
  attrs: Record<string, string>;
  children: MarkupNode[];
}
export type MarkupNode = MarkupElement | { text: string };

export function isElement(node: MarkupNode): node is MarkupElement {
  return 'tag' in node;
}

export function elementsOf(node: MarkupElement, tag?: string): MarkupElement[] {
  return node.children.filter(
    (child): child is MarkupElement => isElement(child) && (tag === undefined || child.tag === tag),
  );
}

export function firstElement(node: MarkupElement, tag: string): MarkupElement | undefined {
  return elementsOf(node, tag)[0];
}

/** Depth-first search for every element with this tag. */
export function findAll(node: MarkupElement, tag: string): MarkupElement[] {
  const found: MarkupElement[] = [];
  const visit = (element: MarkupElement) => {
    for (const child of element.children) {
      if (!isElement(child)) continue;
      if (child.tag === tag) found.push(child);
      visit(child);
    }
  };
  visit(node);
  return found;
}

export function textContent(node: MarkupNode): string {
  return isElement(node) ? node.children.map(textContent).join('') : node.text;
}

function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon >= 0 ? name.slice(colon + 1) : name;
}

/** Maps raw (case-preserved, prefix-free) names; the result is lower-cased. */
export interface XmlRenames {
  element?: (name: string) => string;
  attribute?: (name: string) => string;
}

type Ordered = Record<string, unknown>;

function fromOrdered(nodes: unknown, renames: XmlRenames): MarkupNode[] {
  const element = renames.element ?? ((name: string) => name);
  const attribute = renames.attribute ?? ((name: string) => name);
  if (!Array.isArray(nodes)) return [];
  const out: MarkupNode[] = [];
  for (const raw of nodes as Ordered[]) {
    for (const [key, value] of Object.entries(raw)) {
      if (key === ':@') continue;
      if (key === '#text') {
        out.push({ text: String(value) });
        continue;
      }
      if (key.startsWith('?') || key.startsWith('!')) continue;
      const attrs: Record<string, string> = {};
      const rawAttrs = raw[':@'];
      if (typeof rawAttrs === 'object' && rawAttrs !== null) {
        for (const [name, attrValue] of Object.entries(rawAttrs)) {
          attrs[attribute(localName(name.replace(/^@_/, ''))).toLowerCase()] = String(attrValue);
        }
      }
      out.push({
        tag: element(localName(key)).toLowerCase(),
        attrs,
        children: fromOrdered(value, renames),
      });
    }
  }
  return out;
}

let parserInstance: XMLParser | undefined;

/** One parser for every document: building one costs more than parsing a small item. */
function sharedParser(): XMLParser {
  parserInstance ??= new XMLParser({
    preserveOrder: true,
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: false,
    processEntities: true,
    htmlEntities: true,
    cdataPropName: false,
  });
  return parserInstance;
}

export type XmlParseResult =
  { ok: true; root: MarkupElement } | { ok: false; line: number; reason: string };

/**
 * Strict XML → tree. `renames` map element and attribute names (e.g. QTI 2 camelCase to
 * QTI 3 kebab-case). Broken XML gives the line and the parser's message.
 */
export function parseXml(xml: string, renames: XmlRenames = {}): XmlParseResult {
  const entity = /<!ENTITY/i.exec(xml);
  if (entity !== null) {
    const line = xml.slice(0, entity.index).split('\n').length;
    return { ok: false, line, reason: 'XML 中不允许定义实体（<!ENTITY>），出于安全原因拒绝导入' };
  }
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    return { ok: false, line: valid.err.line, reason: `XML 格式错误：${valid.err.msg}` };
  }
  const parser = sharedParser();
  const parsed: unknown = parser.parse(xml);
  const root = fromOrdered(parsed, renames).find(isElement);
  if (root === undefined) return { ok: false, line: 1, reason: 'XML 中没有根元素' };
  return { ok: true, root };
}

const VOID_TAGS = new Set([
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
const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
};

export function decodeEntities(value: string): string {
  return value.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name.startsWith('#x') || name.startsWith('#X'))
      return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(Number(name.slice(1)));
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/**
 * Tolerant HTML → tree for the HTML fragments of Moodle and GIFT: unclosed and stray tags are
 * forgiven, `<script>`/`<style>` content is dropped, attributes are decoded.
 */
export function parseHtmlFragment(html: string): MarkupElement {
  const root: MarkupElement = { tag: '#root', attrs: {}, children: [] };
  const stack: MarkupElement[] = [root];
  const top = () => stack[stack.length - 1] ?? root;
  const tokens =
    /<!--[\s\S]*?-->|<(script|style)\b[\s\S]*?<\/\1\s*>|<\/?([a-zA-Z][\w:-]*)((?:\s+[^\s=>/]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?)*)\s*\/?>|[^<]+|</g;
  for (const match of html.matchAll(tokens)) {
    const token = match[0];
    const tagName = match[2];
    if (token.startsWith('<!--') || match[1] !== undefined) continue;
    if (tagName === undefined) {
      top().children.push({ text: decodeEntities(token) });
      continue;
    }
    const tag = localName(tagName).toLowerCase();
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
      if (name !== undefined)
        attrs[name.toLowerCase()] = decodeEntities(attr[2] ?? attr[3] ?? attr[4] ?? '');
    }
    const element: MarkupElement = { tag, attrs, children: [] };
    top().children.push(element);
    if (!VOID_TAGS.has(tag) && !token.endsWith('/>')) stack.push(element);
  }
  return root;
}
