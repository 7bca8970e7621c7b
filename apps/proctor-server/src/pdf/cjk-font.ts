import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/*
 * The CJK font embedded in every PDF the server makes, so Chinese renders on any machine:
 * Noto Sans CJK SC subset to GBK + ASCII + CJK punctuation (assets/fonts, SIL OFL 1.1;
 * docs/decisions/0252). pdfkit embeds only the glyphs a document uses.
 */

export const CJK_FONT_NAME = 'NotoSansSC';

/** Where the font lives; a bundled build can set SKILLEXAM_FONT_DIR to its own assets folder. */
export function cjkFontPath(): string {
  const dir = process.env['SKILLEXAM_FONT_DIR'];
  if (dir !== undefined && dir !== '')
    return `${dir.replace(/\/$/, '')}/NotoSansSC-Regular-GBK.otf`;
  return fileURLToPath(new URL('../../assets/fonts/NotoSansSC-Regular-GBK.otf', import.meta.url));
}

let cached: Buffer | undefined;

/** The font file's bytes, read once per process. */
export function cjkFontBytes(): Buffer {
  cached ??= readFileSync(cjkFontPath());
  return cached;
}
