import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser } from '@playwright/test';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { issueCertificates } from '../../src/certificates/issue-certificates';
import { lookupCode } from '../../src/lookup/lookup-code';
import { lookupSecret } from '../../src/lookup/verify-certificate';
import { describeStores, testContext } from '../support/center-db';
import { startTestCenter, type TestCenter } from '../support/center-server';
import { giveRange, holder, JUNE_2026, orgStaff } from '../certificates/fixtures';

/*
 * The lookup page in real Chromium at a phone's size (390 × 844): styled (the CSP lets its
 * style through), no sideways scrolling, the form works, the QR link opens the certificate.
 * SKILLEXAM_SCREENSHOT_DIR keeps the screenshots (docs/screenshots/center-verify-*.png).
 */

const shots = process.env['SKILLEXAM_SCREENSHOT_DIR'];

describeStores('lookup page in Chromium', (getDb) => {
  let centre: TestCenter;
  let browser: Browser;
  let number = '';
  let code = '';

  beforeAll(async () => {
    centre = await startTestCenter(getDb());
    const organisationId = await centre.addOrganisation('广东省职业技能服务指导中心');
    const ctx = testContext(getDb(), { now: () => JUNE_2026 });
    await giveRange(ctx, organisationId, { size: 10, level: 3 });
    const [issued] = await issueCertificates(getDb(), {
      organisationId,
      holders: [holder(3, { name: '陈静', level: 3, jobType: '网络安全管理员' })],
      actor: orgStaff(organisationId),
      audit: ctx.audit,
      now: JUNE_2026,
    });
    number = issued?.number ?? '';
    code = lookupCode(await lookupSecret(getDb()), number);
    browser = await chromium.launch({
      executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
      args: ['--no-sandbox'],
    });
    if (shots !== undefined) mkdirSync(shots, { recursive: true });
  }, 60_000);

  afterAll(async () => {
    await browser.close();
    await centre.close();
  }, 60_000);

  async function phonePage() {
    const context = await browser.newContext({
      viewport: { width: 390, height: 844 },
      deviceScaleFactor: 2,
    });
    const page = await context.newPage();
    const blocked: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) blocked.push(message.text());
    });
    return { page, blocked, close: () => context.close() };
  }

  it('fills in the form on a phone and shows the certificate', async () => {
    const { page, blocked, close } = await phonePage();
    await page.goto(`${centre.url}/verify`);
    expect(
      await page.evaluate('getComputedStyle(document.querySelector("header")).backgroundColor'),
    ).toBe('rgb(11, 79, 138)');
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
    if (shots !== undefined) await page.screenshot({ path: join(shots, 'center-verify-form.png') });
    await page.getByLabel('证书编号').fill(number);
    await page.getByLabel('持证人姓名或身份证号后4–6位').fill('陈静');
    await page.getByRole('button', { name: '查询' }).click();
    await expect.poll(() => page.locator('.msg.ok').textContent()).toContain('证书有效');
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
    if (shots !== undefined)
      await page.screenshot({ path: join(shots, 'center-verify-result.png') });
    expect(blocked).toEqual([]);
    await close();
  }, 60_000);

  it('opens the certificate from the QR link without typing', async () => {
    const { page, close } = await phonePage();
    const response = await page.goto(`${centre.url}/verify/${number}/${code}`);
    expect(response?.status()).toBe(200);
    expect(await page.locator('dd.number').first().textContent()).toBe(number);
    await page.goto(`${centre.url}/verify/${number}/${code.slice(0, -1)}x`);
    expect(await page.getByRole('alert').textContent()).toContain('未查询到');
    if (shots !== undefined) await page.screenshot({ path: join(shots, 'center-verify-miss.png') });
    await close();
  }, 60_000);
});
