import {
  HTML_BLOCK_TAGS,
  HTML_MARK_TAGS,
  htmlText,
  isHtmlElement,
  parseHtml,
  PASTE_HTML,
  type HtmlElement,
  type HtmlNode,
  type TextMark,
} from '@skillexam/shared';
import type { EditorElement, EditorNode, EditorText } from './editor-types';

/*
 * Pasted HTML (Word, WPS, web pages) → editor blocks (docs/architecture.md#rich-content):
 * the shared `parseHtml` (PASTE_HTML) reads the HTML; BLOCK_TAGS make blocks, HTML_MARK_TAGS
 * and inline styles make marks. Word specifics: `<o:p>`,
 * `mso-*` classes and styles, list paragraphs (`MsoListParagraph`, `mso-list:`) become list
 * items, `mso-list:Ignore` bullets are dropped. Fonts, colours and sizes are not kept (the exam
 * renders one typeface). Images in HTML are left out: their bytes arrive as clipboard files.
 */

/** The shared tag tables; a pasted `li` outside a list reads as a paragraph. */
const BLOCK_TAGS = new Set([...HTML_BLOCK_TAGS, 'li']);

type Marks = Partial<Record<TextMark, boolean>>;

function styleMarks(style: string | undefined, marks: Marks): Marks {
  if (style === undefined) return marks;
  const css = style.toLowerCase().replace(/\s+/g, '');
  const next = { ...marks };
  if (/font-weight:(bold|[6-9]00)/.test(css)) next.bold = true;
  if (/font-style:italic/.test(css)) next.italic = true;
  if (/text-decoration(-line)?:[^;]*underline/.test(css) || /text-underline:/.test(css))
    next.underline = true;
  if (/vertical-align:(super|sup)/.test(css) || /mso-text-raise:[1-9]/.test(css))
    next.superscript = true;
  if (/vertical-align:sub/.test(css)) next.subscript = true;
  return next;
}

function isIgnoredWordSpan(element: HtmlElement): boolean {
  return (
    /mso-list:\s*ignore/i.test(element.attrs['style'] ?? '') ||
    (element.tag === 'o:p' && htmlText(element).trim() === '')
  );
}

function inlineNodes(nodes: readonly HtmlNode[], marks: Marks): EditorNode[] {
  const out: EditorNode[] = [];
  for (const node of nodes) {
    if (!isHtmlElement(node)) {
      const text = node.text.replace(/[\r\n\t ]+/g, ' ').replace(/\u00a0/g, ' ');
      if (text !== '') out.push({ text, ...marks } as EditorText);
      continue;
    }
    if (isIgnoredWordSpan(node)) continue;
    if (node.tag === 'br') {
      out.push({ text: '\n', ...marks } as EditorText);
      continue;
    }
    if (node.tag === 'img') continue;
    const mark = HTML_MARK_TAGS[node.tag];
    const nextMarks = styleMarks(
      node.attrs['style'],
      mark === undefined ? marks : { ...marks, [mark]: true },
    );
    if (node.attrs['data-latex'] !== undefined) {
      out.push({ type: 'formula', latex: node.attrs['data-latex'], children: [{ text: '' }] });
      continue;
    }
    out.push(...inlineNodes(node.children, nextMarks));
  }
  return out;
}

function trimInlines(nodes: EditorNode[]): EditorNode[] {
  const first = nodes[0];
  if (first !== undefined && !('type' in first))
    nodes[0] = { ...first, text: first.text.replace(/^\s+/, '') };
  const last = nodes[nodes.length - 1];
  if (last !== undefined && !('type' in last)) {
    nodes[nodes.length - 1] = { ...last, text: last.text.replace(/\s+$/, '') };
  }
  return nodes;
}

function isWordListParagraph(element: HtmlElement): boolean {
  return (
    /MsoListParagraph/i.test(element.attrs['class'] ?? '') ||
    /mso-list:\s*l\d/i.test(element.attrs['style'] ?? '')
  );
}

/** Word writes the bullet in a `mso-list:Ignore` span: digits mean a numbered list. */
function wordListKind(element: HtmlElement): 'numbered-list' | 'bulleted-list' {
  const marker = findIgnoredText(element);
  return /^\s*[(（]?[0-9a-zA-Z一二三四五六七八九十]+[.)）、]/.test(marker)
    ? 'numbered-list'
    : 'bulleted-list';
}

function findIgnoredText(element: HtmlElement): string {
  for (const child of element.children) {
    if (!isHtmlElement(child)) continue;
    if (/mso-list:\s*ignore/i.test(child.attrs['style'] ?? '')) return htmlText(child);
    const inner = findIgnoredText(child);
    if (inner !== '') return inner;
  }
  return '';
}

