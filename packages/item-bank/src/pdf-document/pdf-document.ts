import type PDFDocument from 'pdfkit';
import { CJK_FONT_NAME } from './cjk-font';

/*
 * A pdfkit document with the CJK font registered and selected, rendered to bytes.
 * Sizes are in points (1/72 inch); A4 is 595.28 × 841.89. The font's bytes are passed in.
 * pdfkit (and fontkit under it) is imported when the first PDF is made, not when a program
 * that can make PDFs starts (docs/decisions/0723).
 */

export type PdfDoc = PDFKit.PDFDocument;

export interface PdfMeta {
  readonly title: string;
  readonly author?: string;
  /** Fixed creation date, so the same input gives the same document. */
  readonly createdAt: Date;
}

export const A4 = { width: 595.28, height: 841.89 } as const;

/** Builds a PDF with `draw` and returns its bytes. */
export async function renderPdfWithFont(
  fontBytes: Uint8Array,
  meta: PdfMeta,
  margin: number,
  draw: (doc: PdfDoc) => void,
): Promise<Uint8Array> {
  const { default: PdfDocument }: { default: typeof PDFDocument } = await import('pdfkit');
  const doc = new PdfDocument({
    size: 'A4',
    margin,
    info: {
      Title: meta.title,
      Author: meta.author ?? 'SkillExam',
      CreationDate: meta.createdAt,
    },
    lang: 'zh-CN',
    displayTitle: true,
  });
  doc.registerFont(CJK_FONT_NAME, Buffer.from(fontBytes));
  doc.font(CJK_FONT_NAME);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('error', reject);
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    try {
      draw(doc);
      doc.end();
    } catch (error) {
      reject(error instanceof Error ? error : new Error(String(error)));
    }
  });
}

/** A dashed horizontal cut line with a scissors mark. */
export function cutLine(doc: PdfDoc, y: number, left: number, right: number): void {
  doc.save();
  doc
    .lineWidth(0.5)
    .dash(4, { space: 3 })
    .strokeColor('#888888')
    .moveTo(left, y)
    .lineTo(right, y)
    .stroke();
  doc.undash();
  doc
    .fontSize(7)
    .fillColor('#888888')
    .text('- - 沿此线剪开 - -', left, y - 9, { lineBreak: false });
  doc.restore();
}

/** Formats an instant for Chinese documents in China Standard Time: 2026年6月1日 09:00. */
export function formatChinaTime(epochMs: number): string {
  const shifted = new Date(epochMs + 8 * 3_600_000);
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${shifted.getUTCFullYear()}年${shifted.getUTCMonth() + 1}月${shifted.getUTCDate()}日 ${pad(shifted.getUTCHours())}:${pad(shifted.getUTCMinutes())}`;
}
