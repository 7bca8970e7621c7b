import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import { startWebShellProcess, type RunningWebShell } from './support/web-shell-process';

/*
 * The 分类队列 in Chromium through the web shell (banks without 鉴定点, docs/decisions/0640): a GIFT bank
 * without codes lands in the 未分类 pool; the dashboard counts it and links to the queue; the
 * queue suggests 鉴定点; one item is accepted, the rest are filed in bulk. Screenshots go to
 * test-results/classification/.
 */

const SHOTS = 'test-results/classification';
const qbank = fileURLToPath(new URL('../../../packages/item-bank/bin/qbank.js', import.meta.url));
const standardFile = fileURLToPath(
  new URL('../../../samples/electrician/standard.json', import.meta.url),
);
const giftFile = fileURLToPath(
  new URL(
    '../../../packages/item-bank/test/import-export/fixtures/diangong-no-codes.gift',
    import.meta.url,
  ),
);

let shell: RunningWebShell;
let dataDir: string;

test.beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'classify-e2e-'));
  shell = await startWebShellProcess('author', {
    WEB_SHELL_BANK_DIR: join(dataDir, 'banks'),
    WEB_SHELL_JOURNAL_DIR: join(dataDir, 'journals'),
  });
});

test.afterAll(async () => {
  await shell.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

test('unclassified items: dashboard count, suggestions, accept one, classify the rest in bulk', async ({
  page,
}) => {
  test.setTimeout(90_000);
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(String(error)));
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(shell.url);
  await page.getByTestId('open-author').click();
  await page.getByTestId('user-id').fill('zhangsan');
  await page.getByTestId('user-name').fill('张三');
  for (const role of ['命题人员', '题库管理员']) {
    const box = page.getByTestId('user-roles').getByLabel(role);
    if (!(await box.isChecked())) await box.click();
  }
  await page.getByTestId('sign-in').click();
  await page.getByTestId('new-bank-name').fill('电工题库');
  await page.getByTestId('create-bank').click();
  await expect(page.getByTestId('bank-name')).toHaveText('电工题库.qbank');
  await page.getByTestId('standard-file').setInputFiles(standardFile);
  await expect(page.getByText('已导入标准：电工 2018')).toBeVisible();

  // A public GIFT bank without 鉴定点 codes, imported with the CLI into the open bank file.
  const imported = spawnSync(
    process.execPath,
    [
      qbank,
      'import',
      giftFile,
      '--bank',
      join(dataDir, 'banks', '电工题库.qbank'),
      '--actor',
      'zhangsan',
    ],
    { encoding: 'utf8' },
  );
  expect(imported.status, imported.stderr).toBe(0);

  await page.getByTestId('author-nav').getByText('题库看板').click();
  await expect(page.getByTestId('dashboard-unclassified')).toContainText('未分类试题：12');
  await page.screenshot({ path: `${SHOTS}/01-dashboard-unclassified.png`, fullPage: true });
  await page.getByTestId('open-classify').click();

  const queue = page.getByTestId('classification-queue');
  await expect(queue).toContainText('分类队列：未分类 12 题');
  const fuseRow = page.locator('.ant-table-row', { hasText: '熔断器在低压配电线路中' });
  await expect(fuseRow.getByTestId('classify-suggestions')).toContainText('B-A-013');
  await expect(fuseRow.getByTestId('classify-suggestions')).toContainText(
    '熔断器与低压断路器的选择',
  );
  await page.screenshot({ path: `${SHOTS}/02-queue.png`, fullPage: true });

  // Accept the first suggestion of one item.
  await fuseRow.getByTestId('classify-accept').first().click();
  await expect(page.getByText('已归类 1 题')).toBeVisible();
  await expect(queue).toContainText('分类队列：未分类 11 题');

  // Select everything left and accept each item's top suggestion.
  await page.getByTestId('classify-table').locator('thead .ant-checkbox-input').check();
  await page.getByTestId('classify-accept-top').click();
  await expect(page.getByText('已归类 11 题')).toBeVisible();
  await expect(queue).toContainText('分类队列：未分类 0 题');
  await expect(queue).toContainText('没有未分类的试题');
  await page.screenshot({ path: `${SHOTS}/03-queue-done.png`, fullPage: true });
  expect(problems).toEqual([]);
});
