export { CJK_FONT_FILE, CJK_FONT_NAME, cjkFontPath } from './cjk-font';
export {
  A4,
  cutLine,
  formatChinaTime,
  renderPdfWithFont,
  type PdfDoc,
  type PdfMeta,
} from './pdf-document';
