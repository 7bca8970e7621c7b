import { mkdirSync } from 'node:fs';
import { expect, type Browser, type Page } from '@playwright/test';

/* Driving the centre's web UI: logging in (replacing a one-time password), menus, screenshots. */

export const SHOTS = 'test-results/center';
mkdirSync(SHOTS, { recursive: true });

export const shot = (page: Page, name: string) =>
  page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });

export async function logIn(browser: Browser, url: string, username: string, password: string) {
  const context = await browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  await page.goto(`${url}/`);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
  return page;
}

/** The first login: the one-time password is replaced before anything else is possible. */
export async function firstLogIn(
  browser: Browser,
  url: string,
  username: string,
  oneTimePassword: string,
  newPassword: string,
  screenshot?: string,
): Promise<Page> {
  const page = await logIn(browser, url, username, oneTimePassword);
  await expect(page.getByTestId('change-password')).toBeVisible();
  if (screenshot !== undefined) await shot(page, screenshot);
  await page.getByLabel('当前密码（一次性密码）').fill(oneTimePassword);
  await page.getByLabel('新密码（至少 10 位，不含用户名）').fill(newPassword);
  await page.getByLabel('再次输入新密码').fill(newPassword);
  await page.getByRole('button', { name: '修改密码' }).click();
  await expect(page.getByRole('menu')).toBeVisible();
  return page;
}

export async function openPage(page: Page, title: string): Promise<void> {
  await page.getByRole('menu').getByText(title, { exact: true }).click();
}

/** Picks an option of the antd Select labelled `label`. */
export async function choose(page: Page, label: string, option: string): Promise<void> {
  await page.getByLabel(label, { exact: true }).click();
  await page.locator('.ant-select-item-option', { hasText: option }).first().click();
}
