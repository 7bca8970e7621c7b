import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { isValidChineseIdNumber } from '@skillexam/shared';
import { FakeSite } from '../test/ingest/fake-site';
import { startCenter, type RunningCenter } from './support/center-server';
import { choose, firstLogIn, openPage, shot, SHOTS } from './support/center-ui';

/*
 * The centre in Chromium against the real `center serve` (embedded PGlite, empty data folder):
 * the centre admin adds an organisation, two of its staff and a site (a real signed results
 * package from a simulated site key); org staff upload the package (accepted; one from an
 * unenrolled key refused), ask for a number range the admin allocates, create a batch, add
 * candidates, upload skills scores (a bad sheet first: nothing written), submit; the submitter
 * cannot approve, a second staff member approves; certificates are issued and found by the
 * public lookup (desktop and phone). Screenshots: test-results/center/.
 */

const ORG = '广东省电力技能评价中心';
const SITE_NAME = '广州第一考点';
const SERIAL = '440101';
const STAFF = {
  zhang: { username: 'zhangsan', name: '张三', password: 'Zhang-Pass-2026!' },
  li: { username: 'lisi', name: '李四', password: 'Reviewer-Pass-2026!' },
} as const;

let center: RunningCenter;
let admin: Page;
const site = new FakeSite(SITE_NAME);
const otp: Record<string, string> = {};
let certificateNumber = '';
let holderName = '';

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(180_000);
  center = await startCenter();
});

test.afterAll(async () => {
  await center?.stop();
});

test('the centre admin logs in, replaces the one-time password, adds an organisation', async ({
  browser,
}) => {
  const login = await browser.newPage();
  await login.goto(`${center.url}/`);
  await expect(login.getByTestId('login-card')).toBeVisible();
  await shot(login, '01-login');
  await login.close();
  admin = await firstLogIn(
    browser,
    center.url,
    'admin',
    center.adminPassword,
    'Centre-Pass-2026!',
    '02-change-password',
  );
  await shot(admin, '03-home-admin');
  await openPage(admin, '评价机构');
  await admin.getByTestId('org-name').fill(ORG);
  await admin.getByTestId('org-code').fill('0001');
  await admin.getByTestId('org-province').fill('44');
  await admin.getByRole('button', { name: '新增', exact: true }).click();
  await expect(admin.getByRole('cell', { name: ORG })).toBeVisible();
  await shot(admin, '04-organisations');
});

test('the admin adds two organisation staff (one-time passwords shown once) and a site', async () => {
  await openPage(admin, '人员');
  for (const who of [STAFF.zhang, STAFF.li]) {
    await admin.getByTestId('staff-username').fill(who.username);
    await admin.getByTestId('staff-name').fill(who.name);
    await choose(admin, '评价机构', ORG);
    await admin.getByRole('button', { name: '新增', exact: true }).click();
    await expect(admin.getByTestId('one-time-password')).toContainText(who.username);
    otp[who.username] = (await admin.getByTestId('otp-value').innerText()).trim();
    expect(otp[who.username]).toMatch(/^[A-Za-z0-9]{4}(-[A-Za-z0-9]{4}){3}$/);
  }
  await shot(admin, '05-staff');
  await openPage(admin, '考点');
  await choose(admin, '评价机构', ORG);
  await admin.getByTestId('site-name').fill(SITE_NAME);
  await admin.getByTestId('site-serial').fill(SERIAL);
  await admin.getByTestId('site-key').fill(site.publicKeyPem);
  await admin.getByRole('button', { name: '登记考点' }).click();
  await expect(admin.getByRole('cell', { name: site.keyId })).toBeVisible();
  await shot(admin, '06-sites');
});

