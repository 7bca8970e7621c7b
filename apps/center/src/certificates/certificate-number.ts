import { InvalidInputError } from '@skillexam/shared';

/*
 * The 22-character number of a 职业技能等级证书 (docs/decisions/1020-certificate-number-rule.md):
 *
 *   pos 1      评价机构类别: Y 用人单位, S 社会培训评价组织
 *   pos 2–5    评价机构代码: 0001–9999 when filed with 人社部, 0000 when filed with a province
 *   pos 6–7    province code of the organisation / site (11 北京 … 82 澳门)
 *   pos 8–13   评价机构（站点）序列码, six digits assigned by the provincial HRSS
 *   pos 14–15  year of issue, last two digits
 *   pos 16     level 1–5 (1 一级/高级技师 … 5 五级/初级工)
 *   pos 17–22  certificate serial, 000001–999999
 *
 * Example: Y000123XXXXXX195000001 in the policy text (X stands for the site serial digits).
 * Pure: no IO, every field checked with its own message.
 */

export type OrganisationKind = 'Y' | 'S';
export type CertificateLevel = 1 | 2 | 3 | 4 | 5;

export interface CertificateNumberFields {
  readonly kind: OrganisationKind;
  /** 评价机构代码, four digits; `0000` for an organisation filed with a province. */
  readonly organisationCode: string;
  /** Two-digit province code (GB/T 2260 first two digits). */
  readonly province: string;
  /** 评价机构（站点）序列码, six digits. */
  readonly siteSerial: string;
  /** Year of issue, full (2026) — the number keeps its last two digits. */
  readonly year: number;
  readonly level: CertificateLevel;
  /** 1–999999. */
  readonly serial: number;
}

/** The 16 characters before the serial: kind + code + province + site serial + year + level. */
export type CertificatePrefixFields = Omit<CertificateNumberFields, 'serial'>;

export const CERTIFICATE_NUMBER_LENGTH = 22;
export const CERTIFICATE_PREFIX_LENGTH = 16;
export const MAX_SERIAL = 999_999;

/** Province-level division codes (GB/T 2260): the first two digits of every administrative code. */
export const PROVINCE_CODES: ReadonlySet<string> = new Set([
  ...['11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37'],
  ...['41', '42', '43', '44', '45', '46', '50', '51', '52', '53', '54', '61', '62', '63', '64'],
  ...['65', '71', '81', '82'],
]);

export const LEVEL_NAMES: Readonly<Record<CertificateLevel, string>> = {
  1: '一级/高级技师',
  2: '二级/技师',
  3: '三级/高级工',
  4: '四级/中级工',
  5: '五级/初级工',
};

/** The year a two-digit year field stands for: this century. */
export function fullYear(twoDigits: number): number {
  return 2000 + twoDigits;
}

/** Every problem with the fields, each naming the positions it concerns; empty when valid. */
export function prefixProblems(fields: CertificatePrefixFields): string[] {
  const problems: string[] = [];
  if (fields.kind !== 'Y' && fields.kind !== 'S') {
    problems.push(
      `第1位评价机构类别应为 Y（用人单位）或 S（社会培训评价组织），实际为 "${String(fields.kind)}"`,
    );
  }
  if (!/^\d{4}$/.test(fields.organisationCode)) {
    problems.push(
      `第2–5位评价机构代码应为4位数字（人社部备案 0001–9999，省级备案 0000），实际为 "${fields.organisationCode}"`,
    );
  }
  if (!PROVINCE_CODES.has(fields.province)) {
    problems.push(
      `第6–7位省份代码应为有效的省级行政区划代码（如 11、44），实际为 "${fields.province}"`,
    );
  }
  if (!/^\d{6}$/.test(fields.siteSerial)) {
    problems.push(`第8–13位评价机构（站点）序列码应为6位数字，实际为 "${fields.siteSerial}"`);
  }
  if (!Number.isInteger(fields.year) || fields.year < 2000 || fields.year > 2099) {
    problems.push(`第14–15位发证年份应为 2000–2099 年，实际为 ${String(fields.year)}`);
  }
  if (!Number.isInteger(fields.level) || fields.level < 1 || fields.level > 5) {
    problems.push(
      `第16位等级应为 1–5（1 一级/高级技师 … 5 五级/初级工），实际为 ${String(fields.level)}`,
    );
  }
  return problems;
}

