import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  acceptedAnswerText,
  describeAcceptedAnswer,
  parseAcceptedAnswerText,
} from './accepted-answer-text';
import { NumericAnswerSchema, type NumericAnswer } from './numeric-answer';

describe('parseAcceptedAnswerText', () => {
  it.each<[string, NumericAnswer]>([
    ['数值：4', { number: 4, tolerance: 0, mode: 'absolute' }],
    ['数值:4.0', { number: 4, tolerance: 0, mode: 'absolute' }],
    ['数值：4 ±0.2', { number: 4, tolerance: 0.2, mode: 'absolute' }],
    ['数值：4+-0.2', { number: 4, tolerance: 0.2, mode: 'absolute' }],
    ['数值：４±５％', { number: 4, tolerance: 5, mode: 'relative' }],
    ['数值：-0.5 +/- 0.05', { number: -0.5, tolerance: 0.05, mode: 'absolute' }],
    ['数值：1,500±1%', { number: 1500, tolerance: 1, mode: 'relative' }],
    ['数值：3.14（保留2位小数）', { number: 3.14, figures: 2, mode: 'decimal_places' }],
    ['数值：0.052(2位有效数字)', { number: 0.052, figures: 2, mode: 'significant_figures' }],
  ])('%j', (text, expected) => {
    expect(parseAcceptedAnswerText(text)).toEqual({ ok: true, value: expected });
  });

  it('keeps every other text as a text answer, however numeric it looks', () => {
    for (const text of ['4', '220V±10%', '±7%', '=SUM(A1:A5)', '4±0.2']) {
      expect(parseAcceptedAnswerText(` ${text} `)).toEqual({ ok: true, value: text });
    }
  });

  it('refuses a 数值 answer it cannot read, naming the accepted forms', () => {
    for (const text of ['数值：', '数值：四', '数值：4±', '数值：4±-1', '数值：3,5', '数值：4V']) {
      const result = parseAcceptedAnswerText(text);
      expect(result.ok, text).toBe(false);
      if (!result.ok) expect(result.reason).toContain('数值：4 ±0.2');
    }
  });

  it('displays numbers as 4, 4 ±0.2, 4 ±5%', () => {
    expect(describeAcceptedAnswer({ number: 4, tolerance: 0, mode: 'absolute' })).toBe('4');
    expect(describeAcceptedAnswer({ number: 4, tolerance: 0.2, mode: 'absolute' })).toBe('4 ±0.2');
    expect(describeAcceptedAnswer({ number: 4, tolerance: 5, mode: 'relative' })).toBe('4 ±5%');
    expect(describeAcceptedAnswer('欧姆')).toBe('欧姆');
  });

  it('property: the written form of any numeric answer reads back to the same answer', () => {
    const finite = fc
      .double({ noNaN: true, noDefaultInfinity: true })
      .map((n) => (n === 0 ? 0 : n));
    const answer = fc.oneof(
      fc.record({
        number: finite,
        tolerance: finite.map(Math.abs),
        mode: fc.constantFrom('absolute' as const, 'relative' as const),
      }),
      fc.record({
        number: finite,
        figures: fc.integer({ min: 1, max: 15 }),
        mode: fc.constantFrom('decimal_places' as const, 'significant_figures' as const),
      }),
    );
    fc.assert(
      fc.property(answer, (value) => {
        const numeric = NumericAnswerSchema.parse(value);
        expect(parseAcceptedAnswerText(acceptedAnswerText(numeric))).toEqual({
          ok: true,
          value: numeric,
        });
      }),
      { numRuns: 300 },
    );
  });
});
