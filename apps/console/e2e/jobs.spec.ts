import { mkdtempSync } from 'node:fs';
import { stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Browser, type Locator, type Page } from '@playwright/test';
import { chineseIdCheckChar } from '@skillexam/shared';
import { expectAccessible } from '../../../e2e/axe';
import { logInToConsole } from './support/console-login';
import { runAndEndSession } from './support/run-session';
import { prepareExamDay, STAFF } from './support/exam-day';
import { proctorCli, startProctorServer, type RunningServer } from './support/proctor-server';

/*
 * 成绩导出 in Chromium against the real proctor server: the exam admin ends the exam's
 * sessions, exports the results of a session of 600 candidates and watches the bar follow the
 * server's phases (answer sheets one candidate at a time) to 100 %, downloads a file and cancels
 * a second export (no files). Backups are on 备份与恢复 (backups.spec.ts).
 * Screenshots: test-results/console/.
 */

const BIG = 600;
let server: RunningServer;

const shot = (page: Page, name: string) =>
  page.screenshot({ path: `test-results/console/${name}.png`, fullPage: true });

/** A second session of the same paper with BIG candidates, set up with the CLI. */
async function bigSession(dir: string, dataDir: string): Promise<void> {
  await proctorCli([
    'session',
    'create',
    's-big',
    '--data',
    dataDir,
    '--exam',
    'paper-console', // the package's exam id is its paper id
    '--name',
    '2026年第四季度电工（四级）理论知识考试（第二场）',
    '--start',
    new Date(Date.now() + 5 * 60_000).toISOString(),
    '--duration',
    '60',
    // two rooms of 300: a room's default seat map keeps within the contract's 100 rows
    '--room',
    'r8:第八考场:300',
    'r9:第九考场:300',
    '--earliest-submission',
    '0',
  ]);
  const rows = Array.from({ length: BIG }, (_, i) => {
    const body = `11010519910307${String(i + 1).padStart(3, '0')}`;
    const name = `${'赵钱孙李周吴郑王'[i % 8] ?? '赵'}${'一二三四五六七八九十'[Math.floor(i / 8) % 10] ?? '一'}${'甲乙丙丁戊'[i % 5] ?? '甲'}`;
    return [
      `2027${String(i + 1).padStart(6, '0')}`,
      name,
      `${body}${chineseIdCheckChar(body)}`,
      i % 2 === 0 ? 'r8' : 'r9',
      String(Math.floor(i / 2) + 1),
    ].join(',');
  });
  const roster = join(dir, 'roster-big.csv');
  await writeFile(roster, ['准考证号,姓名,身份证号,考场,座位号', ...rows].join('\n'));
  await proctorCli(['roster', 'import', roster, '--data', dataDir, '--session', 's-big', '--json']);
}

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(180_000);
  const dir = mkdtempSync(join(tmpdir(), 'console-jobs-'));
  const dataDir = join(dir, 'data');
  await prepareExamDay(dir, dataDir, 4);
  await bigSession(dir, dataDir);
  server = await startProctorServer(dataDir);
});

test.afterAll(async () => {
  await server?.stop();
});

const logInAdmin = (browser: Browser) => logInToConsole(browser, server.url, STAFF.admin);

const percentOf = async (card: Locator): Promise<number> =>
  Number(await card.getByTestId('progress-bar').getAttribute('data-percent'));

test('the exam admin exports results with a live bar and cancels one', async ({ browser }) => {
  test.setTimeout(240_000);
  const admin = await logInAdmin(browser);
  await runAndEndSession(admin, server.url, 's-console');
  await runAndEndSession(admin, server.url, 's-big');

  await admin.getByTestId('nav-site-admin').click();
  await admin.getByRole('menuitem', { name: '成绩导出' }).click();
  await expect(admin.getByText('暂无成绩导出任务')).toBeVisible();
  // backups moved to 备份与恢复: no backup button here
  await expect(admin.getByRole('button', { name: '立即备份' })).toHaveCount(0);
  await admin.getByTestId('job-session').click();
  await admin.locator('.ant-select-item-option', { hasText: 's-big' }).click();
  await expect(admin.getByTestId('job-session')).toContainText('s-big');
  await admin.getByRole('button', { name: '导出成绩' }).click();

  // the bar follows the answer sheets, one candidate at a time, as the server reports them
  const card = admin.getByTestId('job-results-export').first();
  await expect(card.getByTestId('progress-phase')).toContainText('生成 PDF · 考生答卷-s-big.pdf', {
    timeout: 60_000,
  });
  const seen: number[] = [];
  await expect
    .poll(
      async () => {
        seen.push(await percentOf(card));
        return seen.at(-1);
      },
      { timeout: 60_000, intervals: [100] },
    )
    .toBeGreaterThan(20);
  await expect(card.getByTestId('progress-counts')).toContainText(`/ ${BIG} 项`);
  await shot(admin, 'jobs-01-export-running');
  await expectAccessible(admin, '成绩导出 (running)');
  await expect(card).toHaveAttribute('data-status', 'succeeded', { timeout: 120_000 });
  expect(await percentOf(card)).toBe(100);
  expect(seen.some((p) => p > 0 && p < 100)).toBe(true);
  await expect(card.getByText('已完成')).toBeVisible();
  const files = card.getByTestId('job-files');
  await expect(files.locator('.ant-list-item')).toHaveCount(6);
  await expect(card.getByTestId('progress-phases')).toContainText(
    `考生答卷-s-big.pdf — ${BIG} / ${BIG} 项 ✓`,
  );
  const download = admin.waitForEvent('download');
  await files
    .locator('.ant-list-item', { hasText: '成绩汇总表-s-big.xlsx' })
    .getByRole('button', { name: '下载' })
    .click();
  const saved = await (await download).path();
  expect((await stat(saved)).size).toBeGreaterThan(1000);
  await shot(admin, 'jobs-02-export-done');
  await expectAccessible(admin, '成绩导出');

  // a second export, cancelled while it runs: nothing is kept
  await admin.getByRole('button', { name: '导出成绩' }).click();
  const second = admin.getByTestId('job-results-export').first();
  await expect(second).toHaveAttribute('data-status', 'running');
  // Cancelled inside the answer sheets, the one long phase: polled every 50 ms (an assertion's
  // own polling backs off to 1 s and could miss it, then cancel after the files were kept).
  await expect
    .poll(async () => second.getByTestId('progress-phase').textContent(), {
      timeout: 60_000,
      intervals: [50],
    })
    .toContain('生成 PDF · 考生答卷-s-big.pdf');
  await second.getByTestId('progress-cancel').click();
  await expect(second).toHaveAttribute('data-status', 'cancelled', { timeout: 30_000 });
  await expect(second.getByText('已取消，未写入任何内容')).toBeVisible();
  await expect(second.getByTestId('job-files')).toHaveCount(0);
  expect(await percentOf(second)).toBeLessThan(100);
  await shot(admin, 'jobs-03-export-cancelled');

  // the same page in English, phase names from the shared catalogue
  await admin.getByRole('button', { name: 'English' }).click();
  await expect(admin.getByText('Results export').first()).toBeVisible();
  await expect(admin.getByTestId('job-results-export').last()).toContainText(
    `Rendering PDF · 考生答卷-s-big.pdf — ${BIG} / ${BIG} entries ✓`,
  );
  await expectAccessible(admin, 'results export (en)');
  await shot(admin, 'jobs-05-en');
  await admin.context().close();
});
