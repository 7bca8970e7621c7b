import {
  A4,
  cutLine,
  formatChinaTime,
  renderPdfWithFont,
  type PdfDoc,
  type PdfMeta,
} from '@skillexam/item-bank/pdf-document';
import { cjkFontBytes } from './cjk-font';

/*
 * The server's PDFs use the shared pdfkit helpers of packages/item-bank with the embedded CJK
 * font read by ./cjk-font.
 */

export { A4, cutLine, formatChinaTime, type PdfDoc, type PdfMeta };

/** Builds a PDF with `draw` and returns its bytes. */
export function renderPdf(
  meta: PdfMeta,
  margin: number,
  draw: (doc: PdfDoc) => void,
): Promise<Uint8Array> {
  return renderPdfWithFont(
    cjkFontBytes(),
    { author: 'SkillExam proctor server', ...meta },
    margin,
    draw,
  );
}
