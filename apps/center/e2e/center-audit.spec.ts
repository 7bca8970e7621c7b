import { expect, test, type Page } from '@playwright/test';
import { startCenter, type RunningCenter } from './support/center-server';
import { choose, firstLogIn, openPage, shot } from './support/center-ui';

/*
 * 审计链核验 in Chromium against the real `center serve` (embedded PGlite): the centre admin adds
 * a supervisor; the supervisor copies the chain head with the copy button, checks the chain
 * against it (intact, 1 anchor), then against a wrong hash for the same record (broken, naming
 * the record), then a pasted list with a malformed line (the line named, nothing sent). The
 * centre admin sees the same card (in English too). Screenshots: test-results/center/18–21.
 */

let center: RunningCenter;
let admin: Page;
let supervisor: Page;
const verifyCalls: string[] = [];

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(180_000);
  center = await startCenter();
});

test.afterAll(async () => {
  await center?.stop();
});

test('the centre admin adds a supervisor, who opens 审计链核验 and sees the head', async ({
  browser,
}) => {
  admin = await firstLogIn(browser, center.url, 'admin', center.adminPassword, 'Centre-Pass-2026!');
  await openPage(admin, '人员');
  await admin.getByTestId('staff-username').fill('zhaoliu');
  await admin.getByTestId('staff-name').fill('赵督导');
  await choose(admin, '角色', '质量督导员');
  await admin.getByRole('button', { name: '新增', exact: true }).click();
  await expect(admin.getByTestId('one-time-password')).toContainText('zhaoliu');
  const otp = (await admin.getByTestId('otp-value').innerText()).trim();

  supervisor = await firstLogIn(browser, center.url, 'zhaoliu', otp, 'Supervise-Pass-2026!');
  await supervisor.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  supervisor.on('request', (request) => {
    if (request.url().includes('/api/audit/verify')) verifyCalls.push(request.url());
  });
  await openPage(supervisor, '质量督导');
  const card = supervisor.getByTestId('audit-check');
  await expect(card).toContainText('审计链核验');
  await expect(card.getByTestId('audit-head')).toHaveText(/^\d+:[0-9a-f]{64}$/);
  await expect(card).toContainText('本机以外');
});

test('the copied head checks as an intact chain with 1 anchor', async () => {
  const card = supervisor.getByTestId('audit-check');
  const head = (await card.getByTestId('audit-head').innerText()).trim();
  await card.locator('.ant-typography-copy').click();
  const copied = await supervisor.evaluate<string>('navigator.clipboard.readText()');
  expect(copied).toBe(head);
  await supervisor
    .getByLabel('外部锚点（每行一个：考点回执或此前记下的链头）')
    .fill(`// 赵督导 抄下的链头\n${copied}  // 今天\n`);
  await card.getByRole('button', { name: '核验' }).click();
  const verdict = card.getByTestId('audit-verdict');
  await expect(verdict).toContainText('审计链完整');
  await expect(verdict).toContainText('核对外部锚点 1 个');
  await expect(verdict).toContainText(head.split(':')[1] ?? '');
  await expect(verdict).toHaveClass(/ant-alert-success/);
  expect(verifyCalls).toHaveLength(1);
  expect(new URL(verifyCalls[0] ?? '').searchParams.getAll('anchor')).toEqual([head]);
  await verdict.scrollIntoViewIfNeeded();
  await shot(supervisor, '18-audit-intact');
});

test('a wrong hash for that record shows the broken chain in red, naming the record', async () => {
  const card = supervisor.getByTestId('audit-check');
  const head = (await card.getByTestId('audit-head').innerText()).trim();
  const [seq = '', hash = ''] = head.split(':');
  const wrong = `${seq}:${hash.slice(0, -1)}${hash.endsWith('0') ? '1' : '0'}`;
  await supervisor.getByLabel('外部锚点（每行一个：考点回执或此前记下的链头）').fill(wrong);
  await card.getByRole('button', { name: '核验' }).click();
  const verdict = card.getByTestId('audit-verdict');
  await expect(verdict).toContainText(`问题出在记录 #${seq}`);
  await expect(verdict).toContainText(`审计链与外部锚点 #${seq} 不符`);
  await expect(verdict).toHaveClass(/ant-alert-error/);
  expect(verifyCalls).toHaveLength(2);
  await shot(supervisor, '19-audit-broken');
});

test('a malformed line is named with what was expected, and nothing is sent', async () => {
  const card = supervisor.getByTestId('audit-check');
  const head = (await card.getByTestId('audit-head').innerText()).trim();
  await supervisor
    .getByLabel('外部锚点（每行一个：考点回执或此前记下的链头）')
    .fill(`${head}\n\n12:abc // 抄错了\n`);
  await card.getByRole('button', { name: '核验' }).click();
  const error = card.getByTestId('anchor-error');
  await expect(error).toContainText('第 3 行');
  await expect(error).toContainText('序号:64 位十六进制哈希');
  await expect(error).toContainText('12:abc');
  await expect(card.getByTestId('audit-verdict')).toHaveCount(0);
  expect(verifyCalls).toHaveLength(2);
  await shot(supervisor, '20-audit-line-error');
});

test('the centre admin sees the same card on 质量督导', async () => {
  await openPage(admin, '质量督导');
  const card = admin.getByTestId('audit-check');
  await expect(card.getByTestId('audit-head')).toHaveText(/^\d+:[0-9a-f]{64}$/);
  await card.getByRole('button', { name: '核验' }).click();
  await expect(card.getByTestId('audit-verdict')).toContainText('核对外部锚点 0 个');
  await admin.getByRole('button', { name: 'English' }).click();
  await expect(card).toContainText('Audit chain check');
  await expect(card.getByTestId('audit-verdict')).toContainText('0 external anchors checked');
  await shot(admin, '21-audit-admin-en');
});
