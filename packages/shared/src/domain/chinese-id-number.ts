/*
 * 公民身份号码 (GB 11643-1999): 6-digit address code, 8-digit birth date, 3-digit sequence,
 * 1 check character. The check character is ISO 7064 MOD 11-2 over the first 17 digits.
 */

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = '10X98765432';

/** The check character for the first 17 digits, or undefined if they are not 17 digits. */
export function chineseIdCheckChar(first17: string): string | undefined {
  if (!/^\d{17}$/.test(first17)) return undefined;
  let sum = 0;
  WEIGHTS.forEach((weight, index) => {
    sum += weight * Number(first17.charAt(index));
  });
  return CHECK_CHARS.charAt(sum % 11);
}

/**
 * Whether `value` is an 18-character ID number with a correct check character. A trailing
 * lower-case `x` is accepted. (Format and checksum only; the birth date is not checked.)
 */
export function isValidChineseIdNumber(value: string): boolean {
  if (!/^\d{17}[\dXx]$/.test(value)) return false;
  return chineseIdCheckChar(value.slice(0, 17)) === value.charAt(17).toUpperCase();
}

/**
 * For display: keeps the first 6 and last 4 characters, e.g. `110101********1234`.
 * Anything too short to keep both ends is masked entirely.
 */
export function maskIdNumber(value: string): string {
  if (value.length <= 10) return '*'.repeat(value.length);
  return `${value.slice(0, 6)}${'*'.repeat(value.length - 10)}${value.slice(-4)}`;
}
