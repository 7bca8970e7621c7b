import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { expectAccessible } from '../../../e2e/axe';
import { startProctorServer, type RunningServer } from './support/proctor-server';

/*
 * First run in Chromium against the real proctor server on an empty data folder: the set-up code
 * from the server's stdout, a wrong code refused in the server's words, then the right one makes
 * the first exam admin, who is logged in; afterwards the console shows the ordinary login.
 * zh-CN, one English check, axe on the card. Screenshots: test-results/console/first-run-*.png.
 */

let server: RunningServer;
let dataDir = '';
const ADMIN = { username: 'kaowu', password: 'correct horse 42' };

const shot = (page: Page, name: string) =>
  page.screenshot({ path: `test-results/console/first-run-${name}.png`, fullPage: true });

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  dataDir = join(mkdtempSync(join(tmpdir(), 'console-first-run-')), 'data');
  server = await startProctorServer(dataDir);
});

test.afterAll(async () => {
  await server?.stop();
});

async function fill(page: Page, setupCode: string): Promise<void> {
  await page.getByLabel('设置码').fill(setupCode);
  await page.getByLabel('管理员用户名').fill(ADMIN.username);
  await page.getByLabel('密码', { exact: true }).fill(ADMIN.password);
  await page.getByLabel('再次输入密码').fill(ADMIN.password);
  await page.getByRole('button', { name: '创建并登录' }).click();
}

test('empty data folder: a wrong code is refused, the printed one makes the admin and logs in', async ({
  page,
  browser,
}) => {
  const code = server.setupCode ?? '';
  expect(code).toMatch(/^[2-9A-HJ-NP-Z]{4}(-[2-9A-HJ-NP-Z]{4}){2}$/);
  expect(readFileSync(join(dataDir, 'first-run-code.txt'), 'utf8')).toContain(code);
  await page.goto(`${server.url}/console/`);
  const card = page.getByTestId('first-run-card');
  await expect(card).toContainText('首次使用 — 创建考务管理员');
  await expect(card).toContainText('first-run-code.txt');
  await expectAccessible(page, 'first-run (zh-CN)');
  const box = await card.boundingBox();
  expect((box?.y ?? 0) + (box?.height ?? 900)).toBeLessThanOrEqual(800); // fits 1280×800
  await shot(page, 'zh');

  await page.getByRole('button', { name: 'English' }).click();
  await expect(card).toContainText('First run — create the exam admin');
  await expectAccessible(page, 'first-run (en)');
  await shot(page, 'en');
  await page.getByRole('button', { name: '中文' }).click();

  const wrong = code.replace(/^./, (c) => (c === 'A' ? 'B' : 'A'));
  await fill(page, wrong);
  await expect(page.getByTestId('first-run-error')).toContainText('设置码不正确');
  await shot(page, 'wrong-code');

  await page.getByLabel('设置码').fill(code.toLowerCase());
  await page.getByRole('button', { name: '创建并登录' }).click();
  await expect(page.getByTestId('whoami')).toContainText(ADMIN.username);
  expect(existsSync(join(dataDir, 'first-run-code.txt'))).toBe(false);

  // the next visitor sees the ordinary login, and the admin's password works there
  const next = await (await browser.newContext()).newPage();
  await next.goto(`${server.url}/console/`);
  await expect(next.getByTestId('login-card')).toBeVisible();
  await expect(next.getByTestId('first-run-card')).toHaveCount(0);
  await next.getByLabel('用户名').fill(ADMIN.username);
  await next.getByLabel('密码').fill(ADMIN.password);
  await next.getByRole('button', { name: '登录' }).click();
  await expect(next.getByTestId('whoami')).toContainText(ADMIN.username);
});
