import { execFileSync } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, type Browser, type Page } from '@playwright/test';

/*
 * Helpers of the whole-exam-day browser test (e2e/whole-exam-day.spec.ts): the console's first
 * run and staff log-in, the site CA's pin for the candidate's client, PDF text and downloads.
 */

export const ADMIN = { username: 'kaowu', password: 'Kaowu-Admin-2026!' } as const;

/** A console page in a browser context of its own (zh-CN, 1280×800, downloads kept). */
export async function consolePage(browser: Browser, serverUrl: string): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 800 },
    locale: 'zh-CN',
    acceptDownloads: true,
  });
  const page = await context.newPage();
  await page.goto(`${serverUrl}/console/`);
  return page;
}

/**
 * 首次使用: the set-up code the server printed on the empty data folder makes the first exam
 * admin on the console's card, who is logged in. Runs `beforeSubmit` with the filled card.
 */
export async function firstRun(
  page: Page,
  setupCode: string,
  beforeSubmit: () => Promise<unknown>,
): Promise<void> {
  const card = page.getByTestId('first-run-card');
  await expect(card).toContainText('首次使用');
  await card.getByLabel('设置码').fill(setupCode);
  await card.getByLabel('管理员用户名').fill(ADMIN.username);
  await card.getByLabel('密码', { exact: true }).fill(ADMIN.password);
  await card.getByLabel('再次输入密码').fill(ADMIN.password);
  await beforeSubmit();
  await card.getByRole('button', { name: '创建并登录' }).click();
  await expect(page.getByTestId('whoami')).toContainText(ADMIN.username);
}

/** The site CA's SHA-256 fingerprint (`AB:CD:…`): what an exam PC pins for this site. */
export function siteCaFingerprint(dataDir: string): string {
  return new X509Certificate(readFileSync(join(dataDir, 'tls', 'site-ca.crt'))).fingerprint256;
}

/** A staff member logged in to the console in a browser context of their own. */
export async function logIn(
  browser: Browser,
  serverUrl: string,
  username: string,
  password: string,
): Promise<Page> {
  const page = await consolePage(browser, serverUrl);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByTestId('whoami')).toContainText(username);
  return page;
}

/** The text of a PDF (poppler's pdftotext, as the server's PDF tests read them). */
export function pdfText(file: string): string {
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}

/**
 * The exam codes on admission slips by 准考证号, as typed at the login. The code is printed
 * large at the right of the 身份证号 line; pdftotext may put spaces inside it, so they go.
 */
export function examCodesIn(text: string): Map<string, string> {
  const codes = new Map<string, string>();
  for (const slip of text.split('准考证号：').slice(1)) {
    const ticket = /^\s*(\d+)/.exec(slip)?.[1];
    const printed = /身份证号：\s+\S+\s{2,}(.+)/.exec(slip)?.[1]?.replace(/\s+/g, '');
    const code = /^([A-Z0-9]{4})-([A-Z0-9]{4})$/.exec(printed ?? '');
    if (ticket !== undefined && code !== null) codes.set(ticket, `${code[1]}${code[2]}`);
  }
  return codes;
}

/** Saves a download to `dir` under its suggested name and returns the path. */
export async function saveDownload(
  page: Page,
  dir: string,
  click: () => Promise<void>,
): Promise<string> {
  const download = page.waitForEvent('download');
  await click();
  const file = await download;
  const path = join(dir, file.suggestedFilename());
  await file.saveAs(path);
  return path;
}
