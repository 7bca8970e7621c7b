import { readFileSync } from 'node:fs';
import { cjkFontPath } from '@skillexam/item-bank/pdf-document';

/*
 * The CJK font for certificates: the same Noto Sans SC subset as every other PDF of the system
 * (packages/item-bank/assets/fonts); a bundled build sets SKILLEXAM_FONT_DIR to its own copy.
 */

let cached: Buffer | undefined;

export function certificateFontBytes(): Buffer {
  cached ??= readFileSync(cjkFontPath(process.env['SKILLEXAM_FONT_DIR']));
  return cached;
}
