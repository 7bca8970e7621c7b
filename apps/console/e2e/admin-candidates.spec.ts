import { mkdirSync, mkdtempSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { chineseIdCheckChar } from '@skillexam/shared';
import { expectAccessible } from '../../../e2e/axe';
import { prepareExamDay, STAFF, type ExamDay } from './support/exam-day';
import { logInToConsole } from './support/console-login';
import { startProctorServer, type RunningServer } from './support/proctor-server';

/*
 * 考生管理 in the browser against the real proctor server (docs/decisions/0973–0976): the exam
 * admin adds a candidate with a photo (a bad ID number first: the roster's message), withdraws
 * one with a reason, reinstates them, and reissues one admission slip (PDF). zh-CN and English,
 * axe on the page. Screenshots at 1280×800: test-results/console/candidates-*.png.
 */

let server: RunningServer;
let day: ExamDay;
const SHOTS = 'test-results/console';
const shot = (page: Page, name: string) =>
  page.screenshot({ path: join(SHOTS, `candidates-${name}.png`) });

/** A 1×1 PNG. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);
const idOf = (serial: number) => {
  const body = `11010519950618${String(serial).padStart(3, '0')}`;
  return `${body}${chineseIdCheckChar(body)}`;
};

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(180_000);
  mkdirSync(SHOTS, { recursive: true });
  const dir = mkdtempSync(join(tmpdir(), 'console-candidates-'));
  const dataDir = join(dir, 'data');
  day = await prepareExamDay(dir, dataDir, 3);
  server = await startProctorServer(dataDir);
});

test.afterAll(async () => {
  await server?.stop();
});

const logInAdmin = (browser: Browser) => logInToConsole(browser, server.url, STAFF.admin);

test('the exam admin adds, withdraws, reinstates a candidate and reissues a slip', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const page = await logInAdmin(browser);
  await page.goto(`${server.url}/console/#/s/${day.sessionId}/candidates`);
  const table = page.getByTestId('candidates-table');
  const rowOf = (ticket: string) => table.locator('tbody tr.ant-table-row', { hasText: ticket });
  await expect(table.locator('tbody tr.ant-table-row')).toHaveCount(3);
  await expect(rowOf('2026000001')).toContainText('110105********');

  // 添加考生: a bad ID number is refused with the roster's message, then the fixed one is added
  await page.getByRole('button', { name: '添加考生' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('准考证号').fill('2026000009');
  await dialog.getByLabel('姓名').fill('郑新');
  await dialog
    .getByLabel('身份证号')
    .fill(`${idOf(9).slice(0, 17)}${idOf(9).endsWith('0') ? '1' : '0'}`);
  await dialog.locator('input[type=file]').setInputFiles({
    name: 'zheng.png',
    mimeType: 'image/png',
    buffer: PNG,
  });
  await dialog.getByRole('button', { name: '添加考生' }).click();
  await expect(dialog.getByRole('alert')).toContainText('不是有效的 18 位身份证号');
  await expect(table.locator('tbody tr.ant-table-row')).toHaveCount(3);
  await shot(page, 'add-refused-zh');
  await dialog.getByLabel('身份证号').fill(idOf(9));
  await dialog.getByRole('button', { name: '添加考生' }).click();
  await expect(page.getByText('已添加 2026000009，座位 4')).toBeVisible();
  await expect(rowOf('2026000009')).toContainText('第一考场');
  await expect(rowOf('2026000009').locator('img[alt="郑新"]')).toBeVisible();

  // 撤销资格: a reason is required; the row stays, marked with who and why
  await rowOf('2026000002').getByRole('button', { name: '撤销资格' }).click();
  const reasonDialog = page.getByRole('dialog');
  await expect(reasonDialog).toContainText('撤销后该考生不能登录');
  await reasonDialog.getByRole('button', { name: '确认' }).click();
  await expect(reasonDialog.getByText(/请输入|原因/).first()).toBeVisible();
  await reasonDialog.getByLabel('原因').fill('考生申请取消报名');
  await reasonDialog.getByRole('button', { name: '确认' }).click();
  await expect(page.getByText('已撤销 2026000002 的考试资格')).toBeVisible();
  await expect(rowOf('2026000002')).toContainText('已撤销资格');
  await expect(rowOf('2026000002')).toContainText('考生申请取消报名');
  await expect(page.getByText('共 3 人，已撤销 1 人')).toBeVisible();
  await shot(page, 'withdrawn-zh');
  await expectAccessible(page, '考生管理');

  // 恢复资格 before the start, with a reason
  await rowOf('2026000002').getByRole('button', { name: '恢复资格' }).click();
  await page.getByRole('dialog').getByLabel('原因').fill('考生撤回申请');
  await page.getByRole('dialog').getByRole('button', { name: '确认' }).click();
  await expect(page.getByText('已恢复 2026000002，座位 2')).toBeVisible();
  await expect(rowOf('2026000002')).toContainText('未登录');

  // 补发准考证 from the row: a PDF with a new exam code
  await rowOf('2026000009').getByRole('button', { name: '补发准考证' }).click();
  const download = page.waitForEvent('download');
  await page.locator('.ant-popconfirm').getByRole('button', { name: '确认' }).click();
  const pdf = await readFile(await (await download).path());
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  await expect(page.getByText(/已下载 准考证-s-console-2026000009\.pdf/)).toBeVisible();

  // search
  await page.getByLabel('搜索准考证号、姓名、考场或身份证号后四位').fill('郑新');
  await expect(table.locator('tbody tr.ant-table-row')).toHaveCount(1);
  await page.getByLabel('搜索准考证号、姓名、考场或身份证号后四位').fill('');
  await shot(page, 'zh');

  // English
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('button', { name: 'Add candidate' })).toBeVisible();
  await expect(rowOf('2026000001').getByRole('button', { name: 'Withdraw' })).toBeVisible();
  await expectAccessible(page, 'candidates (en)');
  await shot(page, 'en');
  await page.getByRole('button', { name: 'Add candidate' }).click();
  await expect(page.getByRole('dialog')).toContainText('Empty: the first free seat of the room');
  await shot(page, 'add-en');
  await page.context().close();
});
