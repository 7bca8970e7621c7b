import type { NumericAnswer } from '../domain/numeric-answer';
import { decimalOf, readNumberInput, type DecimalNumber } from './read-number-input';

/*
 * Whether a candidate's text matches a numeric accepted answer (rules in `numeric-answer.ts`).
 * Tolerances compare doubles with inclusive bounds; a few units in the last place of slack keep
 * a boundary answer such as 4.2 for 4 ±0.2 correct although 4.2 − 4 is 0.20000000000000018 in
 * binary. A zero tolerance compares exactly. Rounding modes work on the exact decimal digits,
 * so 0.15 rounded to 1 decimal place is 0.2 (a double would say 0.1).
 */

const ULP_SLACK = 4 * Number.EPSILON;

function withinTolerance(given: number, number: number, allowed: number): boolean {
  if (allowed === 0) return given === number;
  const slack = ULP_SLACK * Math.max(Math.abs(given), Math.abs(number), allowed);
  return Math.abs(given - number) <= allowed + slack;
}

/** Keeps the first `keep` digits, rounding half away from zero; `keep` ≤ 0 may round to zero. */
function roundToDigits(decimal: DecimalNumber, keep: number): string {
  const { digits, exponent, negative } = decimal;
  if (digits === '0' || keep >= digits.length) return key(negative, digits, exponent);
  const dropped = digits.length - keep;
  if (keep < 0) return key(false, '0', 0);
  const next = digits[keep] ?? '0';
  let head = BigInt(keep === 0 ? '0' : digits.slice(0, keep));
  if (next >= '5') head += 1n;
  if (head === 0n) return key(false, '0', 0);
  const text = head.toString();
  const trailing = /0*$/.exec(text)?.[0].length ?? 0;
  return key(negative, text.slice(0, text.length - trailing), exponent + dropped + trailing);
}

function key(negative: boolean, digits: string, exponent: number): string {
  return `${negative ? '-' : ''}${digits}e${exponent}`;
}

/** Digits to keep so that the last kept one is at 10^−places. */
function keepForDecimalPlaces(decimal: DecimalNumber, places: number): number {
  return decimal.digits.length + decimal.exponent + places;
}

function rounded(decimal: DecimalNumber, answer: NumericAnswer): string {
  if (answer.mode === 'decimal_places') {
    return roundToDigits(decimal, keepForDecimalPlaces(decimal, answer.figures));
  }
  return roundToDigits(decimal, answer.mode === 'significant_figures' ? answer.figures : Infinity);
}

/** Whether `given` (already read as a number) matches `answer`. */
export function matchesNumber(given: DecimalNumber, answer: NumericAnswer): boolean {
  switch (answer.mode) {
    case 'absolute':
      return withinTolerance(given.value, answer.number, answer.tolerance);
    case 'relative':
      return withinTolerance(
        given.value,
        answer.number,
        (Math.abs(answer.number) * answer.tolerance) / 100,
      );
    case 'decimal_places':
    case 'significant_figures':
      return rounded(given, answer) === rounded(decimalOf(answer.number), answer);
  }
}

/** Whether the candidate's text is a number that matches `answer`; non-numbers never match. */
export function matchesNumericAnswer(givenText: string, answer: NumericAnswer): boolean {
  const given = readNumberInput(givenText);
  return given !== undefined && matchesNumber(given, answer);
}
