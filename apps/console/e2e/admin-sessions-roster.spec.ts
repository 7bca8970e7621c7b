import { mkdtempSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { chineseIdCheckChar } from '@skillexam/shared';
import { expectAccessible } from '../../../e2e/axe';
import { prepareExamDay, STAFF } from './support/exam-day';
import { logInToConsole } from './support/console-login';
import { startProctorServer, type RunningServer } from './support/proctor-server';

/*
 * The exam admin sets up a session in the browser against the real proctor server: creates it
 * with the server's defaults, uploads a roster with one bad row (row error shown, nothing
 * written), fixes and imports it, downloads the admission slips, edits a room's seat map and
 * the session. zh-CN throughout, one English check; axe on every page. Screenshots:
 * test-results/console/admin-*.png.
 */

let server: RunningServer;
const shot = (page: Page, name: string) =>
  page.screenshot({ path: `test-results/console/admin-${name}.png`, fullPage: true });

const id = (serial: number) => {
  const body = `11010519920415${String(serial).padStart(3, '0')}`;
  return `${body}${chineseIdCheckChar(body)}`;
};
const HEADER = '准考证号,姓名,身份证号,考场,座位号';
// row 3 leaves 座位号 empty: the import seats it on r1's first free seat (2), marked 自动
const GOOD = [HEADER, `2027100001,钱一,${id(1)},r1,1`, `2027100002,孙二,${id(2)},r1,`].join('\n');
// row 3: the ID number's check character is wrong
const BAD = GOOD.replace(id(2), `${id(2).slice(0, 17)}${id(2).endsWith('0') ? '1' : '0'}`);

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(180_000);
  const dir = mkdtempSync(join(tmpdir(), 'console-admin-'));
  const dataDir = join(dir, 'data');
  await prepareExamDay(dir, dataDir, 1);
  server = await startProctorServer(dataDir);
});

test.afterAll(async () => {
  await server?.stop();
});

const logInAdmin = (browser: Browser) => logInToConsole(browser, server.url, STAFF.admin);

const chooseRoster = (page: Page, name: string, text: string) =>
  page.locator('input[type=file]').setInputFiles({
    name,
    mimeType: 'text/csv',
    buffer: Buffer.from(text, 'utf8'),
  });