function tableBlock(table: HtmlElement): EditorElement | undefined {
  const rows: EditorElement[] = [];
  const visitRows = (element: HtmlElement) => {
    for (const child of element.children) {
      if (!isHtmlElement(child)) continue;
      if (child.tag === 'tr') {
        const cells = child.children
          .filter(isHtmlElement)
          .filter((cell) => cell.tag === 'td' || cell.tag === 'th');
        if (cells.length === 0) continue;
        rows.push({
          type: 'table-row',
          children: cells.map((cell) => ({
            type: 'table-cell',
            ...(cell.tag === 'th' ? { header: true } : {}),
            children: trimInlines(joinParagraphs(cell)),
          })),
        });
      } else if (['thead', 'tbody', 'tfoot'].includes(child.tag)) visitRows(child);
    }
  };
  visitRows(table);
  return rows.length === 0 ? undefined : { type: 'table', children: rows };
}

/** A cell's paragraphs on separate lines (a cell holds inline content only). */
function joinParagraphs(cell: HtmlElement): EditorNode[] {
  const parts = cell.children.filter(
    (child) => !(isHtmlElement(child) && isIgnoredWordSpan(child)),
  );
  const out: EditorNode[] = [];
  for (const part of parts) {
    if (isHtmlElement(part) && BLOCK_TAGS.has(part.tag)) {
      if (out.length > 0) out.push({ text: '\n' });
      out.push(...trimInlines(inlineNodes(part.children, styleMarks(part.attrs['style'], {}))));
    } else out.push(...inlineNodes([part], {}));
  }
  return out;
}

function blocksOf(nodes: readonly HtmlNode[], out: EditorElement[]): void {
  let loose: HtmlNode[] = [];
  const flushLoose = () => {
    const inlines = trimInlines(inlineNodes(loose, {}));
    if (inlines.some((node) => 'type' in node || node.text.trim() !== '')) {
      out.push({ type: 'paragraph', children: inlines });
    }
    loose = [];
  };
  for (const node of nodes) {
    if (
      !isHtmlElement(node) ||
      HTML_MARK_TAGS[node.tag] !== undefined ||
      ['span', 'a', 'font', 'br', 'o:p'].includes(node.tag)
    ) {
      loose.push(node);
      continue;
    }
    flushLoose();
    if (node.tag === 'table') {
      const table = tableBlock(node);
      if (table !== undefined) out.push(table);
    } else if (node.tag === 'ul' || node.tag === 'ol') {
      const items = node.children
        .filter(isHtmlElement)
        .filter((child) => child.tag === 'li')
        .map((li): EditorElement => ({
          type: 'list-item',
          children: trimInlines(inlineNodes(li.children, {})),
        }));
      if (items.length > 0)
        out.push({ type: node.tag === 'ul' ? 'bulleted-list' : 'numbered-list', children: items });
    } else if (BLOCK_TAGS.has(node.tag) && isWordListParagraph(node)) {
      const kind = wordListKind(node);
      const item: EditorElement = {
        type: 'list-item',
        children: trimInlines(inlineNodes(node.children, styleMarks(node.attrs['style'], {}))),
      };
      const previous = out[out.length - 1];
      if (previous !== undefined && previous.type === kind) previous.children.push(item);
      else out.push({ type: kind, children: [item] });
    } else if (BLOCK_TAGS.has(node.tag)) {
      const hasBlocks = node.children.some(
        (child) =>
          isHtmlElement(child) &&
          (BLOCK_TAGS.has(child.tag) ||
            child.tag === 'table' ||
            child.tag === 'ul' ||
            child.tag === 'ol'),
      );
      if (hasBlocks) blocksOf(node.children, out);
      else {
        const inlines = trimInlines(
          inlineNodes(
            node.children,
            styleMarks(node.attrs['style'], /^h[1-6]$/.test(node.tag) ? { bold: true } : {}),
          ),
        );
        if (inlines.some((inline) => 'type' in inline || inline.text.trim() !== '')) {
          out.push({ type: 'paragraph', children: inlines });
        }
      }
    } else blocksOf(node.children, out);
  }
  flushLoose();
}

/** Clipboard HTML → editor blocks (not yet normalized: pass through `normalizeEditorValue`). */
export function htmlToEditorBlocks(html: string): EditorElement[] {
  const out: EditorElement[] = [];
  const root = parseHtml(html, PASTE_HTML);
  const body = findBody(root) ?? root;
  blocksOf(body.children, out);
  return out;
}

function findBody(root: HtmlElement): HtmlElement | undefined {
  for (const child of root.children) {
    if (!isHtmlElement(child)) continue;
    if (child.tag === 'body') return child;
    const inner = findBody(child);
    if (inner !== undefined) return inner;
  }
  return undefined;
}
