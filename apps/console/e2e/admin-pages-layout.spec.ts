import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { expectAccessible } from '../../../e2e/axe';
import { prepareExamDay, STAFF } from './support/exam-day';
import { logInToConsole } from './support/console-login';
import { startProctorServer, type RunningServer } from './support/proctor-server';

/*
 * Every page the exam admin reaches — the site pages and one session's set-up, monitor and
 * results pages — at 1280×800 in zh-CN and in English: no horizontal scrollbar, no untranslated
 * message key shown as a label (camelCase like `revokeTitle`), axe clean (WCAG 2.1 AA).
 * Failures are collected per page (soft) so one run lists them all. Screenshots:
 * test-results/console/layout-<lang>-<page>.png.
 */

const SHOTS = 'test-results/console';
const SITE_PAGES = ['sessions', 'new-session', 'keys', 'staff', 'kiosks', 'jobs', 'backups'];
const SITE_TAIL = ['audit'];
const SESSION_PAGES = [
  'setup',
  'roster',
  'candidates',
  'rooms',
  'monitor',
  'incidents',
  'results',
  'marking',
];

let server: RunningServer;
let sessionId: string;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  mkdirSync(SHOTS, { recursive: true });
  const dir = mkdtempSync(join(tmpdir(), 'console-layout-'));
  const dataDir = join(dir, 'data');
  sessionId = (await prepareExamDay(dir, dataDir, 3)).sessionId;
  server = await startProctorServer(dataDir);
});

test.afterAll(async () => {
  await server?.stop();
});

const logInAdmin = (browser: Browser, lang: 'zh-CN' | 'en') =>
  logInToConsole(browser, server.url, STAFF.admin, { lang });

/** Opens a hash route and waits until its spinners are gone. */
async function open(page: Page, hash: string): Promise<void> {
  await page.evaluate((h) => {
    window.location.hash = h;
  }, hash);
  await page.waitForTimeout(300);
  await expect(page.locator('.ant-spin-spinning')).toHaveCount(0, { timeout: 15_000 });
  await page.waitForTimeout(300);
}

/** Visible text (and placeholders, aria-labels) that looks like a message key: `revokeTitle`. */
function untranslatedKeys(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const key = /^[a-z]+[A-Z][A-Za-z]*$/;
    const found = new Set<string>();
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
      const text = (node.textContent ?? '').trim();
      const parent = node.parentElement;
      if (!key.test(text) || parent === null) continue;
      if (parent.closest('code, pre, [data-no-i18n]') !== null) continue;
      if (parent.getClientRects().length > 0) found.add(text);
    }
    for (const el of document.querySelectorAll('[placeholder], [aria-label], [title]')) {
      if (el.getClientRects().length === 0) continue;
      for (const attr of ['placeholder', 'aria-label', 'title']) {
        const value = el.getAttribute(attr)?.trim() ?? '';
        if (key.test(value)) found.add(`${attr}=${value}`);
      }
    }
    return [...found];
  });
}

async function checkPage(page: Page, lang: string, name: string): Promise<void> {
  await page.screenshot({ path: `${SHOTS}/layout-${lang}-${name}.png`, fullPage: true });
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect
    .soft(width, `${lang} ${name}: horizontal scrollbar (scrollWidth ${width})`)
    .toBeLessThanOrEqual(1280);
  expect.soft(await untranslatedKeys(page), `${lang} ${name}: untranslated keys`).toEqual([]);
  await expectAccessible(page, `${lang} ${name}`); // soft: every page is checked
}

for (const lang of ['zh-CN', 'en'] as const) {
  test(`every admin page fits 1280×800 in ${lang}, translated and accessible`, async ({
    browser,
  }) => {
    test.setTimeout(300_000);
    const page = await logInAdmin(browser, lang);
    for (const name of SITE_PAGES) {
      await open(page, `#/${name}`);
      await checkPage(page, lang, name);
    }
    for (const name of SESSION_PAGES) {
      await open(page, `#/s/${encodeURIComponent(sessionId)}/${name}`);
      await checkPage(page, lang, `session-${name}`);
    }
    for (const name of SITE_TAIL) {
      await open(page, `#/${name}`);
      await checkPage(page, lang, name);
    }
    await page.context().close();
  });
}
