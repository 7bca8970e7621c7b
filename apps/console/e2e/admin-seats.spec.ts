import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Download, type Page } from '@playwright/test';
import { expectAccessible } from '../../../e2e/axe';
import { prepareExamDay, STAFF } from './support/exam-day';
import { startProctorServer, type RunningServer } from './support/proctor-server';

/*
 * The exam admin seats candidates in the browser against the real proctor server, before
 * check-in: a manual swap from the seat map, automatic seating by 准考证号 (preview, then save),
 * a random preview with its seed, and the 座位表 / 门贴 PDFs downloaded and read with pdftotext.
 * zh-CN and English at 1280×800, axe on each state. Screenshots: test-results/console/seats-*.png.
 */

let server: RunningServer;
const SHOTS = 'test-results/console';
const shot = (page: Page, name: string) =>
  page.screenshot({ path: join(SHOTS, `seats-${name}.png`), fullPage: false });

// prepareExamDay's names for candidates 1…6 (seats 1…6 of 第一考场)
const NAMES = ['张伟', '王强', '李军', '赵敏', '刘艳', '陈芳'];
const ticket = (n: number) => `2026${String(n).padStart(6, '0')}`;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(180_000);
  mkdirSync(SHOTS, { recursive: true });
  const dir = mkdtempSync(join(tmpdir(), 'console-seats-'));
  const dataDir = join(dir, 'data');
  await prepareExamDay(dir, dataDir, 6);
  server = await startProctorServer(dataDir);
});

test.afterAll(async () => {
  await server?.stop();
});

/** The PDF's text (pdftotext); its first page is also kept as test-results/console/seats-<name>.png. */
async function pdfText(download: Download, name: string): Promise<string> {
  const file = await download.path();
  const png = join(SHOTS, `seats-${name}`);
  execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', '-singlefile', file, png]);
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}

