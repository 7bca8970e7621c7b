import {
  contentBuilders,
  HTML_BLOCK_TAGS,
  HTML_MARK_TAGS,
  htmlText,
  isHtmlElement,
  itemBody,
  type BlockElement,
  type HtmlElement,
  type HtmlNode,
  type InlineNode,
  type ItemBody,
  type TableRowElement,
  type TextLeaf,
  type TextMark,
} from '@skillexam/shared';
import { findAll } from './markup-tree';
import { textToInlines } from './rich-text';

/*
 * (X)HTML markup → an ItemBody, keeping only what the document model can hold: paragraphs,
 * lists, tables, images (resolved to asset hashes by the caller), formulas (LaTeX in
 * `$…$`/`\(…\)`, `data-latex`, or MathML with a TeX annotation), and the marks
 * bold/italic/underline/sub/sup. Everything else (scripts, styles, links, fonts) is reduced
 * to its text.
 */

export interface MarkupOptions {
  /**
   * The asset hash of an `<img src>`; undefined when the picture cannot be found (a problem),
   * 'skip' to drop it silently (the caller has reported it).
   */
  resolveImage: (src: string) => string | 'skip' | undefined;
  /** Custom inline elements (QTI text entry → blank); 'skip' drops the element. */
  inline?: (element: HtmlElement) => InlineNode | 'skip' | undefined;
  /** Blank markers in text become blanks (fill-in stems), numbered by this counter. */
  nextBlankId?: () => string;
  onProblem: (reason: string) => void;
}

/** The shared tag tables, plus the block elements of QTI and of other HTML5 sources. */
const BLOCK_TAGS = new Set([
  ...HTML_BLOCK_TAGS,
  'section',
  'center',
  'qti-prompt',
  'prompt',
  'qti-content-body',
]);
const DROP_TAGS = new Set([
  'script',
  'style',
  'head',
  'title',
  'object',
  'iframe',
  'audio',
  'video',
]);

interface Sink {
  inlines: InlineNode[];
  blocks: BlockElement[] | undefined;
}

function withMarks(leaf: TextLeaf, marks: ReadonlySet<TextMark>): TextLeaf {
  return contentBuilders.text(leaf.text, [...marks]);
}

function sameMarks(a: TextLeaf, b: TextLeaf): boolean {
  return (['bold', 'italic', 'underline', 'subscript', 'superscript'] as const).every(
    (mark) => a[mark] === b[mark],
  );
}

function tidy(nodes: readonly InlineNode[]): InlineNode[] {
  const out: InlineNode[] = [];
  for (const node of nodes) {
    const last = out[out.length - 1];
    if (!('type' in node) && last !== undefined && !('type' in last) && sameMarks(last, node)) {
      out[out.length - 1] = { ...last, text: last.text + node.text };
    } else {
      out.push(node);
    }
  }
  const first = out[0];
  if (first !== undefined && !('type' in first))
    out[0] = { ...first, text: first.text.trimStart() };
  const lastIndex = out.length - 1;
  const last = out[lastIndex];
  if (last !== undefined && !('type' in last))
    out[lastIndex] = { ...last, text: last.text.trimEnd() };
  return out.filter((node) => 'type' in node || node.text !== '');
}

function flush(sink: Sink): void {
  const inlines = tidy(sink.inlines);
  sink.inlines = [];
  if (inlines.length > 0 && sink.blocks !== undefined) {
    sink.blocks.push(contentBuilders.paragraph(...inlines));
  } else if (inlines.length > 0) {
    sink.inlines = inlines;
  }
}

function mathLatex(element: HtmlElement): string | undefined {
  const annotation = findAll(element, 'annotation').find((node) =>
    /tex/i.test(node.attrs.encoding ?? ''),
  );
  if (annotation !== undefined) return htmlText(annotation).trim();
  return element.attrs.alttext;
}

function inlinesOf(
  nodes: readonly HtmlNode[],
  marks: ReadonlySet<TextMark>,
  options: MarkupOptions,
): InlineNode[] {
  const sink: Sink = { inlines: [], blocks: undefined };
  for (const node of nodes) walk(node, marks, sink, options);
  return tidy(
    sink.inlines.map((node) =>
      !('type' in node) ? { ...node, text: node.text.replace(/\s+/g, ' ') } : node,
    ),
  );
}

