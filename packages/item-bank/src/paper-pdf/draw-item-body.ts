import type { BlockElement, InlineNode, ItemBody } from '@skillexam/shared';
import type { PdfDoc } from '../pdf-document/pdf-document';

/*
 * Draws an item's rich content (ItemBody) with pdfkit at the current position: paragraphs,
 * lists, tables as ruled grids, images from the bank's assets (PNG/JPEG; otherwise the alt
 * text), formulas as their LaTeX in brackets (a text fallback), blanks as a line.
 */

/** pdfkit's image decoder (PNG/JPEG), present at runtime but missing from @types/pdfkit. */
interface ImageOpener {
  openImage(src: Buffer): { readonly width: number; readonly height: number };
}

function canOpenImages(doc: PdfDoc): doc is PdfDoc & ImageOpener {
  return typeof (doc as Partial<ImageOpener>).openImage === 'function';
}

export interface BodyStyle {
  readonly x: number;
  readonly width: number;
  readonly fontSize: number;
  /** Image bytes by asset hash, when the bank has them. */
  readonly asset?: (hash: string) => Uint8Array | undefined;
}

export function inlineText(nodes: readonly InlineNode[]): string {
  return nodes
    .map((node) => {
      if (!('type' in node)) return node.text;
      return node.type === 'formula' ? `〔${node.latex}〕` : '________';
    })
    .join('');
}

function drawTable(doc: PdfDoc, block: Extract<BlockElement, { type: 'table' }>, style: BodyStyle) {
  const columns = Math.max(...block.children.map((row) => row.children.length));
  const cellWidth = style.width / Math.max(1, columns);
  const padding = 3;
  for (const row of block.children) {
    const texts = row.children.map((cell) => inlineText(cell.children));
    const height =
      Math.max(
        ...texts.map((text) => doc.heightOfString(text || ' ', { width: cellWidth - 2 * padding })),
      ) +
      2 * padding;
    if (doc.y + height > doc.page.height - doc.page.margins.bottom) doc.addPage();
    const top = doc.y;
    texts.forEach((text, index) => {
      const left = style.x + index * cellWidth;
      doc.lineWidth(0.5).rect(left, top, cellWidth, height).stroke();
      doc.text(text, left + padding, top + padding, { width: cellWidth - 2 * padding });
    });
    doc.x = style.x;
    doc.y = top + height;
  }
  doc.moveDown(0.3);
}

function drawImage(doc: PdfDoc, block: Extract<BlockElement, { type: 'image' }>, style: BodyStyle) {
  const bytes = style.asset?.(block.assetHash);
  if (bytes !== undefined) {
    try {
      // Natural size in points at 72 dpi, never enlarged: a small icon stays small.
      const buffer = Buffer.from(bytes);
      if (!canOpenImages(doc)) throw new TypeError('pdfkit cannot decode images');
      const image = doc.openImage(buffer);
      const scale = Math.min(1, style.width / image.width, 240 / image.height);
      const width = Math.min(block.width ?? image.width, image.width) * scale;
      const height = (image.height * width) / image.width;
      if (doc.y + height > doc.page.height - doc.page.margins.bottom) doc.addPage();
      doc.image(buffer, style.x, doc.y, { width, height });
      doc.x = style.x;
      doc.y += height + 4;
      return;
    } catch {
      // Not a PNG/JPEG pdfkit can embed: fall back to the description below.
    }
  }
  doc.text(`〔图：${block.alt || block.assetHash.slice(0, 8)}〕`, style.x, doc.y, {
    width: style.width,
  });
}

export function drawItemBody(
  doc: PdfDoc,
  body: ItemBody,
  style: BodyStyle,
  prefix = '',
  suffix = '',
) {
  doc.fontSize(style.fontSize);
  body.content.forEach((block, index) => {
    const lead = index === 0 ? prefix : '';
    const tail = index === body.content.length - 1 ? suffix : '';
    switch (block.type) {
      case 'paragraph':
        doc.text(lead + inlineText(block.children) + tail, style.x, doc.y, { width: style.width });
        break;
      case 'bulleted-list':
      case 'numbered-list':
        if (lead !== '') doc.text(lead, style.x, doc.y, { width: style.width });
        block.children.forEach((item, n) => {
          const mark = block.type === 'numbered-list' ? `${n + 1}) ` : '• ';
          doc.text(mark + inlineText(item.children), style.x + 12, doc.y, {
            width: style.width - 12,
          });
        });
        if (tail !== '') doc.text(tail, style.x, doc.y, { width: style.width });
        break;
      case 'table':
        if (lead !== '') doc.text(lead, style.x, doc.y, { width: style.width });
        drawTable(doc, block, style);
        if (tail !== '') doc.text(tail, style.x, doc.y, { width: style.width });
        break;
      case 'image':
        if (lead !== '') doc.text(lead, style.x, doc.y, { width: style.width });
        drawImage(doc, block, style);
        if (tail !== '') doc.text(tail, style.x, doc.y, { width: style.width });
        break;
    }
  });
}
