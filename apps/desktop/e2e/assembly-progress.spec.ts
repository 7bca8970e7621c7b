import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { buildDemoBank } from './support/demo-bank';
import { startWebShellProcess, type RunningWebShell } from './support/web-shell-process';

/*
 * The 组卷 page shows the assembly's own progress, form by form (第 k 套), and its 取消 stops the
 * solver (docs/decisions/0950, 0951): a cancelled run shows no forms and says nothing was
 * written; the next run assembles both forms. Screenshots: test-results/import-progress/.
 */

const SHOTS = 'test-results/import-progress';

let shell: RunningWebShell;
let dataDir: string;

test.beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'assembly-progress-e2e-'));
  mkdirSync(join(dataDir, 'banks'));
  await buildDemoBank(join(dataDir, 'banks', '电工示例.qbank'));
  shell = await startWebShellProcess('author', {
    WEB_SHELL_BANK_DIR: join(dataDir, 'banks'),
    WEB_SHELL_JOURNAL_DIR: join(dataDir, 'journals'),
  });
});

test.afterAll(async () => {
  await shell.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

test('the 组卷 page follows each form and cancels a running assembly', async ({ page }) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(shell.url);
  await page.getByTestId('open-author').click();
  await page.getByTestId('user-id').fill('zhangsan');
  await page.getByTestId('user-name').fill('张三');
  await page.getByTestId('user-roles').getByLabel('题库管理员').check();
  await page.getByTestId('sign-in').click();
  await page.getByTestId('open-电工示例.qbank').click();
  await page.getByTestId('author-nav').getByText('组卷').click();
  await expect(page.getByTestId('feasibility')).not.toContainText('无法组卷');
  // Cancelled while the solver works: 取消 is pressed the moment it shows (two forms take well
  // under a second on a quiet machine; waiting for a screenshot first lost that race).
  await page.getByLabel('平行卷套数').fill('2');
  await expect(page.getByTestId('feasibility')).not.toContainText('无法组卷');
  await page.getByTestId('assemble').click();
  await page.getByTestId('assembly-progress-cancel').click();
  await expect(page.getByTestId('assembly-cancelled')).toHaveText('已取消，未写入任何内容', {
    timeout: 30_000,
  });
  await expect(page.getByTestId('assembly-progress')).toHaveCount(0);
  await expect(page.getByTestId('assembled-form')).toHaveCount(0);
  await page.screenshot({ path: `${SHOTS}/12-assembly-cancelled.png` });

  // The next run goes to the end: both forms, followed form by form. Every text the phase line
  // shows is recorded in the page as it renders, so neither a fast run (phases gone before a
  // poll sees them) nor a slow one (a loaded machine still resolving) makes the check race.
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { phasesSeen: string[] }).phasesSeen = seen;
    new MutationObserver(() => {
      const text = document.querySelector('[data-testid="assembly-progress-phase"]')?.textContent;
      if (text && seen.at(-1) !== text) seen.push(text);
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  await page.getByTestId('assemble').click();
  await page.screenshot({ path: `${SHOTS}/11-assembling.png` });
  await expect(page.getByTestId('assembled-form')).toHaveCount(2, { timeout: 120_000 });
  await expect(page.getByTestId('assembly-cancelled')).toHaveCount(0);
  const phases = await page.evaluate(
    () => (window as unknown as { phasesSeen: string[] }).phasesSeen,
  );
  expect(phases.join(' | ')).toMatch(/组卷 · 第 1 套/);
  expect(phases.join(' | ')).toMatch(/组卷 · 第 2 套/);
});
