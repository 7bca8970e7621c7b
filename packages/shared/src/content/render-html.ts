import { isAssetHash } from './asset-hash';
import type {
  BlockElement,
  ImageElement,
  InlineNode,
  TableCellElement,
  TextLeaf,
} from './content-nodes';
import { escapeHtml } from './escape-html';
import type { ItemBody } from './item-body';
import { isSafeImageUrl } from './safe-url';

export interface SafeHtmlOptions {
  /** Turns an asset hash into an image URL (e.g. `app://assets/<hash>`); unsafe URLs are dropped. */
  assetUrl(hash: string): string;
  /**
   * Renders LaTeX to HTML, e.g. KaTeX `renderToString` with `trust: false`. Its output is the
   * one string inserted without escaping, so it must come from a trusted renderer. Without it
   * (or if it throws) the LaTeX source is shown as escaped text.
   */
  renderFormula?(latex: string, display: boolean): string;
}

/*
 * Document → HTML as a recursive switch (docs/architecture.md#rich-content). Every text and
 * attribute value is escaped; element names and attribute names come only from this file; unknown
 * node types render as nothing. No input string ever reaches the output as markup.
 */

const MARK_TAGS = [
  ['bold', 'strong'],
  ['italic', 'em'],
  ['underline', 'u'],
  ['subscript', 'sub'],
  ['superscript', 'sup'],
] as const satisfies readonly (readonly [keyof TextLeaf, string])[];

function renderText(leaf: TextLeaf): string {
  let html = escapeHtml(leaf.text).replace(/\r?\n/g, '<br>');
  for (const [mark, tag] of [...MARK_TAGS].reverse()) {
    if (leaf[mark] === true) html = `<${tag}>${html}</${tag}>`;
  }
  return html;
}

function renderFormula(latex: string, display: boolean, options: SafeHtmlOptions): string {
  const className = display ? 'rc-formula rc-formula-display' : 'rc-formula';
  if (options.renderFormula !== undefined) {
    try {
      return `<span class="${className}">${options.renderFormula(latex, display)}</span>`;
    } catch {
      // Fall through to the escaped source.
    }
  }
  return `<span class="${className}" data-latex="${escapeHtml(latex)}">${escapeHtml(latex)}</span>`;
}

function renderInline(node: InlineNode, options: SafeHtmlOptions): string {
  if (!('type' in node)) return typeof node.text === 'string' ? renderText(node) : '';
  switch (node.type) {
    case 'formula':
      return renderFormula(String(node.latex), node.display === true, options);
    case 'blank':
      return `<span class="rc-blank" data-blank-id="${escapeHtml(String(node.blankId))}">____</span>`;
    default:
      return '';
  }
}

function renderInlines(nodes: readonly InlineNode[], options: SafeHtmlOptions): string {
  return Array.isArray(nodes) ? nodes.map((node) => renderInline(node, options)).join('') : '';
}

function renderImage(node: ImageElement, options: SafeHtmlOptions): string {
  const alt = ` alt="${escapeHtml(typeof node.alt === 'string' ? node.alt : '')}"`;
  const width =
    Number.isInteger(node.width) && (node.width ?? 0) > 0 ? ` width="${String(node.width)}"` : '';
  if (!isAssetHash(node.assetHash)) return `<img class="rc-image"${alt}${width}>`;
  const url = options.assetUrl(node.assetHash);
  const src = isSafeImageUrl(url) ? ` src="${escapeHtml(url)}"` : '';
  return `<img class="rc-image"${src}${alt}${width}>`;
}

function renderCell(cell: TableCellElement, options: SafeHtmlOptions): string {
  const tag = cell.header === true ? 'th' : 'td';
  return `<${tag}>${renderInlines(cell.children, options)}</${tag}>`;
}

function renderBlock(block: BlockElement, options: SafeHtmlOptions): string {
  switch (block.type) {
    case 'paragraph':
      return `<p>${renderInlines(block.children, options)}</p>`;
    case 'bulleted-list':
    case 'numbered-list': {
      const tag = block.type === 'bulleted-list' ? 'ul' : 'ol';
      const items = block.children
        .filter((item) => item.type === 'list-item')
        .map((item) => `<li>${renderInlines(item.children, options)}</li>`)
        .join('');
      return `<${tag}>${items}</${tag}>`;
    }
    case 'table': {
      const rows = block.children
        .filter((row) => row.type === 'table-row')
        .map((row) => {
          const cells = row.children.filter((cell) => cell.type === 'table-cell');
          return `<tr>${cells.map((cell) => renderCell(cell, options)).join('')}</tr>`;
        })
        .join('');
      return `<table class="rc-table"><tbody>${rows}</tbody></table>`;
    }
    case 'image':
      return renderImage(block, options);
    default:
      return '';
  }
}

/** Renders a document to an HTML string that is safe to insert with `innerHTML`. */
export function renderToSafeHtml(doc: ItemBody, options: SafeHtmlOptions): string {
  const blocks: readonly BlockElement[] = Array.isArray(doc.content) ? doc.content : [];
  return blocks.map((block) => renderBlock(block, options)).join('');
}
