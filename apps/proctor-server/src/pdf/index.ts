export * from './admission-slips';
export * from './incident-record';
export { CJK_FONT_NAME, cjkFontPath } from './cjk-font';
export { formatChinaTime, renderPdf, type PdfDoc, type PdfMeta } from './pdf-document';