test('the exam admin swaps two candidates, seats a room by ticket number and prints its chart', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const context = await browser.newContext({
    acceptDownloads: true,
    viewport: { width: 1280, height: 800 },
  });
  const page = await context.newPage();
  await page.goto(`${server.url}/console/`);
  await page.getByLabel('用户名').fill(STAFF.admin.username);
  await page.getByLabel('密码').fill(STAFF.admin.password);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByTestId('whoami')).toContainText(STAFF.admin.username);
  await page.goto(`${server.url}/console/#/s/s-console/rooms`);
  const rooms = page.getByTestId('rooms-page');
  await rooms.locator('.ant-segmented-item', { hasText: '排座' }).click();
  const grid = page.getByTestId('assign-grid');
  await expect(grid.getByText('第一考场 · 6 / 30 座')).toBeVisible();
  const seat = (label: string, n: number) =>
    grid.getByRole('button', { name: `座位 ${label} ${NAMES[n - 1]} ${ticket(n)}`, exact: true });
  await expect(seat('01', 1)).toBeVisible();
  await expect(grid.getByRole('button', { name: '座位 07 空座' })).toBeVisible();
  await shot(page, 'assign-zh');
  await expectAccessible(page, '排座');

  // manual: seat 01 to candidate 3 — the dialog warns of the swap; one call swaps the two
  await seat('01', 1).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('安排座位 01（第一考场）');
  await dialog.getByLabel('考生').click();
  await page.keyboard.type(ticket(3));
  await page.locator('.ant-select-item-option', { hasText: ticket(3) }).click();
  await expect(dialog).toContainText(`该座位已有考生 张伟（${ticket(1)}），确认后两人互换座位。`);
  await expect(dialog).toContainText('李军 现在的座位：第一考场 03');
  await shot(page, 'dialog-zh');
  await expectAccessible(page, '排座 (dialog)');
  await dialog.getByRole('button', { name: '确认安排' }).click();
  await expect(
    page.getByText(`已安排：${ticket(3)} 李军 → 第一考场 01；${ticket(1)} 张伟 → 第一考场 03`),
  ).toBeVisible();
  await expect(seat('03', 1)).toBeVisible();
  await expect(grid.getByRole('button', { name: `座位 01 李军 ${ticket(3)}` })).toBeVisible();

  // automatic, by 准考证号: the preview writes nothing, the save puts everyone back in order
  const auto = page.getByTestId('auto-seat');
  await auto.getByRole('button', { name: '预览' }).click();
  const preview = page.getByTestId('auto-seat-preview');
  await expect(auto.getByText('预览：6 名考生')).toBeVisible();
  await expect(preview.locator('tbody tr').first()).toContainText(ticket(1));
  await expect(preview.locator('tbody tr').first()).toContainText('第一考场 03');
  await expect(preview.locator('tbody tr').first()).toContainText('第一考场 01');
  await expect(grid.getByRole('button', { name: `座位 01 李军 ${ticket(3)}` })).toBeVisible();
  await shot(page, 'auto-preview-zh');
  await auto.getByRole('button', { name: '保存排座' }).click();
  await page.locator('.ant-popconfirm').getByRole('button', { name: '保存排座' }).click();
  await expect(auto.getByText('排座已保存：6 名考生')).toBeVisible();
  await expect(seat('01', 1)).toBeVisible();
  await expect(seat('03', 3)).toBeVisible();

  // random: the preview shows the seed the server drew
  await auto.getByText('随机排座', { exact: true }).click();
  await auto.getByRole('button', { name: '预览' }).click();
  await expect(auto.getByText(/预览：6 名考生 · 随机种子 [0-9a-f]{32}/)).toBeVisible();

  // 座位表 and 门贴 as PDFs from the server, with names and 准考证号
  const chartDownload = page.waitForEvent('download');
  await rooms.getByRole('button', { name: '打印座位表 (PDF)' }).click();
  const chart = await pdfText(await chartDownload, 'chart-pdf');
  expect(chart).toContain('第一考场 座位表');
  expect(chart).toContain('讲');
  for (let n = 1; n <= 6; n += 1) {
    expect(chart).toContain(ticket(n));
    expect(chart).toContain(NAMES[n - 1]);
  }
  expect(chart).toContain('空座');
  expect(chart).toContain('座位 30 个，考生 6 人，空座 24 个');
  await expect(page.getByText('已下载: 座位表-s-console-r1.pdf')).toBeVisible();
  const doorDownload = page.waitForEvent('download');
  await rooms.getByRole('button', { name: '打印门贴 (PDF)' }).click();
  const door = await pdfText(await doorDownload, 'door-pdf');
  expect(door).toContain('第一考场');
  expect(door).toContain('2026年第四季度电工（四级）理论知识考试');
  expect(door).toMatch(new RegExp(`01\\s+${ticket(1)}\\s+张伟`));
  expect(door).toMatch(new RegExp(`06\\s+${ticket(6)}\\s+陈芳`));

  // English: the same page from the page's catalogue
  await page.getByRole('button', { name: 'English' }).click();
  await expect(rooms.locator('.ant-segmented-item', { hasText: 'Seat candidates' })).toBeVisible();
  await expect(grid.getByRole('button', { name: `Seat 01 张伟 ${ticket(1)}` })).toBeVisible();
  await expect(page.getByText('Automatic seating', { exact: true })).toBeVisible();
  await shot(page, 'assign-en');
  await expectAccessible(page, 'seats (en)');
  await grid.getByRole('button', { name: 'Seat 07 Empty' }).click();
  await expect(page.getByRole('dialog')).toContainText('Seat 07 (第一考场)');
  await shot(page, 'dialog-en');
  await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
  await rooms.locator('.ant-segmented-item', { hasText: 'Edit seat map' }).click();
  await shot(page, 'edit-en');
  await page.getByRole('button', { name: '中文' }).click();
  await rooms.locator('.ant-segmented-item', { hasText: '编辑座位图' }).click();
  await expect(rooms.getByText('第一考场 · 30 座')).toBeVisible();
  await shot(page, 'edit-zh');
  await context.close();
});
