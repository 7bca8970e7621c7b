/*
 * Reads what a candidate typed into a numeric blank as a decimal number. Accepted, after Unicode
 * NFKC (full-width digits and signs become half-width) and removing all white space:
 * - an optional sign (`+`, `-`, and the minus signs `−` `－` `﹣`);
 * - digits with an optional decimal point: `4`, `4.0`, `4.`, `.5`; the Chinese full stop `。`
 *   that a Chinese input method types for `.` counts as the decimal point (`4。5` = 4.5);
 * - commas only as thousands separators in groups of three: `1,000`, `12,345.6` (so `3,5` is
 *   not a number: a decimal comma is not used in Chinese and would be ambiguous);
 * - an optional exponent: `4e0`, `1.2E-3`.
 * Anything else (units, fractions, percent signs, words) is not a number.
 */

export interface DecimalNumber {
  /** The value as a double, for tolerance comparisons. */
  readonly value: number;
  /** The exact decimal: (negative ? −1 : 1) × digits × 10^exponent; zero is `'0'`, 0, false. */
  readonly negative: boolean;
  readonly digits: string;
  readonly exponent: number;
}

const MINUS_SIGNS = /[\u2212\uff0d\ufe63\u2012\u2013]/g;
const GROUPED = /^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d*)?$/;
const NUMBER = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d{1,4}))?$/;

function canonical(negative: boolean, digits: string, exponent: number, value: number) {
  const trimmedLeading = digits.replace(/^0+/, '');
  if (trimmedLeading === '') return { value: 0, negative: false, digits: '0', exponent: 0 };
  const trailing = /0*$/.exec(trimmedLeading)?.[0].length ?? 0;
  return {
    value,
    negative,
    digits: trimmedLeading.slice(0, trimmedLeading.length - trailing),
    exponent: exponent + trailing,
  };
}

/** The number a candidate typed, or `undefined` when the text is not a number. */
export function readNumberInput(text: string): DecimalNumber | undefined {
  let cleaned = text
    .normalize('NFKC')
    .replace(/\s+/gu, '')
    .replace(/[。｡]/g, '.')
    .replace(MINUS_SIGNS, '-');
  if (cleaned.includes(',')) {
    if (!GROUPED.test(cleaned)) return undefined;
    cleaned = cleaned.replace(/,/g, '');
  }
  const match = NUMBER.exec(cleaned);
  if (match === null) return undefined;
  const [, sign = '', whole = '', fraction = '', exponent = '0'] = match;
  if (whole === '' && fraction === '') return undefined;
  const value = Number(cleaned);
  if (!Number.isFinite(value)) return undefined;
  return canonical(sign === '-', whole + fraction, Number(exponent) - fraction.length, value);
}

/** The exact decimal of a stored key number (`String(4)` = '4', `String(1e-7)` = '1e-7'). */
export function decimalOf(number: number): DecimalNumber {
  const decimal = readNumberInput(String(number));
  if (decimal === undefined) throw new RangeError(`Not a finite number: ${number}`);
  return decimal;
}
