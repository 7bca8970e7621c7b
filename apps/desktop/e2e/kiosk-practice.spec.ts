import { expect, test } from '@playwright/test';
import { startWebShellProcess, type RunningWebShell } from './support/web-shell-process';

let shell: RunningWebShell;

test.beforeAll(async () => {
  shell = await startWebShellProcess('kiosk');
});

test.afterAll(async () => {
  await shell.stop();
});

test('a candidate works through the practice paper with the keyboard and submits', async ({
  page,
}) => {
  const problems: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error' || msg.type() === 'warning') problems.push(msg.text());
  });
  page.on('pageerror', (error) => problems.push(String(error)));
  await page.setViewportSize({ width: 1024, height: 768 });
  await page.goto(shell.url);

  // The kiosk opens at the candidate login; practice mode needs no server.
  await expect(page.getByText('考生登录')).toBeVisible();
  await expect(page.getByTestId('web-client-notice')).toContainText('网页客户端');
  await expect(page.getByTestId('server-url')).toHaveValue(/^https:\/\/127\.0\.0\.1:7300$/);
  await page.screenshot({ path: 'test-results/screenshots/kiosk-login.png' });
  await page.getByRole('button', { name: '进入练习模式（不计分）' }).click();

  const head = page.getByTestId('question-head');
  const counts = page.getByTestId('palette-counts');
  await expect(head).toContainText('第 1 题');
  await expect(counts).toContainText('未答 200');
  await expect(page.getByTestId('countdown')).toContainText(/剩余时间 (2:00:00|1:59:5\d)/);

  // 判断题: T answers and → moves on; F on the next one.
  await page.keyboard.press('t');
  await page.keyboard.press('ArrowRight');
  await expect(head).toContainText('第 2 题');
  await page.keyboard.press('f');
  await page.keyboard.press('m');
  await expect(counts).toContainText('已答 2');
  await expect(counts).toContainText('标记 1');

  // Jump through the palette to a single-choice item with a formula; choose C by key.
  await page.locator('.palette .cell', { hasText: /^44$/ }).click();
  await expect(head).toContainText('第 44 题');
  await expect(page.locator('.stem .katex').first()).toBeVisible();
  await page.keyboard.press('c');
  await expect(page.getByRole('radio', { name: /C/ })).toHaveAttribute('aria-checked', 'true');

  // Multiple choice: toggling with letters.
  await page.getByRole('tab', { name: '三、多项选择题' }).click();
  await expect(head).toContainText('第 191 题');
  await page.keyboard.press('a');
  await page.keyboard.press('b');
  await page.keyboard.press('a');
  await expect(page.getByRole('checkbox', { name: /^B/ })).toHaveAttribute('aria-checked', 'true');
  await expect(page.getByRole('checkbox', { name: /^A/ })).toHaveAttribute('aria-checked', 'false');
  await expect(counts).toContainText('已答 4');
  await page.screenshot({ path: 'test-results/screenshots/kiosk-exam-1024x768.png' });

  // Review lists unanswered and flagged items, and submitting needs a second confirmation.
  await page.getByRole('button', { name: '检查并交卷' }).click();
  const review = page.getByTestId('review-dialog');
  await expect(review).toContainText('未作答的题目（196）');
  await expect(review).toContainText('已标记的题目（1）');
  await page.waitForTimeout(500); // let the dialog's zoom-in animation finish for the screenshot
  await page.screenshot({ path: 'test-results/screenshots/kiosk-review.png' });
  await page.getByTestId('review-submit').click();
  await expect(review).toContainText('交卷后将不能再修改答案');
  await page.getByTestId('confirm-submit').click();
  await expect(page.getByText('已交卷')).toBeVisible();
  expect(problems).toEqual([]);
});
