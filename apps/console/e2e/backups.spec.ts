import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { expectAccessible } from '../../../e2e/axe';
import { prepareExamDay, STAFF } from './support/exam-day';
import { logInToConsole } from './support/console-login';
import { startProctorServer, type RunningServer } from './support/proctor-server';

/*
 * 备份与恢复 and 审计 立即校验 in Chromium against the real proctor server: the exam admin backs
 * up now, sees the backup listed with its chain head, downloads it, reads the restore steps with
 * this server's exact command and copies it; on 审计 runs the full verification and reads the
 * CLI equivalent. zh-CN and English at 1280×800, axe on each; screenshots test-results/console/backups-*.png.
 */

let server: RunningServer;
let dataDir: string;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(120_000);
  const dir = mkdtempSync(join(tmpdir(), 'console-backups-'));
  dataDir = join(dir, 'data');
  await prepareExamDay(dir, dataDir, 3);
  server = await startProctorServer(dataDir);
});

test.afterAll(async () => {
  await server?.stop();
});

const shot = (page: Page, name: string) =>
  page.screenshot({ path: `test-results/console/backups-${name}.png`, fullPage: true });

const logInAdmin = (browser: Browser) =>
  logInToConsole(browser, server.url, STAFF.admin, {
    permissions: ['clipboard-read', 'clipboard-write'],
  });

test('the exam admin backs up, downloads the backup and reads how to restore it', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const admin = await logInAdmin(browser);
  await admin.getByTestId('nav-site-admin').click();
  await admin.getByRole('menuitem', { name: '备份与恢复' }).click();
  await expect(admin.getByText('备份目录中还没有备份')).toBeVisible();
  await expect(admin.getByTestId('backup-folders')).toContainText(`${dataDir}-backups`);

  await admin.getByRole('button', { name: '立即备份' }).click();
  const job = admin.getByTestId('job-backup');
  await expect(job).toHaveAttribute('data-status', 'succeeded', { timeout: 60_000 });
  const rows = admin.getByTestId('backup-table').locator('tbody tr.ant-table-row');
  await expect(rows).toHaveCount(1);
  const name = (await rows.first().locator('code').first().textContent()) ?? '';
  expect(name).toMatch(/^server-\d{8}T\d{9}Z\.db$/);
  await expect(rows.first()).toContainText(/#\d+ · [0-9a-f]{12}…/);

  // the restore steps of the chosen backup: this server's exact command, copied as shown
  const card = admin.getByTestId('restore-card');
  await expect(card).toContainText(name);
  await expect(card.getByTestId('restore-command')).toHaveCount(0); // no command without a reason
  await card.getByTestId('restore-reason').fill("服务器硬盘故障 it's");
  const command = `proctor-server restore ${dataDir}-backups/${name} --data ${dataDir} --reason '服务器硬盘故障 it'\\''s'`;
  await expect(card.getByTestId('restore-command')).toHaveText(command);
  await card.getByTestId('restore-command-copy').click();
  await expect(admin.getByText('已复制')).toBeVisible();
  expect(await admin.evaluate(() => navigator.clipboard.readText())).toBe(command);
  await expect(card.getByTestId('verify-command')).toHaveText(
    `proctor-server audit verify --data ${dataDir} --file ${dataDir}-backups/${name}`,
  );
  await expect(card.getByTestId('restore-loses')).toContainText('本机作答日志');
  await expect(card).toContainText('停止服务器');

  // the download: the backup itself, a SQLite file
  const download = admin.waitForEvent('download');
  await rows.first().getByRole('button', { name: '下载' }).click();
  const saved = await (await download).path();
  expect(readFileSync(saved).subarray(0, 15).toString('latin1')).toBe('SQLite format 3');
  expect((await download).suggestedFilename()).toBe(name);
  await expectAccessible(admin, '备份与恢复');
  await shot(admin, 'zh');

  await admin.getByRole('button', { name: 'English' }).click();
  await expect(admin.getByText('Backup and restore').first()).toBeVisible();
  await expect(admin.getByTestId('restore-card')).toContainText('Restore from backup');
  await expectAccessible(admin, 'backup and restore (en)');
  await shot(admin, 'en');
  await admin.getByRole('button', { name: '中文' }).click();
  await admin.context().close();
});

test('审计: 立即校验 runs the full verification and shows the CLI equivalent', async ({
  browser,
}) => {
  const admin = await logInAdmin(browser);
  await admin.goto(`${server.url}/console/#/audit`);
  await expect(admin.getByTestId('audit-result')).toContainText('审计链完整');
  await admin.getByRole('button', { name: '立即校验' }).click();
  await expect(admin.getByTestId('audit-full-result')).toContainText('完整校验通过');
  await expect(admin.getByTestId('audit-command')).toHaveText(
    `proctor-server audit verify --data ${dataDir}`,
  );
  await expectAccessible(admin, '审计');
  await shot(admin, 'audit-zh');
  await admin.getByRole('button', { name: 'English' }).click();
  await admin.getByRole('button', { name: 'Verify now' }).click();
  await expect(admin.getByTestId('audit-full-result')).toContainText('Full verification passed');
  await expectAccessible(admin, 'audit (en)');
  await shot(admin, 'audit-en');
  await admin.context().close();
});
