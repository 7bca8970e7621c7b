import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  composeCertificateNumber,
  composePrefix,
  isCertificateNumber,
  parseCertificateNumber,
  PROVINCE_CODES,
  requireCertificateNumber,
  type CertificateLevel,
  type CertificateNumberFields,
} from '../../src/certificates/certificate-number';

const provinces = [...PROVINCE_CODES];

const fieldsArbitrary: fc.Arbitrary<CertificateNumberFields> = fc.record({
  kind: fc.constantFrom('Y' as const, 'S' as const),
  organisationCode: fc.integer({ min: 0, max: 9999 }).map((n) => String(n).padStart(4, '0')),
  province: fc.constantFrom(...provinces),
  siteSerial: fc.integer({ min: 0, max: 999_999 }).map((n) => String(n).padStart(6, '0')),
  year: fc.integer({ min: 2000, max: 2099 }),
  level: fc.constantFrom<CertificateLevel>(1, 2, 3, 4, 5),
  serial: fc.integer({ min: 1, max: 999_999 }),
});

const example: CertificateNumberFields = {
  kind: 'Y',
  organisationCode: '0001',
  province: '23',
  siteSerial: '000456',
  year: 2019,
  level: 5,
  serial: 1,
};

describe('certificate number rule', () => {
  it('composes the policy example layout: Y 0001 23 000456 19 5 000001', () => {
    expect(composeCertificateNumber(example)).toBe('Y000123000456195000001');
    expect(composePrefix(example)).toBe('Y000123000456195');
  });

  it('reads every field back from any valid number (property)', () => {
    fc.assert(
      fc.property(fieldsArbitrary, (fields) => {
        const number = composeCertificateNumber(fields);
        expect(number).toHaveLength(22);
        expect(number).toMatch(/^[YS]\d{21}$/);
        expect(parseCertificateNumber(number)).toEqual({ ok: true, fields });
      }),
    );
  });

  it('orders numbers of one prefix by serial (property)', () => {
    fc.assert(
      fc.property(fieldsArbitrary, fc.integer({ min: 1, max: 999_999 }), (fields, other) => {
        const a = composeCertificateNumber(fields);
        const b = composeCertificateNumber({ ...fields, serial: other });
        expect(a < b).toBe(fields.serial < other);
      }),
    );
  });

  it('refuses any number with one character changed to a letter other than Y/S at position 1, or any non-digit elsewhere (property)', () => {
    fc.assert(
      fc.property(
        fieldsArbitrary,
        fc.integer({ min: 0, max: 21 }),
        fc.constantFrom('A', 'x', '-', ' ', '一'),
        (fields, position, bad) => {
          const number = composeCertificateNumber(fields);
          const broken = `${number.slice(0, position)}${bad}${number.slice(position + 1)}`;
          expect(isCertificateNumber(broken)).toBe(false);
        },
      ),
    );
  });

  it('names each bad field with its positions', () => {
    const cases: [string, string][] = [
      [
        'X000123000456195000001',
        '第1位评价机构类别应为 Y（用人单位）或 S（社会培训评价组织），实际为 "X"',
      ],
      ['Y00A123000456195000001', '第2–5位评价机构代码应为4位数字'],
      [
        'Y000199000456195000001',
        '第6–7位省份代码应为有效的省级行政区划代码（如 11、44），实际为 "99"',
      ],
      ['Y0001230004x6195000001', '第8–13位评价机构（站点）序列码应为6位数字，实际为 "0004x6"'],
      ['Y0001230004561x5000001', '第14–15位发证年份应为2位数字，实际为 "1x"'],
      ['Y000123000456196000001', '第16位等级应为 1–5'],
      ['Y000123000456190000001', '第16位等级应为 1–5'],
      ['Y000123000456195000000', '第17–22位证书顺序号应为 000001–999999，实际为 0'],
      ['Y000123000456195A00001', '第17–22位证书顺序号应为6位数字，实际为 "A00001"'],
      ['Y00012300045619500001', '证书编号应为22位，实际为 21 位'],
    ];
    for (const [number, message] of cases) {
      const parsed = parseCertificateNumber(number);
      expect(parsed.ok, number).toBe(false);
      if (!parsed.ok) expect(parsed.problems.join('；'), number).toContain(message);
    }
  });

  it('reports every problem of a number at once, not just the first', () => {
    const parsed = parseCertificateNumber('Z000199000456190000000');
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problems).toHaveLength(4);
  });

  it('refuses bad fields when composing, with a BAD_REQUEST error listing them', () => {
    expect(() =>
      composeCertificateNumber({ ...example, province: '00', serial: 1_000_000 }),
    ).toThrow(/第6–7位省份代码.*第17–22位证书顺序号/);
    expect(() => composePrefix({ ...example, siteSerial: '12345' })).toThrow(/第8–13位/);
    expect(() => composePrefix({ ...example, year: 1999 })).toThrow(
      /第14–15位发证年份应为 2000–2099 年/,
    );
    expect(() => requireCertificateNumber('Y0001')).toThrow(
      expect.objectContaining({ code: 'BAD_REQUEST' }) as Error,
    );
  });

  it('keeps 0000 for an organisation filed with a province', () => {
    expect(composeCertificateNumber({ ...example, organisationCode: '0000', kind: 'S' })).toBe(
      'S000023000456195000001',
    );
  });
});
