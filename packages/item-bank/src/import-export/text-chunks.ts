import iconv from 'iconv-lite';
import {
  decodeUtf8Line,
  firstUndecodableLine,
  neitherUtf8NorGb18030,
  type DecodedText,
} from './text-encoding';

/*
 * The streaming form of decodeText: byte chunks in, text pieces out, never the whole file.
 * The encoding is decided as decodeText decides it, on a sample: a BOM (UTF-8, UTF-16), else
 * the first SAMPLE_BYTES from the first non-ASCII byte on (pure ASCII reads the same in every
 * candidate, so it is passed through while undecided): valid UTF-8 → UTF-8, else GB18030.
 * After that every block of whole lines is still checked, so a bad byte later in the file is
 * refused naming its line. Held at any time: one chunk, the undecided sample, and the bytes
 * of an unfinished line.
 */

export type StreamEncoding = Extract<DecodedText, { ok: true }>['encoding'];

export class TextDecodeError extends Error {
  constructor(readonly reason: string) {
    super(reason);
  }
}

export const SAMPLE_BYTES = 64 * 1024;

const LF = 0x0a;
const CR = 0x0d;

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  if (a.length === 0) return b;
  if (b.length === 0) return a;
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

function countLf(bytes: Uint8Array, end = bytes.length): number {
  let count = 0;
  for (let i = bytes.indexOf(LF); i !== -1 && i < end; i = bytes.indexOf(LF, i + 1)) count += 1;
  return count;
}

/** Where the complete characters end: after the last line break (GB18030 trail bytes include ASCII). */
function completeEnd(bytes: Uint8Array, encoding: 'utf-8' | 'gb18030'): number {
  for (let i = bytes.length - 1; i >= 0; i -= 1) {
    const byte = bytes[i] ?? 0;
    if (encoding === 'utf-8' ? byte < 0x80 : byte === LF || byte === CR) return i + 1;
  }
  return 0;
}

function isUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return bytes.length >= prefix.length && prefix.every((byte, index) => bytes[index] === byte);
}

/** Decodes one block of whole lines, or throws naming the first line that does not decode. */
function decodeBlock(block: Uint8Array, encoding: 'utf-8' | 'gb18030', linesBefore: number) {
  if (encoding === 'utf-8') {
    if (!isUtf8(block)) {
      const line = linesBefore + (firstUndecodableLine(block, decodeUtf8Line) ?? 1);
      throw new TextDecodeError(
        `第${line}行不是有效的 UTF-8（文件前面按 UTF-8 读取），文件中混有其他编码。请在 Excel 中另存为“CSV UTF-8”`,
      );
    }
    const text = new TextDecoder('utf-8').decode(block);
    const nul = text.indexOf('\u0000');
    if (nul !== -1) {
      const line = linesBefore + countLf(block.subarray(0, Buffer.byteLength(text.slice(0, nul))));
      throw new TextDecodeError(
        `文件含有 NUL 字节（第${line + 1}行），不是文本文件或是没有 BOM 的 UTF-16`,
      );
    }
    return text;
  }
  const text = iconv.decode(Buffer.from(block), 'gb18030');
  if (text.includes('\ufffd') || text.includes('\u0000')) {
    throw new TextDecodeError(neitherUtf8NorGb18030(block, linesBefore) ?? '无法解码的字节');
  }
  return text;
}

/** Decodes byte chunks as text pieces; throws TextDecodeError at the first undecodable line. */
export function* decodeTextChunks(chunks: Iterable<Uint8Array>): Generator<string> {
  let pending: Uint8Array = new Uint8Array(0);
  let encoding: StreamEncoding | undefined;
  let linesBefore = 0;
  let utf16: ReturnType<typeof iconv.getDecoder> | undefined;
  let bomChecked = false;
  let sampled = false;

  const emit = (end: number, mode: 'utf-8' | 'gb18030'): string => {
    const block = pending.subarray(0, end);
    const text = decodeBlock(block, mode, linesBefore);
    linesBefore += countLf(block);
    pending = pending.subarray(end);
    return text;
  };

  for (const chunk of chunks) {
    if (utf16 !== undefined) {
      const text = utf16.write(Buffer.from(chunk));
      if (text !== '') yield text;
      continue;
    }
    pending = concat(pending, chunk);
    if (!bomChecked) {
      if (pending.length < 3) continue;
      bomChecked = true;
      if (startsWith(pending, [0xef, 0xbb, 0xbf])) {
        encoding = 'utf-8';
        pending = pending.subarray(3);
      } else if (startsWith(pending, [0xff, 0xfe]) || startsWith(pending, [0xfe, 0xff])) {
        encoding = pending[0] === 0xff ? 'utf-16le' : 'utf-16be';
        utf16 = iconv.getDecoder(encoding);
        const text = utf16.write(Buffer.from(pending.subarray(2)));
        pending = new Uint8Array(0);
        if (text !== '') yield text;
        continue;
      }
    }
    if (encoding === undefined) {
      const firstHigh = sampled ? 0 : pending.findIndex((byte) => byte >= 0x80);
      if (firstHigh === -1) {
        // Still pure ASCII: the same text in every candidate encoding.
        const text = emit(pending.length, 'utf-8');
        if (text !== '') yield text;
        continue;
      }
      if (!sampled) {
        const lineStart = completeEnd(pending.subarray(0, firstHigh), 'gb18030');
        if (lineStart > 0) {
          const text = emit(lineStart, 'utf-8');
          if (text !== '') yield text;
        }
        sampled = true;
      }
      const sampleEnd = pending.length < SAMPLE_BYTES ? 0 : completeEnd(pending, 'gb18030');
      if (sampleEnd === 0) continue;
      encoding = decideEncoding(pending.subarray(0, sampleEnd), linesBefore);
    }
    if (encoding === 'utf-8' || encoding === 'gb18030') {
      const end = completeEnd(pending, encoding);
      if (end > 0) {
        const text = emit(end, encoding);
        if (text !== '') yield text;
      }
    }
  }
  if (utf16 !== undefined) {
    const rest = utf16.end();
    if (rest !== undefined && rest !== '') yield rest;
    return;
  }
  if (pending.length === 0) return;
  const mode = encoding ?? decideEncoding(pending, linesBefore);
  if (mode === 'utf-8' || mode === 'gb18030') yield emit(pending.length, mode);
}

/** UTF-8 if the sample is valid UTF-8, else GB18030 if it decodes, else the reason why not. */
function decideEncoding(sample: Uint8Array, linesBefore: number): 'utf-8' | 'gb18030' {
  if (isUtf8(sample)) return 'utf-8';
  const unreadable = neitherUtf8NorGb18030(sample, linesBefore);
  if (unreadable !== undefined) throw new TextDecodeError(unreadable);
  return 'gb18030';
}
