import { errorMessage, isHtmlElement, type HtmlElement, type HtmlNode } from '@skillexam/shared';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { XML_MAX_DEPTH, XML_TOO_DEEP } from './xml-events';

/*
 * Strict XML (QTI item XML, Moodle XML; fast-xml-parser) → the same element tree as the shared
 * tolerant HTML reader gives for the HTML inside Moodle, GIFT and .docx (`parseHtml` with
 * `FRAGMENT_HTML`), plus the queries the format readers run on it. Names are lower-cased local
 * names without namespace prefixes.
 */

export function elementsOf(node: HtmlElement, tag?: string): HtmlElement[] {
  return node.children.filter(
    (child): child is HtmlElement =>
      isHtmlElement(child) && (tag === undefined || child.tag === tag),
  );
}

export function firstElement(node: HtmlElement, tag: string): HtmlElement | undefined {
  return elementsOf(node, tag)[0];
}

/** Depth-first search for every element with this tag. */
export function findAll(node: HtmlElement, tag: string): HtmlElement[] {
  const found: HtmlElement[] = [];
  const visit = (element: HtmlElement) => {
    for (const child of element.children) {
      if (!isHtmlElement(child)) continue;
      if (child.tag === tag) found.push(child);
      visit(child);
    }
  };
  visit(node);
  return found;
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

function fromOrdered(nodes: unknown, renames: XmlRenames): HtmlNode[] {
  const element = renames.element ?? ((name: string) => name);
  const attribute = renames.attribute ?? ((name: string) => name);
  if (!Array.isArray(nodes)) return [];
  const out: HtmlNode[] = [];
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
    // nestingTooDeep refuses deeper documents first, with the line.
    maxNestedTags: XML_MAX_DEPTH + 1,
  });
  return parserInstance;
}

/** Where `</` … `>`, a comment, CDATA, `<?…?>` or `<!…>` that starts at `from` ends. */
function markupEnd(xml: string, from: number): number {
  const skip = (close: string) => {
    const end = xml.indexOf(close, from);
    return end < 0 ? xml.length : end + close.length;
  };
  if (xml.startsWith('<!--', from)) return skip('-->');
  if (xml.startsWith('<![CDATA[', from)) return skip(']]>');
  if (xml.startsWith('<?', from)) return skip('?>');
  return skip('>');
}

/**
 * The line of the first element nested deeper than XML_MAX_DEPTH, found in one pass over the
 * text before any parser recurses into it (docs/decisions/0658), or undefined.
 */
function nestingTooDeep(xml: string): number | undefined {
  let depth = 0;
  let at = xml.indexOf('<');
  while (at >= 0) {
    const next = xml[at + 1];
    if (next === '!' || next === '?' || next === '/') {
      if (next === '/') depth -= 1;
      at = xml.indexOf('<', markupEnd(xml, at));
      continue;
    }
    let quote: string | undefined;
    let end = at + 1;
    for (; end < xml.length; end += 1) {
      const char = xml[end];
      if (quote !== undefined) {
        if (char === quote) quote = undefined;
      } else if (char === '"' || char === "'") quote = char;
      else if (char === '>') break;
    }
    if (xml[end - 1] !== '/') {
      depth += 1;
      if (depth > XML_MAX_DEPTH) return xml.slice(0, at).split('\n').length;
    }
    at = xml.indexOf('<', end);
  }
  return undefined;
}

export type XmlParseResult =
  { ok: true; root: HtmlElement } | { ok: false; line: number; reason: string };

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
  const tooDeep = nestingTooDeep(xml);
  if (tooDeep !== undefined) return { ok: false, line: tooDeep, reason: XML_TOO_DEEP };
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    return { ok: false, line: valid.err.line, reason: `XML 格式错误：${valid.err.msg}` };
  }
  const parser = sharedParser();
  let parsed: unknown;
  try {
    parsed = parser.parse(xml);
  } catch (error) {
    const detail = errorMessage(error);
    return { ok: false, line: 1, reason: `XML 格式错误：${detail}` };
  }
  const root = fromOrdered(parsed, renames).find(isHtmlElement);
  if (root === undefined) return { ok: false, line: 1, reason: 'XML 中没有根元素' };
  return { ok: true, root };
}
