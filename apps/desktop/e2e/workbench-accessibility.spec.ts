import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test, type Page } from '@playwright/test';
import type { Locale } from '@skillexam/shared';
import { importItems, openBank } from '@skillexam/item-bank';
import { expectAccessible } from '../../../e2e/axe';
import { buildDemoBank } from './support/demo-bank';
import { startWebShellProcess, type RunningWebShell } from './support/web-shell-process';

/*
 * WCAG 2.1 AA on every page of the author workbench, checked by axe-core in Chromium through the
 * web shell, in Chinese and in English: the home screen, sign-in, bank choice, item list, item
 * editor, review queue, classification queue, 组卷 (paper assembly), import wizard, dashboard.
 */

const giftFile = fileURLToPath(
  new URL(
    '../../../packages/item-bank/test/import-export/fixtures/diangong-no-codes.gift',
    import.meta.url,
  ),
);

let dataDir: string;
let template: string;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  dataDir = mkdtempSync(join(tmpdir(), 'workbench-a11y-'));
  template = join(dataDir, 'template.qbank');
  await buildDemoBank(template);
  // A few items without 鉴定点, so the classification queue has rows to show.
  const bank = openBank(template);
  try {
    await importItems(bank, readFileSync(giftFile), { fileName: 'no-codes.gift', actor: '张三' });
  } finally {
    bank.close();
  }
});

test.afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

/** A fresh workbench (its own web shell: no user signed in yet) over a copy of the demo bank. */
async function openWorkbench(locale: Locale): Promise<RunningWebShell> {
  const dir = join(dataDir, locale);
  mkdirSync(join(dir, 'banks'), { recursive: true });
  copyFileSync(template, join(dir, 'banks', '电工示例.qbank'));
  return startWebShellProcess('author', {
    WEB_SHELL_BANK_DIR: join(dir, 'banks'),
    WEB_SHELL_JOURNAL_DIR: join(dir, 'journals'),
  });
}

const navTo = (page: Page, view: string) =>
  page.getByTestId('author-nav').locator(`li[data-menu-id$="-${view}"]`).click();

for (const locale of ['zh-CN', 'en'] as const satisfies readonly Locale[]) {
  test(`every workbench page passes axe (WCAG 2.1 AA) in ${locale}`, async ({ browser }) => {
    test.setTimeout(180_000);
    const shell = await openWorkbench(locale);
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    await context.addInitScript((l) => window.localStorage.setItem('skillexam.locale', l), locale);
    const page = await context.newPage();
    const check = (screen: string) => expectAccessible(page, `${screen} (${locale})`);
    await page.goto(shell.url);
    await expect(page.getByTestId('open-author')).toBeVisible();
    await check('home');
    await page.getByTestId('open-author').click();
    await expect(page.getByTestId('sign-in')).toBeVisible();
    await check('sign-in');
    await page.getByTestId('user-id').fill('zhangsan');
    await page.getByTestId('user-name').fill('张三');
    const roles = page.getByTestId('user-roles').locator('input[type="checkbox"]');
    for (let i = 0; i < (await roles.count()); i += 1) await roles.nth(i).check();
    await page.getByTestId('sign-in').click();
    await expect(page.getByTestId('open-电工示例.qbank')).toBeVisible();
    await check('bank choice');
    await page.getByTestId('open-电工示例.qbank').click();

    const rows = page.getByTestId('item-table').locator('.ant-table-row');
    await expect(rows.first()).toBeVisible();
    await check('item list');
    await rows.first().locator('.ant-table-cell').nth(3).click();
    await expect(page.getByTestId('stem-editor-input')).toBeVisible();
    await check('item editor');

    await navTo(page, 'review');
    await page.waitForLoadState('networkidle');
    await check('review queue');
    await navTo(page, 'classify');
    await expect(page.getByTestId('classification-queue')).toBeVisible();
    await expect(
      page.getByTestId('classify-table').locator('.ant-table-row').first(),
    ).toBeVisible();
    await check('classification queue');
    await navTo(page, 'papers');
    await expect(page.getByTestId('draft-note')).toBeVisible({ timeout: 30_000 });
    await expect(page.getByTestId('assemble')).toBeEnabled();
    await check('paper assembly');
    await navTo(page, 'import');
    await expect(page.locator('.ant-steps').first()).toBeVisible();
    await check('import wizard');
    await navTo(page, 'dashboard');
    await expect(page.getByTestId('chart-coverage').locator('canvas')).toBeVisible();
    await page.waitForTimeout(1000); // the charts' entry animation
    await check('dashboard');
    await context.close();
    await shell.stop();
  });
}
