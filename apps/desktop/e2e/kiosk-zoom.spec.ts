import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { openExamRoom, type ExamRoom } from '../test/support/exam-room';
import {
  admitAndStart,
  expectReachable,
  goToQuestion,
  ITEM_TYPES,
  openKioskPage,
} from './support/kiosk-pages';
import { startWebShellProcess, type RunningWebShell } from './support/web-shell-process';

/*
 * Low vision: the browser at 200 % zoom on a 1024×768 screen (512×384 CSS pixels at device scale
 * 2), and the kiosk's largest text size at 1024×768. On every screen, everything needed to answer,
 * move between questions and submit can be scrolled to and is wholly visible. Screenshots of
 * each screen go to the test's output directory (looked at when the layout changes).
 */

let room: ExamRoom;
const shells: RunningWebShell[] = [];
const started = { value: false };

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(180_000);
  room = await openExamRoom('kiosk-zoom-', 2, {
    allowPracticeClients: true,
    earliestSubmissionMinutes: 0,
    allItemTypes: true,
  });
  for (const n of [1, 2]) {
    shells.push(
      await startWebShellProcess('kiosk', {
        WEB_SHELL_JOURNAL_DIR: join(room.dir, `kiosk-${n}`, 'journals'),
        WEB_SHELL_SERVER_FINGERPRINT: room.server.fingerprint ?? '',
      }),
    );
  }
});

test.afterAll(async () => {
  for (const shell of shells) await shell.stop();
  await room?.close();
});

const shot = (page: Page, name: string) =>
  page.screenshot({ path: test.info().outputPath(`${name}.png`) });

const SCREENS = [
  {
    n: 0,
    label: 'zoom-200',
    options: { viewport: { width: 512, height: 384 }, deviceScaleFactor: 2 },
  },
  {
    n: 1,
    label: 'largest-text',
    options: { display: { fontStep: 2, highContrast: false } },
  },
] as const;

for (const { n, label, options } of SCREENS) {
  test(`nothing needed to answer or submit is cut off (${label})`, async ({ browser }) => {
    test.setTimeout(120_000);
    const candidate = room.day.candidates[n];
    const shell = shells[n];
    if (candidate === undefined || shell === undefined) throw new Error('roster or shell missing');
    const page = await openKioskPage(browser, shell.url, room, options);

    for (const id of ['ticket', 'exam-code', 'server-url', 'login'])
      await expectReachable(page.getByTestId(id));
    await shot(page, `${label}-1-login`);
    await page.getByTestId('ticket').fill(candidate.ticket);
    await page.getByTestId('exam-code').fill(candidate.code);
    await page.getByTestId('login').click();
    const confirm = page.getByTestId('confirm-identity');
    await expect(confirm).toBeVisible();
    await expectReachable(confirm);
    await shot(page, `${label}-2-identity`);
    await confirm.click();
    await expect(page.getByTestId('time-to-start')).toBeVisible();
    await expectReachable(page.getByTestId('time-to-start'));
    await shot(page, `${label}-3-waiting`);
    await admitAndStart(room, started);

    await expect(page.getByTestId('question-head')).toBeVisible({ timeout: 15_000 });
    for (const { type, number } of ITEM_TYPES) {
      await goToQuestion(page, number);
      await expectReachable(page.getByTestId('question-head'));
      await shot(page, `${label}-4-${type}`); // the question scrolled into view
      const answerControls = page.locator('.answer-fieldset').locator('button, input, textarea');
      const count = await answerControls.count();
      expect(count, `${type}: answer controls`).toBeGreaterThan(0);
      for (let i = 0; i < count; i += 1) await expectReachable(answerControls.nth(i));
      for (const name of [/上一题/, /标记/, /下一题/])
        await expectReachable(page.locator('.question-nav').getByRole('button', { name }));
      await expectReachable(page.getByTestId('countdown'));
      await expectReachable(page.getByTestId('save-status'));
      await expectReachable(page.getByTestId('open-review'));
      await shot(page, `${label}-5-${type}-top-bar`);
    }
    await expectReachable(page.getByTestId('palette-cell-13'));

    await page.getByTestId('open-review').click();
    await expect(page.getByTestId('review-dialog')).toBeVisible();
    await page.waitForTimeout(400); // the dialog's zoom-in animation, for the screenshot
    await expectReachable(page.getByTestId('review-submit'));
    await expectReachable(page.getByRole('button', { name: '返回继续作答' }));
    await shot(page, `${label}-6-review`);
    await page.getByTestId('review-submit').click();
    await expectReachable(page.getByTestId('confirm-submit'));
    await page.getByTestId('confirm-submit').click();
    await expect(page.getByTestId('submitted')).toBeVisible({ timeout: 15_000 });
    await shot(page, `${label}-7-submitted`);
  });
}
