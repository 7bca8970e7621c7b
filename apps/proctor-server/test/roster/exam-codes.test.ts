import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  EXAM_CODE_ALPHABET,
  formatExamCode,
  generateExamCodes,
  hashExamCode,
  isWellFormedExamCode,
  normalizeExamCode,
  verifyExamCode,
} from '../../src/roster/exam-codes';

const SECRET = new Uint8Array(32).fill(7);

describe('exam codes', () => {
  it('generates distinct, well-formed codes without look-alike characters', () => {
    const codes = generateExamCodes(2_000);
    expect(new Set(codes).size).toBe(2_000);
    for (const code of codes) {
      expect(isWellFormedExamCode(code)).toBe(true);
      expect(code).not.toMatch(/[01OIL]/);
    }
    expect(EXAM_CODE_ALPHABET).toHaveLength(31);
  });

  it('uses every alphabet character roughly evenly (no modulo bias)', () => {
    const counts = new Map<string, number>();
    for (const code of generateExamCodes(4_000))
      for (const char of code) counts.set(char, (counts.get(char) ?? 0) + 1);
    const expected = (4_000 * 8) / 31;
    for (const char of EXAM_CODE_ALPHABET) {
      expect(counts.get(char) ?? 0).toBeGreaterThan(expected * 0.8);
      expect(counts.get(char) ?? 0).toBeLessThan(expected * 1.2);
    }
  });

  it('is deterministic for a given random source and rejects biased bytes', () => {
    const bytes = [255, 250, 248, 0, 1, 2, 3, 4, 5, 6, 7, 30, 31];
    let at = 0;
    const random = (count: number) =>
      Uint8Array.from({ length: count }, () => bytes[at++ % bytes.length] ?? 0);
    const [code] = generateExamCodes(1, random);
    expect(code).toBe('23456789');
  });

  it('verifies typed codes leniently and only with the same secret', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000 }), () => {
        const [code] = generateExamCodes(1);
        if (code === undefined) throw new Error('no code');
        const stored = hashExamCode(code, SECRET);
        expect(stored).not.toContain(code);
        expect(verifyExamCode(` ${formatExamCode(code).toLowerCase()} `, stored, SECRET)).toBe(
          true,
        );
        expect(verifyExamCode(code.slice(1) + '2', stored, SECRET)).toBe(
          code.slice(1) + '2' === code,
        );
        expect(verifyExamCode(code, stored, new Uint8Array(32).fill(8))).toBe(false);
      }),
      { numRuns: 50 },
    );
    expect(verifyExamCode('ABCDEFGH', 'garbage', SECRET)).toBe(false);
    expect(() => hashExamCode('ABCDEFGH', new Uint8Array(8))).toThrow(/32 bytes/);
    expect(normalizeExamCode('ａｂｃｄ-ｅｆｇｈ')).toBe('ABCDEFGH');
  });
});
