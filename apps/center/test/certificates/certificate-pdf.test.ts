import { execFileSync } from 'node:child_process';
import { mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { certificatePdf } from '../../src/certificates/certificate-document';
import { issueCertificates } from '../../src/certificates/issue-certificates';
import { voidCertificate } from '../../src/certificates/void-certificate';
import { lookupCode } from '../../src/lookup/lookup-code';
import { lookupSecret } from '../../src/lookup/verify-certificate';
import { describeStores, testContext } from '../support/center-db';
import {
  addOrganisation,
  giveRange,
  holder,
  JUNE_2026,
  orgStaff,
  residentId,
  supervisor,
} from './fixtures';

/** The PDF's text through poppler's pdftotext, and page 1 rendered to PNG beside it. */
function inspect(bytes: Uint8Array): { text: string; png: string; pages: number } {
  const dir = mkdtempSync(join(tmpdir(), 'center-cert-'));
  const file = join(dir, 'certificate.pdf');
  writeFileSync(file, bytes);
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  execFileSync('pdftoppm', ['-png', '-r', '40', '-singlefile', file, join(dir, 'page')]);
  const pages = Number(
    /Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1],
  );
  return { text, png: join(dir, 'page.png'), pages };
}

describeStores('electronic certificate PDF', (getDb) => {
  const ctx = () =>
    testContext(getDb(), { now: () => JUNE_2026, publicBaseUrl: 'https://centre.example.cn' });
  let number = '';

  beforeAll(async () => {
    await addOrganisation(getDb(), {
      id: 'org-p',
      code: '0042',
      province: '44',
      name: '深圳市技能评价中心',
    });
    await giveRange(ctx(), 'org-p', { size: 5, level: 1 });
    const [issued] = await issueCertificates(getDb(), {
      organisationId: 'org-p',
      holders: [holder(7, { name: '欧阳晓明', level: 1, jobType: '网络安全管理员' })],
      actor: orgStaff('org-p'),
      audit: ctx().audit,
      now: JUNE_2026,
    });
    number = issued?.number ?? '';
  }, 60_000);

  it('prints the title, holder, masked ID, occupation, level, organisation, number and date', async () => {
    const file = await certificatePdf(ctx(), orgStaff('org-p'), number);
    expect(file.fileName).toBe(`职业技能等级证书-${number}.pdf`);
    const { text, png, pages } = inspect(file.bytes);
    expect(pages).toBe(1);
    for (const expected of [
      '职业技能等级证书',
      '欧阳晓明',
      `440***********${residentId(7).slice(-4)}`,
      '网络与信息安全管理员',
      '一级/高级技师',
      '深圳市技能评价中心',
      number,
      '2026年6月15日',
      '4-04-05-04',
      'https://centre.example.cn/verify',
    ]) {
      expect(text.replace(/\s+/g, ''), expected).toContain(expected.replace(/\s+/g, ''));
    }
    expect(text).not.toContain(residentId(7));
    expect(statSync(png).size).toBeGreaterThan(10_000);
  }, 60_000);

  it('embeds a QR code image for the certificate’s lookup link', async () => {
    const file = await certificatePdf(ctx(), supervisor(), number);
    const dir = mkdtempSync(join(tmpdir(), 'center-qr-'));
    writeFileSync(join(dir, 'c.pdf'), file.bytes);
    const images = execFileSync('pdfimages', ['-list', join(dir, 'c.pdf')], { encoding: 'utf8' });
    expect(images.split('\n').filter((line) => /^\s+1\s/.test(line)).length).toBeGreaterThanOrEqual(
      1,
    );
    // The link the QR encodes opens this certificate (checked on the lookup side).
    const code = lookupCode(await lookupSecret(getDb()), number);
    expect(code).toMatch(/^[A-Za-z0-9_-]{22}$/);
  }, 60_000);

  it('stamps a voided certificate 已作废', async () => {
    await voidCertificate(ctx(), orgStaff('org-p'), number, '证书信息录入错误');
    const { text } = inspect((await certificatePdf(ctx(), orgStaff('org-p'), number)).bytes);
    expect(text).toContain('已作废');
  }, 60_000);

  it('answers another organisation’s staff as not found', async () => {
    await expect(certificatePdf(ctx(), orgStaff('org-q'), number)).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  }, 60_000);
});
