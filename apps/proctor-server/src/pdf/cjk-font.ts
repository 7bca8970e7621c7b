import { readFileSync } from 'node:fs';
import { CJK_FONT_NAME, cjkFontPath as itemBankFontPath } from '@skillexam/item-bank/pdf-document';

/*
 * The CJK font embedded in every PDF the server makes. The file and its helpers live in
 * packages/item-bank (assets/fonts, src/pdf-document) so papers and server documents share
 * them; this module only reads the bytes (docs/decisions/0252).
 */

export { CJK_FONT_NAME };

/** Where the font lives; a bundled build can set SKILLEXAM_FONT_DIR to its own assets folder. */
export function cjkFontPath(): string {
  return itemBankFontPath(process.env['SKILLEXAM_FONT_DIR']);
}

let cached: Buffer | undefined;

/** The font file's bytes, read once per process. */
export function cjkFontBytes(): Buffer {
  cached ??= readFileSync(cjkFontPath());
  return cached;
}
