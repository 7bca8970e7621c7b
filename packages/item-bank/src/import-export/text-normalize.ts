/*
 * Cleaning of the text that real banks send: full-width ASCII (Ａ, １, ，), odd spaces,
 * zero-width characters and Windows line ends. Pure string functions.
 */

const ZERO_WIDTH = /[\u200b-\u200d\u2060\ufeff]/g;
const ODD_SPACES = /[\u00a0\u2000-\u200a\u202f\u205f]/g;

/** Full-width ASCII variants (U+FF01–U+FF5E) and the ideographic space become plain ASCII. */
export function toHalfWidth(value: string): string {
  return value
    .replace(/[\uff01-\uff5e]/g, (char) => String.fromCharCode(char.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ');
}

/** Cell text as users mean it: no zero-width characters, `\n` line ends, trimmed. */
export function cleanCellText(value: string): string {
  return value.replace(ZERO_WIDTH, '').replace(ODD_SPACES, ' ').replace(/\r\n?/g, '\n').trim();
}

/**
 * A short code-like value (题型, 答案, 难度, 鉴定点代码) in canonical form: half-width,
 * upper-case, without inner spaces.
 */
export function normalizeCode(value: string): string {
  return toHalfWidth(cleanCellText(value)).replace(/\s+/g, '').toUpperCase();
}

/** Splits a list cell (标签 "安全，电工、接地") on common separators, dropping empty parts. */
export function splitList(value: string): string[] {
  return cleanCellText(value)
    .split(/[,，;；、|｜\n]+/)
    .map((part) => part.trim())
    .filter((part) => part !== '');
}