function tableRows(table: HtmlElement, options: MarkupOptions): TableRowElement[] {
  const rows: TableRowElement[] = [];
  for (const tr of findAll(table, 'tr')) {
    const cells = tr.children
      .filter(
        (child): child is HtmlElement =>
          isHtmlElement(child) && (child.tag === 'td' || child.tag === 'th'),
      )
      .map((cell) => {
        const inlines = inlinesOf(cell.children, new Set(), options);
        return cell.tag === 'th'
          ? contentBuilders.tableHeaderCell(...inlines)
          : contentBuilders.tableCell(...inlines);
      });
    const [first, ...rest] = cells;
    if (first !== undefined) rows.push(contentBuilders.tableRow(first, ...rest));
  }
  return rows;
}

function readableSrc(src: string): string {
  try {
    return decodeURIComponent(src).slice(0, 200);
  } catch {
    return src.slice(0, 200);
  }
}

function walk(
  node: HtmlNode,
  marks: ReadonlySet<TextMark>,
  sink: Sink,
  options: MarkupOptions,
): void {
  if (!isHtmlElement(node)) {
    const text = node.text.replace(/\s+/g, ' ');
    for (const inline of textToInlines(
      text,
      { blanks: options.nextBlankId !== undefined },
      options.nextBlankId,
    )) {
      sink.inlines.push('type' in inline ? inline : withMarks(inline, marks));
    }
    return;
  }
  const custom = options.inline?.(node);
  if (custom === 'skip') return;
  if (custom !== undefined) {
    sink.inlines.push(custom);
    return;
  }
  const { tag } = node;
  if (DROP_TAGS.has(tag)) return;
  const mark = HTML_MARK_TAGS[tag];
  if (mark !== undefined) {
    const inner = new Set(marks).add(mark);
    for (const child of node.children) walk(child, inner, sink, options);
    return;
  }
  if (tag === 'br') {
    if (sink.blocks === undefined) sink.inlines.push(contentBuilders.text(' '));
    else flush(sink);
    return;
  }
  if (tag === 'math' || node.attrs['data-latex'] !== undefined) {
    const latex = tag === 'math' ? mathLatex(node) : node.attrs['data-latex'];
    if (latex !== undefined && latex !== '') {
      sink.inlines.push(
        contentBuilders.formula(
          latex,
          (node.attrs.display ?? node.attrs['data-display']) === 'block' || undefined,
        ),
      );
    } else {
      sink.inlines.push(contentBuilders.text(htmlText(node), [...marks]));
    }
    return;
  }
  if (sink.blocks === undefined) {
    if (tag === 'img') options.onProblem('表格或列表中的图片不受支持，已忽略');
    else for (const child of node.children) walk(child, marks, sink, options);
    return;
  }
  if (tag === 'img') {
    flush(sink);
    const src = node.attrs.src ?? '';
    const hash = options.resolveImage(src);
    if (hash === undefined) options.onProblem(`找不到图片“${readableSrc(src)}”`);
    else if (hash !== 'skip') {
      const width = Number(node.attrs.width);
      sink.blocks.push(
        Number.isInteger(width) && width >= 1 && width <= 4000
          ? contentBuilders.image(hash, node.attrs.alt ?? '', width)
          : contentBuilders.image(hash, node.attrs.alt ?? ''),
      );
    }
    return;
  }
  if (tag === 'ul' || tag === 'ol') {
    flush(sink);
    const items = findAll(node, 'li').map((li) =>
      contentBuilders.listItem(...inlinesOf(li.children, marks, options)),
    );
    const [first, ...rest] = items;
    if (first !== undefined) {
      sink.blocks.push(
        tag === 'ul'
          ? contentBuilders.bulletedList(first, ...rest)
          : contentBuilders.numberedList(first, ...rest),
      );
    }
    return;
  }
  if (tag === 'table') {
    flush(sink);
    const [first, ...rest] = tableRows(node, options);
    if (first !== undefined) sink.blocks.push(contentBuilders.table(first, ...rest));
    return;
  }
  const isBlock = BLOCK_TAGS.has(tag);
  if (isBlock) flush(sink);
  for (const child of node.children) walk(child, marks, sink, options);
  if (isBlock) flush(sink);
}

/** Markup nodes → an ItemBody (one empty paragraph when nothing is left). */
export function markupToItemBody(nodes: readonly HtmlNode[], options: MarkupOptions): ItemBody {
  const sink: Sink = { inlines: [], blocks: [] };
  for (const node of nodes) walk(node, new Set(), sink, options);
  flush(sink);
  return itemBody(...(sink.blocks ?? []));
}
