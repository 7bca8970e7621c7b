export { drawItemBody, inlineText, type BodyStyle } from './draw-item-body';
export { renderAnswerKeyPdf, renderPaperPdf, type PaperPdfInput } from './render-paper-pdf';
export { paperNotices, sectionHeading } from './section-instructions';
export { pinnedContents } from './pinned-contents';
