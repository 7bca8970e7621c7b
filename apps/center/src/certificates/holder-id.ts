/*
 * A certificate holder's identity document: the type (证件类型) and number, the checksum of a
 * 居民身份证 (GB 11643), and the masked form shown on the certificate face and in the public
 * lookup — first 3 and last 4 characters (docs/decisions/1024-electronic-certificate.md). Pure.
 */

export const ID_TYPES = [
  '居民身份证',
  '港澳台居民居住证',
  '港澳居民来往内地通行证',
  '台湾居民来往大陆通行证',
  '护照',
  '外国人永久居留身份证',
  '其他',
] as const;
export type IdType = (typeof ID_TYPES)[number];

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';

/** The check character (position 18) of the first 17 digits of a 居民身份证 number. */
export function residentIdCheckChar(first17: string): string {
  let sum = 0;
  for (let index = 0; index < 17; index += 1) sum += Number(first17[index]) * (WEIGHTS[index] ?? 0);
  return CHECK_CHARS[sum % 11] ?? '';
}

/** Why a 居民身份证 number is not valid (format, birth date, check character), or undefined. */
export function residentIdProblem(idNumber: string): string | undefined {
  if (!/^\d{17}[\dX]$/.test(idNumber)) {
    return '居民身份证号码应为18位：17位数字加1位校验码（数字或大写 X）';
  }
  const year = Number(idNumber.slice(6, 10));
  const month = Number(idNumber.slice(10, 12));
  const day = Number(idNumber.slice(12, 14));
  const birth = new Date(Date.UTC(year, month - 1, day));
  if (
    year < 1900 ||
    birth.getUTCFullYear() !== year ||
    birth.getUTCMonth() !== month - 1 ||
    birth.getUTCDate() !== day
  ) {
    return `居民身份证号码第7–14位出生日期 ${idNumber.slice(6, 14)} 不是有效日期`;
  }
  const expected = residentIdCheckChar(idNumber.slice(0, 17));
  if (idNumber[17] !== expected) {
    return `居民身份证号码校验码应为 ${expected}，实际为 ${idNumber[17] ?? ''}`;
  }
  return undefined;
}

/** Why an identity document number is not acceptable for its type, or undefined. */
export function idNumberProblem(idType: IdType, idNumber: string): string | undefined {
  if (idType === '居民身份证') return residentIdProblem(idNumber);
  return /^[0-9A-Za-z()（）-]{5,40}$/.test(idNumber)
    ? undefined
    : `${idType}号码应为 5–40 位字母、数字或括号`;
}

/** The type of a number found without one (a batch list): a valid 居民身份证, else 其他. */
export function inferIdType(idNumber: string): IdType {
  return residentIdProblem(idNumber) === undefined ? '居民身份证' : '其他';
}

/** `110***********1234`: first 3 and last 4 kept; a short number keeps only its last character. */
export function maskIdNumber(idNumber: string): string {
  if (idNumber.length <= 8)
    return `${'*'.repeat(Math.max(idNumber.length - 1, 0))}${idNumber.slice(-1)}`;
  return `${idNumber.slice(0, 3)}${'*'.repeat(idNumber.length - 7)}${idNumber.slice(-4)}`;
}
