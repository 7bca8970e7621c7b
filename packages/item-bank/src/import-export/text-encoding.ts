import chardet from 'chardet';
import iconv from 'iconv-lite';

/*
 * Decodes a text file from a Chinese office: UTF-8 (with or without BOM), UTF-16 with BOM
 * (Excel "Unicode text"), or GBK/GB18030 (what Chinese Excel writes for CSV). Anything
 * that decodes to replacement characters is refused with the line where it happened.
 */

export type DecodedText =
  | { ok: true; text: string; encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030' }
  | { ok: false; reason: string };

function hasPrefix(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((byte, index) => bytes[index] === byte);
}

function lineOf(text: string, index: number): number {
  let line = 1;
  for (let i = 0; i < index; i += 1) if (text.charCodeAt(i) === 10) line += 1;
  return line;
}

/**
 * The first line (1-based) that does not decode, or undefined. Lines are split on
 * the byte 0x0A, which is never part of a UTF-8 or GBK/GB18030 multi-byte character.
 */
export function decodeGb18030Line(bytes: Uint8Array): boolean {
  const text = iconv.decode(Buffer.from(bytes), 'gb18030');
  return !text.includes('\ufffd') && !text.includes('\u0000');
}

export function decodeUtf8Line(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return !bytes.includes(0);
  } catch {
    return false;
  }
}

export function firstUndecodableLine(
  bytes: Uint8Array,
  decodes: (line: Uint8Array) => boolean,
): number | undefined {
  let start = 0;
  let line = 1;
  while (start <= bytes.length) {
    let end = bytes.indexOf(0x0a, start);
    if (end < 0) end = bytes.length;
    if (!decodes(bytes.subarray(start, end))) return line;
    start = end + 1;
    line += 1;
  }
  return undefined;
}

export function decodeText(bytes: Uint8Array): DecodedText {
  if (hasPrefix(bytes, [0xef, 0xbb, 0xbf])) {
    return decodeUtf8(bytes.subarray(3));
  }
  if (hasPrefix(bytes, [0xff, 0xfe])) {
    return {
      ok: true,
      text: iconv.decode(Buffer.from(bytes.subarray(2)), 'utf-16le'),
      encoding: 'utf-16le',
    };
  }
  if (hasPrefix(bytes, [0xfe, 0xff])) {
    return {
      ok: true,
      text: iconv.decode(Buffer.from(bytes.subarray(2)), 'utf-16be'),
      encoding: 'utf-16be',
    };
  }
  const utf8 = decodeUtf8(bytes);
  if (utf8.ok) return utf8;

  const unreadable = neitherUtf8NorGb18030(bytes, 0);
  if (unreadable !== undefined) return { ok: false, reason: unreadable };
  const text = iconv.decode(Buffer.from(bytes), 'gb18030');
  return { ok: true, text, encoding: 'gb18030' };
}

/**
 * Why `bytes` (lines counted from `linesBefore` + 1) is neither GBK/GB18030 nor UTF-8, or
 * undefined when it reads as GB18030.
 */
export function neitherUtf8NorGb18030(bytes: Uint8Array, linesBefore: number): string | undefined {
  const gbBadLine = firstUndecodableLine(bytes, decodeGb18030Line);
  if (gbBadLine === undefined) return undefined;
  const guess = chardet.detect(bytes) ?? 'unknown';
  const utf8BadLine = firstUndecodableLine(bytes, decodeUtf8Line) ?? 1;
  const [likely, line] =
    utf8BadLine >= gbBadLine ? ['UTF-8', utf8BadLine] : ['GBK/GB18030', gbBadLine];
  return `无法识别文件编码：既不是有效的 UTF-8 也不是 GBK/GB18030（最接近 ${likely}，第${linesBefore + line}行有无法解码的字节；自动检测结果：${guess}）。请在 Excel 中另存为“CSV UTF-8”`;
}

function decodeUtf8(bytes: Uint8Array): DecodedText {
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    if (text.includes('\u0000')) {
      return {
        ok: false,
        reason: `文件含有 NUL 字节（第${lineOf(text, text.indexOf('\u0000'))}行），不是文本文件或是没有 BOM 的 UTF-16`,
      };
    }
    return { ok: true, text, encoding: 'utf-8' };
  } catch {
    return { ok: false, reason: '不是有效的 UTF-8' };
  }
}
