import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeAnswerText } from './normalize-answer-text';

/** Half-width ASCII → full-width form (U+FF01…U+FF5E), space → U+3000. */
function toFullWidth(value: string): string {
  return [...value]
    .map((char) => {
      const code = char.charCodeAt(0);
      if (char === ' ') return '\u3000';
      return code >= 0x21 && code <= 0x7e ? String.fromCharCode(code + 0xfee0) : char;
    })
    .join('');
}

describe('normalizeAnswerText', () => {
  it.each([
    ['ＡＢＣ１２３', 'abc123'],
    ['  接 地  线 ', '接地线'],
    ['220Ｖ', '220v'],
    ['“零线”', '"零线"'],
    ['欧姆定律。', '欧姆定律'],
    ['I＝U／R', 'i=u/r'],
    ['（1）', '(1)'],
    ['a—b', 'a-b'],
    ['①', '1'],
    ['\t电\n压\u3000', '电压'],
    // NFKC makes ´ a space + combining acute; once the space is gone the accent composes
    ['𝐈´', 'í'],
  ])('%j → %j', (input, expected) => {
    expect(normalizeAnswerText(input)).toBe(expected);
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 30 }), (value) => {
        const once = normalizeAnswerText(value);
        expect(normalizeAnswerText(once)).toBe(once);
      }),
      { numRuns: 300 },
    );
  });

  it('treats the full-width form of any printable ASCII answer as the same answer', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom(...'abcXYZ019+-=/() .,'), minLength: 1 }),
        (value) => {
          expect(normalizeAnswerText(toFullWidth(value))).toBe(normalizeAnswerText(value));
        },
      ),
      { numRuns: 200 },
    );
  });
});
