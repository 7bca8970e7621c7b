import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { expectAccessible } from '../../../e2e/axe';
import { openExamRoom, type ExamRoom } from '../test/support/exam-room';
import { admitAndStart, goToQuestion, ITEM_TYPES, openKioskPage } from './support/kiosk-pages';
import { startWebShellProcess, type RunningWebShell } from './support/web-shell-process';

/*
 * WCAG 2.1 AA on every kiosk screen, checked by axe-core in Chromium against the real proctor
 * server: login, identity, waiting room, the exam with each item type (unanswered and answered),
 * the review dialog and the submitted screen — in Chinese, in English, and in high contrast
 * at the largest text size, which the roster's 考生便利措施 preset for that candidate at login
 * (with 20 extra minutes). Any violation fails with the rule, its impact and the elements.
 */

let room: ExamRoom;
/** One web shell per candidate: each is one exam PC with its own exam agent and journal. */
const shells: RunningWebShell[] = [];
const started = { value: false };

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(180_000);
  room = await openExamRoom('kiosk-a11y-', 3, {
    allowPracticeClients: true,
    earliestSubmissionMinutes: 0,
    allItemTypes: true,
    // the third candidate's roster row grants 20 extra minutes, the largest text, high contrast
    accommodations: { 2: { extraMinutes: 20, largeText: true, highContrast: true } },
  });
  for (const n of [1, 2, 3]) {
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

const shellUrl = (n: number) => shells[n]?.url ?? '';

const ANSWER_KEYS = { true_false: 't', single_choice: 'b', multiple_choice: 'a' } as const;

/** Each item type unanswered, then answered, checked after each. */
async function checkEveryItemType(page: Page, mode: string): Promise<void> {
  for (const { type, number } of ITEM_TYPES) {
    await goToQuestion(page, number);
    await expectAccessible(page, `exam ${type} (${mode})`);
    if (type === 'fill_blank') await page.locator('.blank-field input').fill('50');
    else if (type === 'short_answer')
      await page.locator('textarea.short-answer').fill('停电、验电');
    else await page.keyboard.press(ANSWER_KEYS[type]);
    await expectAccessible(page, `exam ${type} answered (${mode})`);
  }
}

async function reviewAndSubmit(page: Page, mode: string): Promise<void> {
  await page.getByTestId('open-review').click();
  await expect(page.getByTestId('review-dialog')).toBeVisible();
  await expectAccessible(page, `review dialog (${mode})`);
  await page.getByTestId('review-submit').click();
  await expect(page.getByTestId('confirm-submit')).toBeVisible();
  await expectAccessible(page, `review dialog, confirming (${mode})`);
  await page.getByTestId('confirm-submit').click();
  await expect(page.getByTestId('submitted')).toBeVisible({ timeout: 15_000 });
  await expectAccessible(page, `submitted (${mode})`);
}

test('every kiosk screen passes axe (WCAG 2.1 AA) in Chinese, English and high contrast', async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const [zh, en, contrast] = room.day.candidates;
  if (zh === undefined || en === undefined || contrast === undefined)
    throw new Error('the roster issued too few exam codes');
  const modes = [
    { name: 'zh-CN', candidate: zh, page: await openKioskPage(browser, shellUrl(0), room) },
    {
      name: 'en',
      candidate: en,
      page: await openKioskPage(browser, shellUrl(1), room, { locale: 'en' }),
    },
    {
      name: 'high contrast, largest text',
      candidate: contrast,
      page: await openKioskPage(browser, shellUrl(2), room),
    },
  ];
  for (const { name, candidate, page } of modes) {
    await expectAccessible(page, `login (${name})`);
    await page.getByTestId('ticket').fill(candidate.ticket);
    await page.getByTestId('exam-code').fill(candidate.code);
    await page.getByTestId('login').click();
    await expect(page.getByTestId('confirm-identity')).toBeVisible();
    await expectAccessible(page, `identity (${name})`);
    await page.getByTestId('confirm-identity').click();
    await expect(page.getByTestId('time-to-start')).toBeVisible();
    await expectAccessible(page, `waiting room (${name})`);
  }
  await admitAndStart(room, started);
  for (const { name, page } of modes) {
    await expect(page.getByTestId('question-head')).toBeVisible({ timeout: 15_000 });
    if (name.startsWith('high contrast')) {
      // set by nobody on this PC: the roster's accommodations, applied at login
      await expect(page.getByTestId('exam-screen')).toHaveClass(/high-contrast/);
      await expect(page.getByTestId('exam-screen')).toHaveClass(/font-step-2/);
      // 60 minutes + 20 extra: the deadline includes the roster's 延长时间
      await expect(page.getByTestId('countdown')).toContainText(/剩余时间 1:(19|20):/);
    }
    await checkEveryItemType(page, name);
    await page.screenshot({ path: test.info().outputPath(`exam-${name}.png`) });
    await reviewAndSubmit(page, name);
  }
});

test('high contrast switched on during the exam passes axe too', async ({ browser }) => {
  // A fresh exam PC (every roster candidate has submitted): the practice exam, same screen.
  const practiceShell = await startWebShellProcess('kiosk');
  shells.push(practiceShell);
  const page = await openKioskPage(browser, practiceShell.url, room);
  await page.getByRole('button', { name: '进入练习模式（不计分）' }).click();
  await expect(page.getByTestId('question-head')).toContainText('第 1 题');
  await page.getByRole('switch').click();
  await expect(page.getByTestId('exam-screen')).toHaveClass(/high-contrast/);
  await expectAccessible(page, 'practice exam, high contrast');
  await page.keyboard.press('t');
  await page.keyboard.press('m');
  await expectAccessible(page, 'practice exam, high contrast, answered and flagged');
});
