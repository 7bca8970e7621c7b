import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeText } from '../../src/import-export/text-encoding';
import {
  decodeTextChunks,
  SAMPLE_BYTES,
  TextDecodeError,
} from '../../src/import-export/text-chunks';

/*
 * The streaming decoder reads what decodeText reads, whatever the chunk size: multi-byte GBK
 * and UTF-8 characters and BOMs split across chunks, the encoding decided on a leading sample,
 * and a bad byte far into the file named by its line.
 */

const LINES = [
  '题型,题干,选项A,选项B,选项C,选项D,答案',
  '单选,三相异步电动机的转速与电源频率成（ ）。,正比,反比,无关,平方关系,A',
  '判断,电气设备发生火灾时，应首先切断电源。,,,,,√',
  '多选,"焊接作业场所应配备：\r\n灭火器材",灭火器,黄沙,水桶,棉被,AB',
];

function bankText(lines: number): string {
  const out: string[] = [LINES[0] ?? ''];
  for (let n = 0; n < lines; n += 1) out.push(`${LINES[1 + (n % 3)] ?? ''}（${n}）`);
  return `${out.join('\r\n')}\r\n`;
}

function chunked(bytes: Uint8Array, size: number): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (let i = 0; i < bytes.length; i += size) out.push(bytes.subarray(i, i + size));
  return out;
}

function decodeStreaming(bytes: Uint8Array, size: number): string {
  return [...decodeTextChunks(chunked(bytes, size))].join('');
}

function failure(bytes: Uint8Array, size: number): string {
  try {
    decodeStreaming(bytes, size);
  } catch (error) {
    if (error instanceof TextDecodeError) return error.reason;
    throw error;
  }
  return 'decoded';
}

describe('streaming text decoding', () => {
  it('decodes short files like decodeText in every encoding, split anywhere', () => {
    const text = bankText(6);
    const files = [
      new TextEncoder().encode(text),
      new TextEncoder().encode(`\ufeff${text}`),
      new Uint8Array(iconv.encode(text, 'gbk')),
      new Uint8Array(iconv.encode(text, 'gb18030')),
      new Uint8Array(iconv.encode(text, 'utf-16le', { addBOM: true })),
      new Uint8Array(iconv.encode(text, 'utf-16be', { addBOM: true })),
    ];
    for (const bytes of files) {
      const whole = decodeText(bytes);
      expect(whole.ok).toBe(true);
      for (const size of [1, 2, 3, 7, bytes.length]) {
        expect(decodeStreaming(bytes, size)).toBe(whole.ok ? whole.text : '');
      }
    }
  });

  it('decodes a GBK file longer than the sample with characters split across chunks', () => {
    const text = bankText(3000);
    const bytes = new Uint8Array(iconv.encode(text, 'gbk'));
    expect(bytes.length).toBeGreaterThan(2 * SAMPLE_BYTES);
    for (const size of [7, 4093, 65_536]) expect(decodeStreaming(bytes, size)).toBe(text);
  });

  it('decides on the first non-ASCII bytes, not on an ASCII start', () => {
    // A pure-ASCII start reads the same in UTF-8 and GBK; the Chinese further on is GBK.
    const text = `${'id,stem,key\r\n'.repeat(9000)}${bankText(20)}`;
    const bytes = new Uint8Array(iconv.encode(text, 'gbk'));
    expect(decodeStreaming(bytes, 4096)).toBe(text);
  });

  it('names the line of a bad byte that comes after the sample', () => {
    const good = new TextEncoder().encode(bankText(1500));
    const lines = good.reduce((count, byte) => count + (byte === 0x0a ? 1 : 0), 0);
    const bytes = new Uint8Array([...good, ...new TextEncoder().encode('坏'), 0xff, 0x0a]);
    const reason = failure(bytes, 8192);
    expect(reason).toContain(`第${lines + 1}行`);
    expect(reason).toContain('UTF-8');
  });

  it('refuses a file that is neither UTF-8 nor GBK naming the line, like decodeText', () => {
    const valid = new TextEncoder().encode('题干,答案\r\n好题,√\r\n');
    const broken = new Uint8Array([...valid, 0x81, 0x20, 0xff, 0xfe, 0x0d, 0x0a]);
    const whole = decodeText(broken);
    for (const size of [1, 5, broken.length]) {
      expect(failure(broken, size)).toBe(whole.ok ? '' : whole.reason);
    }
    expect(failure(broken, 5)).toMatch(/第3行/);
  });

  it('refuses NUL bytes (UTF-16 without a BOM) naming the line', () => {
    const bytes = new Uint8Array(iconv.encode('题干,答案\n好题,√\n', 'utf-16le'));
    expect(failure(bytes, 3)).toMatch(/NUL|无法识别文件编码/);
  });
});