test('org staff upload the results package: accepted; an unenrolled key is refused', async ({
  browser,
}) => {
  const zhang = await firstLogIn(
    browser,
    center.url,
    STAFF.zhang.username,
    otp['zhangsan'] ?? '',
    STAFF.zhang.password,
  );
  await openPage(zhang, '成绩包');
  const good = join(SHOTS, 'session-1.skresults');
  writeFileSync(good, site.makePackage({ sessionId: 'S-2026-0601', candidates: 36 }));
  await zhang.locator('input[type=file]').setInputFiles(good);
  const verdict = zhang.getByTestId('ingest-verdict');
  await expect(verdict).toContainText('已接收');
  await expect(verdict).toContainText(SITE_NAME);
  await expect(verdict).toContainText('S-2026-0601');
  await expect(zhang.getByTestId('packages-table')).toContainText('S-2026-0601');
  await shot(zhang, '07-package-accepted');
  const stranger = new FakeSite(SITE_NAME);
  const bad = join(SHOTS, 'unenrolled.skresults');
  writeFileSync(bad, stranger.makePackage({ sessionId: 'S-X' }));
  await zhang.locator('input[type=file]').setInputFiles(bad);
  await expect(verdict).toContainText('已拒收');
  await expect(verdict).toContainText('SIGNER_UNTRUSTED');
  await expect(verdict).toContainText('不属于任何已登记的考点');
  await shot(zhang, '08-package-refused');

  await openPage(zhang, '号段');
  await zhang.getByTestId('range-serial').fill(SERIAL);
  await zhang.getByRole('button', { name: '申请号段' }).click();
  await expect(zhang.getByTestId('range-requests')).toContainText('待分配');
  await openPage(admin, '号段');
  await admin.getByRole('button', { name: '分配' }).click();
  await expect(admin.getByTestId('ranges')).toContainText(SERIAL);
  await shot(admin, '09-ranges');

  await openPage(zhang, '认定批次');
  await expect(zhang.getByTestId('pass-rule-help')).toContainText('≥ 60');
  await zhang.getByTestId('batch-name').fill('2026年6月 电工四级');
  await zhang.getByTestId('batch-code').fill('6-31-01-03');
  await zhang.getByTestId('batch-occupation').fill('电工');
  await zhang.getByRole('button', { name: '新建认定批次' }).click();
  await expect(zhang.getByTestId('batch-detail')).toBeVisible();
  await zhang.getByRole('button', { name: '新增', exact: true }).click();
  // 36 registered, 3 absent (every tenth): 33 candidates with theory results
  await expect(zhang.getByTestId('candidates-added')).toContainText('新增 33 人');
  await expect(zhang.getByTestId('candidates-added')).toContainText('跳过缺考 3');
  const table = zhang.getByTestId('candidates-table');
  await expect(table.locator('tbody tr')).toHaveCount(33);

  const badSheet = join(SHOTS, 'skills-bad.csv');
  writeFileSync(badSheet, '身份证号,姓名,实操成绩\n110101199001011000,考生1,abc\n999,无此人,70\n');
  await zhang.locator('input[type=file]').setInputFiles(badSheet);
  await expect(zhang.getByTestId('error-alert')).toContainText('未导入任何成绩');
  await expect(zhang.getByTestId('error-alert')).toContainText('第 2 行');
  await shot(zhang, '10-scores-refused');
  // the simulated site's ID numbers are serial; the sheet scores those with a valid check digit
  const ids = await table.locator('tbody tr td:nth-child(2)').allInnerTexts();
  const names = await table.locator('tbody tr td:nth-child(1)').allInnerTexts();
  const rows = ids.flatMap((id, i) => (isValidChineseIdNumber(id) ? [`${id},${names[i]},85`] : []));
  expect(rows.length).toBe(3);
  const sheet = join(SHOTS, 'skills.csv');
  writeFileSync(sheet, `身份证号,姓名,实操成绩\n${rows.join('\n')}\n`);
  await zhang.locator('input[type=file]').setInputFiles(sheet);
  await expect(zhang.getByTestId('scores-imported')).toContainText('已导入 3 行');
  await expect(table).toContainText('合格');
  await shot(zhang, '11-batch-outcomes');
  await zhang.getByRole('button', { name: '提交审核' }).click();
  await expect(zhang.getByTestId('batch-status')).toHaveText('待审核');
  await expect(zhang.getByTestId('four-eyes')).toContainText('须由另一人审核');
  await expect(zhang.getByRole('button', { name: '审核通过' })).toBeDisabled();
  await shot(zhang, '12-four-eyes');

  const li = await firstLogIn(
    browser,
    center.url,
    STAFF.li.username,
    otp['lisi'] ?? '',
    STAFF.li.password,
  );
  await openPage(li, '认定批次');
  await li.getByRole('button', { name: '打开' }).click();
  await li.getByRole('button', { name: '审核通过' }).click();
  await expect(li.getByTestId('batch-status')).toHaveText('已审核通过');
  await li.getByRole('button', { name: '发放证书' }).click();
  const issued = li.getByTestId('issued-list');
  await expect(issued).toContainText('已发证');
  const first = issued.locator('tbody tr').first();
  certificateNumber = (await first.locator('td').nth(0).innerText()).trim();
  holderName = (await first.locator('td').nth(1).innerText()).trim();
  expect(certificateNumber).toMatch(/^[A-Z0-9]{22}$/);
  await shot(li, '13-issued');
  const download = li.waitForEvent('download');
  await first.getByRole('button', { name: '下载 PDF' }).click();
  expect((await download).suggestedFilename()).toBe(`${certificateNumber}.pdf`);
  await openPage(li, '证书');
  const search = li.getByTestId('certificate-search');
  await expect(search).toContainText(certificateNumber);
  await search.getByPlaceholder('证书编号、持证人姓名或身份证号后 4–6 位').fill(holderName);
  await search.getByPlaceholder('证书编号、持证人姓名或身份证号后 4–6 位').press('Enter');
  await expect(search.locator('tbody tr')).toHaveCount(1);
  await expect(search.locator('tbody tr').first()).toContainText(certificateNumber);
  await li.getByRole('button', { name: '查看统计' }).click();
  await expect(li.getByTestId('statistics')).toContainText('发证');
  await shot(li, '14-certificates');
});

test('the public lookup finds the certificate by number and name, on a desktop and a phone', async ({
  browser,
}) => {
  for (const [label, viewport] of [
    ['desktop', { width: 1280, height: 800 }],
    ['phone', { width: 390, height: 844 }],
  ] as const) {
    const context = await browser.newContext({ viewport });
    const page = await context.newPage();
    await page.goto(`${center.url}/verify`);
    await page.locator('#number').fill(certificateNumber);
    await page.locator('#proof').fill(holderName);
    await page.getByRole('button', { name: '查询' }).click();
    await expect(page.locator('body')).toContainText(certificateNumber);
    await expect(page.locator('body')).toContainText('电工');
    await shot(page, `15-verify-${label}`);
    await context.close();
  }
});

test('the supervisor pages and the admin views render', async () => {
  await openPage(admin, '质量督导');
  await expect(admin.getByText('考点对比（按职业与等级）')).toBeVisible();
  await expect(admin.getByText('电工（四级）')).toBeVisible();
  await choose(admin, '考点', SITE_NAME);
  await admin.getByLabel('场次 ID').fill('S-2026-0601');
  await admin.getByLabel('场次 ID').press('Escape');
  await admin.getByRole('button', { name: '查询' }).click();
  await expect(admin.getByText('第一考场 · 考生人数 33')).toBeVisible();
  await shot(admin, '16-supervision');
  await openPage(admin, '认定批次');
  await expect(admin.getByTestId('batches-table')).toContainText('已审核通过');
  await shot(admin, '17-batches-admin');
});
