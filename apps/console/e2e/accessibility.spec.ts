import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Browser, type Page } from '@playwright/test';
import type { Locale } from '@skillexam/shared';
import { expectAccessible } from '../../../e2e/axe';
import { CandidateClient } from './support/candidate-client';
import { prepareExamDay, STAFF, type ExamDay } from './support/exam-day';
import { startProctorServer, type RunningServer } from './support/proctor-server';

/*
 * WCAG 2.1 AA on every console page, checked by axe-core in Chromium against the real proctor
 * server, in Chinese and in English: login, sessions, the room monitor (seat map with candidates
 * waiting, the candidate panel), 考场情况记录, results, 人工评分 and the audit page.
 */

let server: RunningServer;
let day: ExamDay;
const candidates: CandidateClient[] = [];

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(180_000);
  const dir = mkdtempSync(join(tmpdir(), 'console-a11y-'));
  // the first candidate's roster row grants 考生便利措施, which the console must show
  day = await prepareExamDay(dir, join(dir, 'data'), 4, { 0: ['30', '是', '是'] });
  server = await startProctorServer(join(dir, 'data'));
});

test.afterAll(async () => {
  for (const c of candidates) c.close();
  await server?.stop();
});

async function openConsole(browser: Browser, locale: Locale): Promise<Page> {
  const context = await browser.newContext();
  await context.addInitScript((l) => localStorage.setItem('skillexam.console.lang', l), locale);
  const page = await context.newPage();
  await page.goto(`${server.url}/console/`);
  await expect(page.locator('#password')).toBeVisible();
  return page;
}

async function logIn(page: Page, who: keyof typeof STAFF): Promise<void> {
  await page.locator('#username').fill(STAFF[who].username);
  await page.locator('#password').fill(STAFF[who].password);
  await page.locator('button[type="submit"]').click();
  await expect(page.getByTestId('whoami')).toContainText(STAFF[who].username);
}

const TABLE_EN = 'Candidate list';

const page_ = (page: Page, name: string) => page.locator(`li[data-menu-id$="-${name}"]`).click();

for (const locale of ['zh-CN', 'en'] as const satisfies readonly Locale[]) {
  test(`every console page passes axe (WCAG 2.1 AA) in ${locale}`, async ({ browser }) => {
    test.setTimeout(180_000);
    const check = (page: Page, screen: string) => expectAccessible(page, `${screen} (${locale})`);
    const proctor = await openConsole(browser, locale);
    await check(proctor, 'login');
    await logIn(proctor, 'proctor1');
    await expect(proctor.getByTestId('sessions-table')).toContainText('电工（四级）');
    await check(proctor, 'sessions');
    await proctor.goto(`${server.url}/console/#/s/${day.sessionId}/monitor`);
    await expect(proctor.getByTestId('session-status')).toBeVisible();
    if (candidates.length === 0) {
      await check(proctor, 'monitor, before check-in');
      await proctor.getByTestId('session-actions').getByRole('button').first().click();
      // check-in is open: 全部准入 and 开考 replace 开始检录
      await expect(proctor.getByTestId('session-actions').getByRole('button')).toHaveCount(2);
      for (const c of day.candidates.slice(0, 2)) {
        const client = await CandidateClient.login(server.url, c.ticket, c.code, day.enrollment);
        candidates.push(client);
        await client.confirmIdentity();
      }
    }
    await expect(proctor.getByTestId('count-awaitingAdmission')).toContainText('2');
    await check(proctor, 'monitor, check-in');
    await proctor.locator('[data-seat="01"]').click();
    await expect(proctor.getByTestId('candidate-panel').first()).toBeVisible();
    await check(proctor, 'candidate panel');
    await proctor.locator('.ant-drawer-close').click();
    // 考生列表: who has accommodations, named in full for screen readers
    await proctor.getByText(locale === 'en' ? TABLE_EN : '考生列表', { exact: true }).click();
    const chip = proctor.getByTestId('accommodation-chip');
    await expect(chip).toHaveCount(1);
    await expect(chip).toHaveAccessibleName(
      locale === 'en'
        ? 'Accommodations: Extra time 30 Minutes, Large text, High contrast'
        : '考生便利措施: 延长时间 30 分钟, 大字体, 高对比度',
    );
    await check(proctor, 'candidate list');
    await page_(proctor, 'incidents');
    await expect(proctor.getByTestId('incidents-table')).toBeVisible();
    await check(proctor, 'incidents');

    const admin = await openConsole(browser, locale);
    await logIn(admin, 'admin');
    await check(admin, 'sessions (exam admin)');
    await admin.goto(`${server.url}/console/#/s/${day.sessionId}/results`);
    await admin.waitForLoadState('networkidle');
    await check(admin, 'results');
    await admin.goto(`${server.url}/console/#/s/${day.sessionId}/marking`);
    await expect(admin.locator('main .ant-card').first()).toBeVisible();
    await admin.waitForLoadState('networkidle');
    await check(admin, 'marking');
    await admin.goto(`${server.url}/console/#/audit`);
    await expect(admin.locator('main .ant-card').first()).toBeVisible();
    await admin.waitForLoadState('networkidle');
    await check(admin, 'audit');
    await proctor.context().close();
    await admin.context().close();
  });
}
