import { fileURLToPath } from 'node:url';

/*
 * The CJK font embedded in every PDF we make, so Chinese renders on any machine: Noto Sans
 * CJK SC subset to GBK + ASCII + CJK punctuation (packages/item-bank/assets/fonts, SIL OFL 1.1;
 * docs/decisions/0252). pdfkit embeds only the glyphs a document uses. This module only says
 * where the file is; reading it is the caller's IO (cli/, the proctor server).
 */

export const CJK_FONT_NAME = 'NotoSansSC';
export const CJK_FONT_FILE = 'NotoSansSC-Regular-GBK.otf';

/** The font's path: in `dir` when a bundled build has its own assets folder, else beside the package. */
export function cjkFontPath(dir?: string): string {
  if (dir !== undefined && dir !== '') return `${dir.replace(/\/$/, '')}/${CJK_FONT_FILE}`;
  return fileURLToPath(new URL(`../../assets/fonts/${CJK_FONT_FILE}`, import.meta.url));
}
