import { describe, expect, it } from 'vitest';
import type { NumericAnswer } from '../domain/numeric-answer';
import { matchesAcceptedAnswer } from './match-accepted-answer';
import { matchesNumericAnswer } from './match-numeric-answer';

describe('matchesAcceptedAnswer', () => {
  it('matches any accepted answer after normalisation', () => {
    expect(matchesAcceptedAnswer('ＰＥ线', ['保护接地线', 'pe线'])).toBe(true);
    expect(matchesAcceptedAnswer('PE 线', ['保护接地线', 'pe线'])).toBe(true);
    expect(matchesAcceptedAnswer('N线', ['保护接地线', 'pe线'])).toBe(false);
  });

  it('never matches an empty or blank answer', () => {
    expect(matchesAcceptedAnswer('', ['a'])).toBe(false);
    expect(matchesAcceptedAnswer(' \u3000 ', ['a'])).toBe(false);
    expect(matchesAcceptedAnswer('。', ['.'])).toBe(false);
  });
});

describe('matchesNumericAnswer: 数值答案', () => {
  const within5Percent: NumericAnswer = { number: 4, tolerance: 5, mode: 'relative' };
  const plusMinus02: NumericAnswer = { number: 4, tolerance: 0.2, mode: 'absolute' };
  const exact: NumericAnswer = { number: 4, tolerance: 0, mode: 'absolute' };

  it('relative: 4 is within 5 % of 4.0, 4.3 is not', () => {
    for (const given of ['4', '4.0', '４．０', '4.00', ' 4 ', '4.2', '3.8', '4e0', '+4']) {
      expect(matchesNumericAnswer(given, within5Percent), given).toBe(true);
    }
    for (const given of ['4.3', '3.79', '-4', '40']) {
      expect(matchesNumericAnswer(given, within5Percent), given).toBe(false);
    }
  });

  it('absolute: both bounds are inclusive despite binary rounding (4.2 − 4 ≠ 0.2 in doubles)', () => {
    expect(matchesNumericAnswer('4.2', plusMinus02)).toBe(true);
    expect(matchesNumericAnswer('3.8', plusMinus02)).toBe(true);
    expect(matchesNumericAnswer('4.2001', plusMinus02)).toBe(false);
    expect(matchesNumericAnswer('3.7999', plusMinus02)).toBe(false);
  });

  it('tolerance 0 is exact: 4, 4.0 and ４ are right, 4.0000001 is wrong', () => {
    expect(matchesNumericAnswer('4.000', exact)).toBe(true);
    expect(matchesNumericAnswer('４', exact)).toBe(true);
    expect(matchesNumericAnswer('4.0000001', exact)).toBe(false);
    const tenth: NumericAnswer = { number: 0.1, tolerance: 0, mode: 'absolute' };
    expect(matchesNumericAnswer('0.10', tenth)).toBe(true);
    expect(matchesNumericAnswer('.1', tenth)).toBe(true);
  });

  it('non-numbers, units, fractions and decimal commas score wrong', () => {
    for (const given of ['四', '4V', '4 Ω', '8/2', '5%', '3,5', '4..0', '', '-', 'e5', '约4']) {
      expect(matchesNumericAnswer(given, plusMinus02), given).toBe(false);
    }
  });

  it('thousands separators, minus signs and the Chinese full stop are read as typed by IMEs', () => {
    const big: NumericAnswer = { number: 1500, tolerance: 0, mode: 'absolute' };
    expect(matchesNumericAnswer('1,500', big)).toBe(true);
    expect(matchesNumericAnswer('1，500', big)).toBe(true);
    expect(matchesNumericAnswer('15,00', big)).toBe(false);
    const negative: NumericAnswer = { number: -0.5, tolerance: 0, mode: 'absolute' };
    expect(matchesNumericAnswer('−0.5', negative)).toBe(true);
    expect(matchesNumericAnswer('－０．５', negative)).toBe(true);
    expect(matchesNumericAnswer('-0。5', negative)).toBe(true);
  });

  it('rounding modes round the exact decimals half away from zero (QTI equalRounded)', () => {
    const twoPlaces: NumericAnswer = { number: 3.14, figures: 2, mode: 'decimal_places' };
    expect(matchesNumericAnswer('3.141', twoPlaces)).toBe(true);
    expect(matchesNumericAnswer('3.135', twoPlaces)).toBe(true);
    expect(matchesNumericAnswer('3.145', twoPlaces)).toBe(false);
    expect(matchesNumericAnswer('3.1', twoPlaces)).toBe(false);
    const oneTenth: NumericAnswer = { number: 0.2, figures: 1, mode: 'decimal_places' };
    expect(matchesNumericAnswer('0.15', oneTenth)).toBe(true);
    const sig: NumericAnswer = { number: 0.052, figures: 2, mode: 'significant_figures' };
    expect(matchesNumericAnswer('0.0515', sig)).toBe(true);
    expect(matchesNumericAnswer('0.05249', sig)).toBe(true);
    expect(matchesNumericAnswer('0.0525', sig)).toBe(false);
    const thousand: NumericAnswer = { number: 1000, figures: 1, mode: 'significant_figures' };
    expect(matchesNumericAnswer('950', thousand)).toBe(true);
    expect(matchesNumericAnswer('949', thousand)).toBe(false);
    const negative: NumericAnswer = { number: -2.5, figures: 0, mode: 'decimal_places' };
    expect(matchesNumericAnswer('-3', negative)).toBe(true);
  });
});

describe('matchesAcceptedAnswer with numeric answers', () => {
  it('a blank accepts any of several numbers; text answers keep their normalisation', () => {
    const accepted = [
      { number: 380, tolerance: 0, mode: 'absolute' },
      { number: 220, tolerance: 0, mode: 'absolute' },
    ] as const;
    expect(matchesAcceptedAnswer('２２０', accepted)).toBe(true);
    expect(matchesAcceptedAnswer('380.0', accepted)).toBe(true);
    expect(matchesAcceptedAnswer('110', accepted)).toBe(false);
    expect(matchesAcceptedAnswer('二百二十', accepted)).toBe(false);
    expect(matchesAcceptedAnswer('4.0', ['4'])).toBe(false);
  });
});