export function serialProblem(serial: number): string | undefined {
  return Number.isInteger(serial) && serial >= 1 && serial <= MAX_SERIAL
    ? undefined
    : `第17–22位证书顺序号应为 000001–999999，实际为 ${String(serial)}`;
}

/** The 16-character prefix; throws InvalidInputError listing every bad field. */
export function composePrefix(fields: CertificatePrefixFields): string {
  const problems = prefixProblems(fields);
  if (problems.length > 0) {
    throw new InvalidInputError(`证书编号前缀无效：${problems.join('；')}`, { problems });
  }
  const year = String(fields.year % 100).padStart(2, '0');
  return `${fields.kind}${fields.organisationCode}${fields.province}${fields.siteSerial}${year}${String(fields.level)}`;
}

/** `prefix` + the serial as six digits. */
export function numberFromPrefix(prefix: string, serial: number): string {
  const problem = serialProblem(serial);
  if (problem !== undefined) throw new InvalidInputError(`证书编号无效：${problem}`);
  return `${prefix}${String(serial).padStart(6, '0')}`;
}

/** The full 22-character number; throws InvalidInputError listing every bad field. */
export function composeCertificateNumber(fields: CertificateNumberFields): string {
  const problems = prefixProblems(fields);
  const serial = serialProblem(fields.serial);
  if (serial !== undefined) problems.push(serial);
  if (problems.length > 0) {
    throw new InvalidInputError(`证书编号无效：${problems.join('；')}`, { problems });
  }
  return numberFromPrefix(composePrefix(fields), fields.serial);
}

export type ParsedNumber =
  | { readonly ok: true; readonly fields: CertificateNumberFields }
  | { readonly ok: false; readonly problems: readonly string[] };

/** Reads a number field by field; every problem found is reported, not just the first. */
export function parseCertificateNumber(text: string): ParsedNumber {
  if (text.length !== CERTIFICATE_NUMBER_LENGTH) {
    return {
      ok: false,
      problems: [`证书编号应为22位，实际为 ${String(text.length)} 位`],
    };
  }
  const problems: string[] = [];
  const yearText = text.slice(13, 15);
  const levelText = text.slice(15, 16);
  const serialText = text.slice(16, 22);
  if (!/^\d{2}$/.test(yearText)) {
    problems.push(`第14–15位发证年份应为2位数字，实际为 "${yearText}"`);
  }
  if (!/^\d{6}$/.test(serialText)) {
    problems.push(`第17–22位证书顺序号应为6位数字，实际为 "${serialText}"`);
  }
  const fields = {
    kind: text.slice(0, 1) as OrganisationKind,
    organisationCode: text.slice(1, 5),
    province: text.slice(5, 7),
    siteSerial: text.slice(7, 13),
    year: /^\d{2}$/.test(yearText) ? fullYear(Number(yearText)) : 2000,
    level: (/^\d$/.test(levelText) ? Number(levelText) : 0) as CertificateLevel,
    // A non-digit year or serial is reported above; a placeholder keeps it from being reported twice.
    serial: /^\d{6}$/.test(serialText) ? Number(serialText) : 1,
  };
  const fieldProblems = prefixProblems(fields);
  const serial = serialProblem(fields.serial);
  problems.push(...fieldProblems);
  if (serial !== undefined) problems.push(serial);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, fields };
}

/** The fields of a valid number; throws InvalidInputError listing every problem otherwise. */
export function requireCertificateNumber(text: string): CertificateNumberFields {
  const parsed = parseCertificateNumber(text);
  if (!parsed.ok) {
    throw new InvalidInputError(`证书编号 ${text} 无效：${parsed.problems.join('；')}`, {
      problems: parsed.problems,
    });
  }
  return parsed.fields;
}

/** True when `text` is a well-formed 22-character number. */
export function isCertificateNumber(text: string): boolean {
  return parseCertificateNumber(text).ok;
}
