import { copyFileSync, existsSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderAdmissionSlips, type AdmissionSlip } from '../../src/pdf/admission-slips';
import { fontsOf, pdfPageCount, pdfText, renderFirstPage } from './pdf-tools';

const JPEG_1PX = Buffer.from(
  '/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAAMCAgICAgMCAgIDAwMDBAYEBAQEBAgGBgUGCQgKCgkICQkKDA8MCgsOCwkJDRENDg8QEBEQCgwSExIQEw8QEBD/yQALCAABAAEBAREA/8wABgAQEAX/2gAIAQEAAD8A0s8g/9k=',
  'base64',
);

const slips: AdmissionSlip[] = Array.from({ length: 4 }, (_, i) => ({
  admissionTicketNumber: `2026DG000${i + 1}`,
  name: ['张三', '李四', '阿依古丽·买买提', '欧阳喆'][i] ?? '',
  idNumber: '110101199003071234',
  roomName: '第01考场',
  seat: i + 1,
  examCode: ['ABCD2345', 'XYZ98765', 'HJKM2345', 'PQRS6789'][i] ?? '',
  ...(i === 0 ? { photo: new Uint8Array(JPEG_1PX) } : {}),
}));

describe('renderAdmissionSlips', () => {
  it('prints every slip with Chinese text, masked ID and the exam code, three per page', async () => {
    const bytes = await renderAdmissionSlips(slips, {
      examName: '2026年第一批次职业技能等级认定理论知识考试',
      occupationAndLevel: '电工（三级）',
      siteName: '北京市第一职业技能鉴定所',
      startsAt: Date.parse('2026-06-01T01:00:00Z'),
      durationMinutes: 90,
      rules: {
        checkInOpensMinutesBefore: 30,
        lateEntryCutoffMinutes: 15,
        earliestSubmissionMinutes: 0,
      },
      printedAt: new Date('2026-05-20T00:00:00Z'),
    });
    expect(Buffer.from(bytes.subarray(0, 5)).toString()).toBe('%PDF-');
    const { text, file } = pdfText(bytes, 'slips.pdf');
    const compact = text.replace(/\s+/g, '');
    for (const slip of slips) {
      expect(compact).toContain(slip.admissionTicketNumber);
      expect(compact).toContain(slip.name);
    }
    expect(compact).toContain('准考证');
    expect(compact).toContain('110101********1234');
    expect(compact).not.toContain('110101199003071234');
    expect(compact).toContain('ABCD-2345');
    expect(compact).toContain('2026年6月1日09:00（90分钟）');
    expect(compact).toContain('考生须知');
    // the notice states this session's rules, not a fixed text
    expect(compact).toContain('考前30分钟凭准考证和身份证检录入场');
    expect(compact).toContain('开考15分钟后不得入场');
    expect(compact).toContain('答完即可交卷');
    expect(compact).not.toContain('开考30分钟后');
    expect(pdfPageCount(file)).toBe(2);
    // The font is embedded (a subset), so no viewer needs a Chinese font installed.
    expect(fontsOf(file)).toMatch(/NotoSansCJKsc-Regular.*yes\s+yes\s+yes/);
    const png = renderFirstPage(file);
    expect(statSync(png).size).toBeGreaterThan(10_000);
    const keep = process.env['SKILLEXAM_PDF_PREVIEW_DIR'];
    if (keep !== undefined && existsSync(keep)) copyFileSync(png, `${keep}/admission-slips.png`);
  });

  it("puts a proctors' cover sheet with the site certificate fingerprint first", async () => {
    const fingerprint = Array.from({ length: 32 }, (_, i) =>
      (i * 7 + 16).toString(16).toUpperCase().padStart(2, '0'),
    ).join(':');
    const bytes = await renderAdmissionSlips(slips, {
      examName: '2026年第一批次职业技能等级认定理论知识考试',
      occupationAndLevel: '电工（三级）',
      siteName: '北京市第一职业技能鉴定所',
      startsAt: Date.parse('2026-06-01T01:00:00Z'),
      durationMinutes: 90,
      rules: {
        checkInOpensMinutesBefore: 30,
        lateEntryCutoffMinutes: 30,
        earliestSubmissionMinutes: 30,
      },
      printedAt: new Date('2026-05-20T00:00:00Z'),
      siteCertFingerprint: fingerprint,
    });
    const { text, file } = pdfText(bytes, 'slips-cover.pdf');
    const compact = text.replace(/\s+/g, '');
    expect(compact).toContain('准考证封面（监考员留存，勿发给考生）');
    expect(compact).toContain(fingerprint.slice(0, 47));
    expect(compact).toContain(fingerprint.slice(48));
    expect(compact.indexOf('考点服务器证书指纹')).toBeLessThan(compact.indexOf('2026DG0001'));
    expect(pdfPageCount(file)).toBe(3);
  });
});
