import { mkdtempSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { KioskEnrollmentSchema } from '@skillexam/shared';
import { expectAccessible } from '../../../e2e/axe';
import { prepareExamDay, STAFF, type ExamDay } from './support/exam-day';
import { logInToConsole } from './support/console-login';
import { startProctorServer, type RunningServer } from './support/proctor-server';

/*
 * The exam admin in the browser against the real proctor server: enrolls an exam PC (the
 * enrollment file offered once, a second enrollment of the name refused in the server's words),
 * revokes it with a reason; resets a password with a reason; records a session's 督考人员 and
 * sees them in the monitor header (docs/decisions/0984–0986). Screenshots:
 * test-results/console/kiosks-*.png.
 */

let server: RunningServer;
let day: ExamDay;
const shot = (page: Page, name: string) =>
  page.screenshot({ path: `test-results/console/kiosks-${name}.png`, fullPage: true });

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(180_000);
  const dir = mkdtempSync(join(tmpdir(), 'console-kiosks-'));
  const dataDir = join(dir, 'data');
  day = await prepareExamDay(dir, dataDir, 1);
  server = await startProctorServer(dataDir);
});

test.afterAll(async () => {
  await server?.stop();
});

const logInAdmin = (browser: Browser) => logInToConsole(browser, server.url, STAFF.admin);

test('考试机: enroll with the file offered once, refuse a duplicate, revoke with a reason', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const page = await logInAdmin(browser);
  await page.getByTestId('nav-site-admin').click();
  await page.getByRole('menuitem', { name: /考试机/ }).click();
  const table = page.getByTestId('kiosk-table');
  await expect(table).toBeVisible();

  await page.getByRole('button', { name: '登记考试机' }).click();
  await page.getByTestId('kiosk-name').fill('第9考场-01');
  await page.getByRole('dialog').getByRole('button', { name: '登记考试机' }).click();
  const fileDialog = page.getByRole('dialog');
  await expect(fileDialog).toContainText('只在此处提供一次');
  await expectAccessible(page, '考试机 (file)');
  const download = page.waitForEvent('download');
  await page.getByTestId('download-enrollment').click();
  const saved = await download;
  expect(saved.suggestedFilename()).toBe('enrollment.json');
  const file = KioskEnrollmentSchema.parse(JSON.parse(await readFile(await saved.path(), 'utf8')));
  expect(file.kioskName).toBe('第9考场-01');
  expect(file.kioskPrivateKey.length).toBeGreaterThan(40);
  await expect(page.getByTestId('enrolled-kiosk-id')).toHaveText(file.kioskId);
  await shot(page, 'file');
  await page.getByRole('button', { name: '我已保存到考试机' }).click();
  const row = table.getByRole('row', { name: /第9考场-01/ });
  await expect(row).toContainText(file.kioskId);
  await expect(row).toContainText('有效');
  // the key is never listed
  await expect(page.locator('body')).not.toContainText(file.kioskPrivateKey.slice(0, 24));

  // the same name again: the server's refusal, word for word
  await page.getByRole('button', { name: '登记考试机' }).click();
  await page.getByTestId('kiosk-name').fill('第9考场-01');
  await page.getByRole('dialog').getByRole('button', { name: '登记考试机' }).click();
  await expect(page.getByTestId('kiosk-enroll-error')).toHaveText(
    '考试机 第9考场-01 已登记，请先注销 (kiosk already enrolled: revoke it first)',
  );
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);

  // revoke: no reason, no revocation; then with a reason
  await row.getByRole('button', { name: '注销' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('此操作记入审计日志');
  await dialog.getByRole('button', { name: '注销' }).click();
  await expect(dialog.locator('.ant-form-item-explain-error')).toBeVisible();
  await expect(row).toContainText('有效');
  await dialog.getByLabel('原因').fill('主板故障，已更换');
  await shot(page, 'revoke');
  await dialog.getByRole('button', { name: '注销' }).click();
  await expect(row).toContainText('已注销');
  await expect(row.getByRole('button', { name: '注销' })).toHaveCount(0);
  await expectAccessible(page, '考试机');
  await shot(page, 'list');

  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('button', { name: 'Enroll a PC' })).toBeVisible();
  await expect(row).toContainText('Revoked');
  await shot(page, 'list-en');
  await page.context().close();
});

test('人员: a reset needs a reason; 督考人员 recorded and shown on the monitor', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const page = await logInAdmin(browser);
  await page.getByTestId('nav-site-admin').click();
  await page.getByRole('menuitem', { name: /人员/ }).click();
  const table = page.getByTestId('staff-table');
  await table
    .getByRole('row', { name: /proctor2/ })
    .getByRole('button', { name: '重置密码' })
    .click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('原因记入审计日志');
  await dialog.getByLabel('原因').fill('本人遗忘密码');
  await dialog.getByRole('button', { name: '确认' }).click();
  await expect(page.getByTestId('one-time-password')).toHaveText(/^[A-Za-z2-9]{14}$/);
  await page.getByRole('button', { name: '我已记下' }).click();

  await page.getByTestId('assign-session').click();
  await page.locator('.ant-select-item-option').filter({ hasText: day.sessionId }).click();
  await page.getByTestId('assign-supervisors').click();
  await page.locator(`.ant-select-item-option[title="${STAFF.supervisor.username}"]`).click();
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: '保存指派' }).click();
  await expect(page.getByText('已指派', { exact: true })).toBeVisible();
  await shot(page, 'staff-assigned');

  await page.evaluate((id) => {
    window.location.hash = `#/s/${id}/monitor`;
  }, day.sessionId);
  await expect(page.getByTestId('session-staff')).toContainText(
    `督考人员: ${STAFF.supervisor.username}`,
  );
  await shot(page, 'monitor-staff');
  await page.context().close();
});