test('the exam admin creates a session, imports a roster, prints slips and lays out a room', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const page = await logInAdmin(browser);

  // 新建场次: the server's defaults, each explained
  await page.getByRole('button', { name: '新建场次' }).click();
  const form = page.getByTestId('session-form');
  await expect(form.getByLabel('迟到截止')).toHaveValue('30');
  await expect(form.getByLabel('最早交卷')).toHaveValue('30');
  await expect(form.getByLabel('补时上限')).toHaveValue('60');
  await expect(form.getByText('开考后超过这么多分钟不得入场（默认 30；常用 15）。')).toBeVisible();
  await expectAccessible(page, '新建场次');
  await form.getByLabel('考试', { exact: true }).click();
  await page.locator('.ant-select-item-option', { hasText: 'paper-console' }).click();
  await form.getByLabel('场次编号').fill('s-admin');
  await form.getByLabel('场次名称').fill('2027年第一季度电工四级（浏览器创建）');
  // a rule the server refuses: its message is shown, nothing created
  await form.getByLabel('迟到截止').fill('120');
  await form.getByRole('button', { name: '创建场次' }).click();
  await expect(form.getByRole('alert')).toContainText(
    'lateEntryCutoffMinutes (120) 超过考试时长 90',
  );
  await shot(page, '01-new-session-refused');
  await form.getByLabel('迟到截止').fill('15');
  await form.getByRole('button', { name: '创建场次' }).click();
  await expect(page).toHaveURL(/#\/s\/s-admin\/roster$/);

  // 考生名单: a bad row is shown with row and column, nothing is written
  await chooseRoster(page, '考生名单.csv', BAD);
  const issues = page.getByTestId('roster-issues');
  await expect(issues).toContainText('考生名单.csv');
  await expect(issues.locator('tbody tr')).toHaveCount(1);
  await expect(issues.locator('tbody tr').first()).toContainText('3');
  await expect(issues.locator('tbody tr').first()).toContainText('身份证号');
  await expect(page.getByText('未写入任何内容。')).toBeVisible();
  await expect(page.getByRole('button', { name: '确认导入' })).toBeDisabled();
  await shot(page, '02-roster-bad-row');
  await expectAccessible(page, '考生名单 (errors)');
  // the fixed file previews clean: row 2 of the bad file was not stored (it would be "taken")
  await chooseRoster(page, '考生名单.csv', GOOD);
  await expect(page.getByText('检查通过，可导入考生: 2')).toBeVisible();
  await expect(page.getByTestId('roster-rows').locator('tbody tr')).toHaveCount(2);
  await expect(page.getByTestId('seat-auto')).toHaveCount(1);
  await expect(page.getByTestId('seat-auto')).toHaveText('2 自动');
  await expect(page.getByText('1 名考生未填座位号，将自动排座')).toBeVisible();
  await shot(page, '02b-roster-auto-seat');
  await expectAccessible(page, '考生名单 (auto seats)');
  await page.getByRole('button', { name: '确认导入' }).click();
  await page.getByRole('dialog').getByRole('button', { name: '确认导入' }).click();
  await expect(page.getByText('已导入考生: 2')).toBeVisible();
  await shot(page, '03-roster-imported');

  // 准考证: a PDF with new exam codes
  await page.getByLabel('考点名称').fill('第一考点');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: '打印准考证 (PDF)' }).click();
  const pdf = await readFile(await (await download).path());
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  expect(pdf.length).toBeGreaterThan(1000);
  await expect(page.getByText(/已下载: 准考证-s-admin\.pdf/)).toBeVisible();
  // one candidate's slip (a lost slip): a new code for that candidate only
  await page.getByLabel('准考证号（补发单个考生，可留空）').fill('2027100002');
  const single = page.waitForEvent('download');
  await page.getByRole('button', { name: '打印准考证 (PDF)' }).click();
  expect((await readFile(await (await single).path())).subarray(0, 5).toString('latin1')).toBe(
    '%PDF-',
  );
  await expect(page.getByText(/已下载: 准考证-s-admin-2027100002\.pdf/)).toBeVisible();
  await page.getByLabel('准考证号（补发单个考生，可留空）').fill('2027109999');
  await page.getByRole('button', { name: '打印准考证 (PDF)' }).click();
  await expect(page.getByText('准考证号 2027109999: 不在本场次名单中或已登录')).toBeVisible();

  // English: the same page from the catalogue
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('button', { name: 'Choose roster file' })).toBeVisible();
  await expect(page.getByText('Admission slips', { exact: true })).toBeVisible();
  await expect(page.getByText('Candidates imported: 2')).toBeVisible();
  await expectAccessible(page, 'roster (en)');
  await shot(page, '04-roster-en');
  await page.getByRole('button', { name: '中文' }).click();

  // 座位图: 3 × 5 with an aisle in column 3 and one disabled seat → 11 seats, saved
  await page.locator('.ant-segmented-item', { hasText: '座位图' }).click();
  const rooms = page.getByTestId('rooms-page');
  await rooms.getByLabel('行数').fill('3');
  await rooms.getByLabel('列数').fill('5');
  await rooms.getByLabel('过道列').click();
  await page.locator('.ant-select-item-option', { hasText: /^3$/ }).click();
  await page.keyboard.press('Escape');
  await rooms.getByRole('button', { name: '第 3 行 第 5 列 座位 12' }).click();
  await expect(rooms.getByRole('button', { name: '第 3 行 第 5 列 已停用' })).toBeVisible();
  await expect(rooms.getByText('第1考场 · 11 座')).toBeVisible();
  await rooms.getByRole('button', { name: '保存座位图' }).click();
  await expect(rooms.getByText('座位图已保存')).toBeVisible();
  await shot(page, '05-seat-map');
  await expectAccessible(page, '座位图');
  // a map without the candidates' seats is refused by the server
  await rooms.getByLabel('行数').fill('1');
  await rooms.getByLabel('列数').fill('1');
  await rooms.getByRole('button', { name: '保存座位图' }).click();
  await expect(rooms.getByRole('alert')).toContainText('新座位图缺少已安排考生的座位');

  // 编辑场次: before check-in, audited on the server
  await page.locator('.ant-segmented-item', { hasText: '编辑场次' }).click();
  await expect(form.getByLabel('迟到截止')).toHaveValue('15');
  await form.getByLabel('场次名称').fill('2027年第一季度电工四级（已改名）');
  await form.getByRole('button', { name: '保存修改' }).click();
  await expect(page).toHaveURL(/#\/s\/s-admin\/monitor$/);
  await page.getByRole('button', { name: '考试场次' }).click();
  await expect(page.getByText('2027年第一季度电工四级（已改名）')).toBeVisible();
  await shot(page, '06-sessions');
  await page.context().close();
});
