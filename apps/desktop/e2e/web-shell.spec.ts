import { expect, test } from '@playwright/test';
import { startWebShellProcess, type RunningWebShell } from './support/web-shell-process';

let shell: RunningWebShell;

test.beforeAll(async () => {
  shell = await startWebShellProcess();
});

test.afterAll(async () => {
  await shell.stop();
});

test('the renderer loads in Chromium, shows the Chinese title, and reaches the host', async ({
  page,
}) => {
  const consoleErrors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') consoleErrors.push(msg.text());
  });
  await page.goto(shell.url);

  await expect(page).toHaveTitle('职业技能等级认定理论考试系统');
  await expect(page.getByTestId('app-title')).toHaveText('职业技能等级认定理论考试系统');

  // The pid on screen came from src/host running inside the web shell process.
  await expect(page.getByTestId('host-pid')).toHaveText(String(shell.pid));
  await expect(page.getByTestId('host-runtime')).toContainText('Node');
  await page.screenshot({ path: 'test-results/screenshots/web-shell-zh-CN.png', fullPage: true });

  const echoed = await page.evaluate(() =>
    window.desktop.invoke('app:echo', { message: '考生 张三' }),
  );
  expect(echoed.message).toBe('考生 张三');

  const rejected = await page.evaluate(() =>
    window.desktop.invoke('app:echo', { message: 42 } as unknown as { message: string }).then(
      () => 'resolved',
      (error: { code?: string; message?: string }) => `${error.code}: ${error.message}`,
    ),
  );
  expect(rejected).toMatch(/^BAD_REQUEST: message: /);

  await page.getByText('English', { exact: true }).click();
  await expect(page.getByTestId('app-title')).toHaveText(
    'Vocational Skill Certification Theory Exam',
  );
  await page.screenshot({ path: 'test-results/screenshots/web-shell-en.png', fullPage: true });
  expect(consoleErrors).toEqual([]);
});
