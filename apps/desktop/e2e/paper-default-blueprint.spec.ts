import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { buildDemoBank } from './support/demo-bank';
import { startWebShellProcess, type RunningWebShell } from './support/web-shell-process';

/*
 * The 组卷 page on the demo bank (samples/electrician, 电工 四级) opens with a blueprint
 * the bank can fill — the level's usual format over the weight table — says how it was made, and
 * assembles at once. Screenshot: test-results/author/paper-default-blueprint.png.
 */

const SHOTS = 'test-results/author';

let shell: RunningWebShell;
let dataDir: string;

test.beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'paper-default-e2e-'));
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

test('the 组卷 page opens on the demo bank with a feasible level-4 blueprint and assembles it', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(shell.url);
  await page.getByTestId('open-author').click();
  await page.getByTestId('user-id').fill('zhangsan');
  await page.getByTestId('user-name').fill('张三');
  await page.getByTestId('user-roles').getByLabel('题库管理员').check();
  await page.getByTestId('sign-in').click();
  await page.getByTestId('open-电工示例.qbank').click();
  await page.getByTestId('author-nav').getByText('组卷').click();

  await expect(page.getByTestId('draft-note')).toHaveText(
    '已按 四级/中级工 比重表和常用题型结构生成，可行；为适应本题库放宽了：每个鉴定点最多 3 题',
  );
  await expect(page.getByTestId('feasible')).toContainText('需要 200 题');
  await expect(page.getByTestId('feasibility')).not.toContainText('无法组卷');
  await expect(page.getByTestId('full-marks')).toHaveText('100');
  await page.screenshot({ path: `${SHOTS}/paper-default-blueprint.png`, fullPage: true });

  await page.getByTestId('assemble').click();
  await expect(page.getByTestId('assembled-form')).toContainText('全部约束满足', {
    timeout: 60_000,
  });
  await page.screenshot({ path: `${SHOTS}/paper-default-assembled.png`, fullPage: true });
});
