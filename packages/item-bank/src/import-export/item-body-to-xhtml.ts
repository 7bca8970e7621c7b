import { escapeHtml, type BlockElement, type InlineNode, type ItemBody } from '@skillexam/shared';

/*
 * An ItemBody → XHTML for QTI item bodies: `<p>`, lists, tables, `<img>`, marks as
 * `<strong>/<em>/<u>/<sub>/<sup>`, formulas as `<span data-latex>` holding `\(…\)` (readers
 * that know no LaTeX still show the source). Blanks and image paths come from the caller.
 */

export interface XhtmlOptions {
  blank: (blankId: string) => string;
  imageSrc: (assetHash: string) => string;
}

function inlineXhtml(node: InlineNode, options: XhtmlOptions): string {
  if ('type' in node) {
    if (node.type === 'blank') return options.blank(node.blankId);
    const display = node.display === true;
    const source = display ? `\\[${node.latex}\\]` : `\\(${node.latex}\\)`;
    return `<span class="formula" data-latex="${escapeHtml(node.latex)}"${display ? ' data-display="block"' : ''}>${escapeHtml(source)}</span>`;
  }
  let html = escapeHtml(node.text);
  if (node.superscript === true) html = `<sup>${html}</sup>`;
  if (node.subscript === true) html = `<sub>${html}</sub>`;
  if (node.underline === true) html = `<u>${html}</u>`;
  if (node.italic === true) html = `<em>${html}</em>`;
  if (node.bold === true) html = `<strong>${html}</strong>`;
  return html;
}

function inlinesXhtml(nodes: readonly InlineNode[], options: XhtmlOptions): string {
  return nodes.map((node) => inlineXhtml(node, options)).join('');
}

function blockXhtml(block: BlockElement, options: XhtmlOptions): string {
  switch (block.type) {
    case 'paragraph':
      return `<p>${inlinesXhtml(block.children, options)}</p>`;
    case 'bulleted-list':
    case 'numbered-list': {
      const tag = block.type === 'bulleted-list' ? 'ul' : 'ol';
      const items = block.children.map(
        (item) => `<li>${inlinesXhtml(item.children, options)}</li>`,
      );
      return `<${tag}>${items.join('')}</${tag}>`;
    }
    case 'table': {
      const rows = block.children.map(
        (row) =>
          `<tr>${row.children
            .map((cell) => {
              const tag = cell.header === true ? 'th' : 'td';
              return `<${tag}>${inlinesXhtml(cell.children, options)}</${tag}>`;
            })
            .join('')}</tr>`,
      );
      return `<table><tbody>${rows.join('')}</tbody></table>`;
    }
    case 'image': {
      const width = block.width === undefined ? '' : ` width="${block.width}"`;
      // img is inline content in QTI/XHTML; a paragraph makes it a valid block.
      return `<p><img src="${escapeHtml(options.imageSrc(block.assetHash))}" alt="${escapeHtml(block.alt)}"${width}/></p>`;
    }
  }
}

export function itemBodyToXhtml(body: ItemBody, options: XhtmlOptions): string {
  return body.content.map((block) => blockXhtml(block, options)).join('');
}
