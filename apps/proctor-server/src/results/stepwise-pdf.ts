import { setImmediate as nextTurn } from 'node:timers/promises';
import type PDFDocument from 'pdfkit';
import { CJK_FONT_NAME, type PdfDoc, type PdfMeta } from '@skillexam/item-bank/pdf-document';
import { cjkFontBytes } from '../pdf/cjk-font';

/*
 * A PDF drawn one unit at a time (one candidate's answer sheet), giving the event loop a turn
 * between units: a long export then answers progress polls and a cancel while it draws, and
 * `afterEach` (a progress `advance`) may throw `CancelledError` to stop it. The document
 * options are those of the item-bank's `renderPdfWithFont`, whose `draw` is synchronous.
 */

export async function renderPdfInSteps<T>(
  meta: PdfMeta,
  margin: number,
  units: readonly T[],
  drawUnit: (doc: PdfDoc, unit: T, index: number) => void,
  afterEach: () => void,
): Promise<Uint8Array> {
  const { default: PdfDocument }: { default: typeof PDFDocument } = await import('pdfkit');
  const doc = new PdfDocument({
    size: 'A4',
    margin,
    info: {
      Title: meta.title,
      Author: meta.author ?? 'SkillExam proctor server',
      CreationDate: meta.createdAt,
    },
    lang: 'zh-CN',
    displayTitle: true,
  });
  doc.registerFont(CJK_FONT_NAME, Buffer.from(cjkFontBytes()));
  doc.font(CJK_FONT_NAME);
  const chunks: Buffer[] = [];
  const ended = new Promise<Uint8Array>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('error', reject);
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
  });
  ended.catch(() => undefined); // a unit that throws leaves the document unfinished, unread
  for (const [index, unit] of units.entries()) {
    drawUnit(doc, unit, index);
    afterEach();
    await nextTurn();
  }
  doc.end();
  return ended;
}
