import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { prepareExamDay, STAFF, type ExamDay } from './support/exam-day';
import { startProctorServer, type RunningServer } from './support/proctor-server';

/*
 * Every console page fills the window at any height — no unstyled white band under
 * the login card or the room monitor when the window is taller than the content. Checked at
 * 1280×800 and 1920×1080 on login, sessions, monitor and results; screenshots in
 * test-results/console/fill-<page>-<width>x<height>.png.
 */

let server: RunningServer;
let day: ExamDay;

const SIZES = [
  { width: 1280, height: 800 },
  { width: 1920, height: 1080 },
] as const;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(180_000);
  const dir = mkdtempSync(join(tmpdir(), 'console-fill-e2e-'));
  const dataDir = join(dir, 'data');
  day = await prepareExamDay(dir, dataDir, 6);
  server = await startProctorServer(dataDir);
});

test.afterAll(async () => {
  await server?.stop();
});

/**
 * The page's own root (the login screen or the console layout) is at least as tall as the
 * window, and what is drawn at the bottom edge of the window belongs to it (not bare body).
 */
async function expectFillsWindow(page: Page, name: string, size: (typeof SIZES)[number]) {
  const box = await page.evaluate(() => {
    const root = document.getElementById('root');
    const app = root?.firstElementChild;
    const own = app?.firstElementChild;
    if (root === null || !(own instanceof HTMLElement)) return undefined;
    const style = getComputedStyle(own);
    const bottom = document.elementFromPoint(window.innerWidth / 2, window.innerHeight - 1);
    return {
      viewport: window.innerHeight,
      root: root.getBoundingClientRect().height,
      page: own.getBoundingClientRect().height,
      painted: style.backgroundImage !== 'none' || style.backgroundColor !== 'rgba(0, 0, 0, 0)',
      bottomIsPage: bottom !== null && own.contains(bottom),
    };
  });
  expect(box, name).toBeDefined();
  expect(box?.root, `${name}: #root height`).toBeGreaterThanOrEqual(size.height);
  expect(box?.page, `${name}: page height`).toBeGreaterThanOrEqual(size.height);
  expect(box?.painted, `${name}: page background`).toBe(true);
  expect(box?.bottomIsPage, `${name}: bottom edge of the window`).toBe(true);
  await page.screenshot({
    path: `test-results/console/fill-${name}-${size.width}x${size.height}.png`,
  });
}

for (const size of SIZES) {
  test(`login, sessions, monitor and results fill a ${size.width}×${size.height} window`, async ({
    page,
  }) => {
    test.setTimeout(120_000);
    await page.setViewportSize(size);
    await page.goto(`${server.url}/console/`);
    await expect(page.getByTestId('login-card')).toBeVisible();
    await expectFillsWindow(page, 'login', size);

    await page.getByLabel('用户名').fill(STAFF.proctor1.username);
    await page.getByLabel('密码').fill(STAFF.proctor1.password);
    await page.getByRole('button', { name: '登录' }).click();
    await expect(page.getByTestId('sessions-table')).toContainText('电工（四级）');
    await expectFillsWindow(page, 'sessions', size);

    await page.goto(`${server.url}/console/#/s/${encodeURIComponent(day.sessionId)}/monitor`);
    await expect(page.getByTestId('session-status')).toBeVisible();
    await expectFillsWindow(page, 'monitor', size);

    await page.goto(`${server.url}/console/#/s/${encodeURIComponent(day.sessionId)}/results`);
    await expect(page.getByTestId('exports')).toBeVisible();
    await expectFillsWindow(page, 'results', size);
  });
}
