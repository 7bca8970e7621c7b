import { describe, expect, it } from 'vitest';
import { MAX_ANCHORS, parseAnchorLines, parseAnchorText } from './audit-anchors';

const H1 = 'a'.repeat(64);
const H2 = '0123456789abcdef'.repeat(4);

describe('parseAnchorLines', () => {
  it('reads one anchor a line, with notes, blank lines, a leading # and upper case', () => {
    const text = [
      '// receipts from 广州第一考点',
      '',
      `12:${H1}  // 6 月 1 日`,
      `  #7:${H2.toUpperCase()} written down by 赵督导`,
      '\r',
    ].join('\r\n');
    expect(parseAnchorLines(text)).toEqual({
      ok: true,
      anchors: [
        { seq: 12, hash: H1 },
        { seq: 7, hash: H2 },
      ],
    });
  });

  it('names the first line that is not an anchor, 1-based, with the word it found', () => {
    const text = `12:${H1}\n\n${'3:' + H1.slice(1)} // one digit short\n4:nothex\n`;
    expect(parseAnchorLines(text)).toEqual({
      ok: false,
      problem: 'line',
      line: 3,
      text: `3:${H1.slice(1)}`,
    });
  });

  it('refuses seq 0, a missing colon and a hash with a non-hex digit', () => {
    expect(parseAnchorText(`0:${H1}`)).toBeUndefined();
    expect(parseAnchorText(H1)).toBeUndefined();
    expect(parseAnchorText(`5:${H1.slice(1)}g`)).toBeUndefined();
    expect(parseAnchorText(`5:${H1}`)).toEqual({ seq: 5, hash: H1 });
  });

  it('cuts a long bad word to 80 characters', () => {
    const result = parseAnchorLines('x'.repeat(200));
    expect(result.ok === false && result.problem === 'line' && result.text).toBe('x'.repeat(80));
  });

  it('refuses more anchors than the server takes in one check', () => {
    const many = Array.from({ length: MAX_ANCHORS + 1 }, (_, i) => `${i + 1}:${H1}`).join('\n');
    expect(parseAnchorLines(many)).toEqual({
      ok: false,
      problem: 'tooMany',
      count: MAX_ANCHORS + 1,
    });
    expect(parseAnchorLines(many.split('\n').slice(1).join('\n')).ok).toBe(true);
  });
});
