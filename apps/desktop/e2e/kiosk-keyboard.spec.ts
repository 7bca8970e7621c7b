import { join } from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { openExamRoom, type ExamRoom } from '../test/support/exam-room';
import { admitAndStart, openKioskPage, tabTo } from './support/kiosk-pages';
import { startWebShellProcess, type RunningWebShell } from './support/web-shell-process';

/*
 * The candidate's whole path with the keyboard alone (page.keyboard only, no clicks) against the
 * real proctor server: login, identity, every item type, the 答题卡 as a grid with arrow keys
 * and a roving tab stop, the review dialog and submitting; focus is always visible. And the time
 * warnings reach screen readers through a polite live region, once, not every second.
 */

let room: ExamRoom;
let shell: RunningWebShell;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  room = await openExamRoom('kiosk-keyboard-', 1, {
    allowPracticeClients: true,
    earliestSubmissionMinutes: 0,
    allItemTypes: true,
  });
  shell = await startWebShellProcess('kiosk', {
    WEB_SHELL_JOURNAL_DIR: join(room.dir, 'journals'),
    WEB_SHELL_SERVER_FINGERPRINT: room.server.fingerprint ?? '',
  });
});

test.afterAll(async () => {
  await shell?.stop();
  await room?.close();
});

/** The focused element draws a real focus ring (outline), not just the browser default off. */
async function expectFocusVisible(target: Locator): Promise<void> {
  await expect(target).toBeFocused();
  const ring = await target.evaluate((el) => {
    const style = getComputedStyle(el);
    return { style: style.outlineStyle, width: parseFloat(style.outlineWidth) };
  });
  expect(ring.style, 'focus outline').not.toBe('none');
  expect(ring.width, 'focus outline width').toBeGreaterThanOrEqual(2);
}

async function pressAndExpectFocus(page: Page, key: string, target: Locator): Promise<void> {
  await page.keyboard.press(key);
  await expectFocusVisible(target);
}

test('a candidate sits the whole exam with the keyboard alone', async ({ browser }) => {
  test.setTimeout(180_000);
  const candidate = room.day.candidates[0];
  if (candidate === undefined) throw new Error('the roster issued no exam codes');
  const page = await openKioskPage(browser, shell.url, room);

  // 登录: the 准考证号 field has the focus; Tab to 考试码, Enter submits.
  await expect(page.getByTestId('ticket')).toBeFocused();
  await page.keyboard.type(candidate.ticket);
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('exam-code')).toBeFocused();
  await page.keyboard.type(candidate.code);
  await page.keyboard.press('Enter');

  // 身份核对: Tab reaches the confirm button, its focus ring shows, Enter confirms.
  const confirm = page.getByTestId('confirm-identity');
  await expect(confirm).toBeVisible();
  await tabTo(page, confirm);
  await expectFocusVisible(confirm);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('time-to-start')).toBeVisible();
  await admitAndStart(room, { value: false });

  const head = page.getByTestId('question-head');
  const cell = (n: number) => page.getByTestId(`palette-cell-${n}`);
  await expect(head).toContainText('第 1 题', { timeout: 15_000 });
  await page.keyboard.press('t'); // 判断题: T = 正确
  await expect(page.getByRole('radio', { name: /正确/ })).toHaveAttribute('aria-checked', 'true');

  // 答题卡 is a grid: one tab stop (the current question), arrows move, Enter opens.
  await tabTo(page, cell(1));
  await expectFocusVisible(cell(1));
  await expect(cell(2)).toHaveAttribute('tabindex', '-1');
  await expect(page.getByRole('grid', { name: '一、判断题' })).toBeVisible();
  await pressAndExpectFocus(page, 'ArrowRight', cell(2));
  await expect(head).toContainText('第 1 题'); // arrows in the grid move focus, not the question
  await pressAndExpectFocus(page, 'End', cell(13));
  await pressAndExpectFocus(page, 'Home', cell(1));
  await pressAndExpectFocus(page, 'ArrowDown', cell(1)); // a single row: nowhere to go
  for (let n = 2; n <= 6; n += 1) await pressAndExpectFocus(page, 'ArrowRight', cell(n));
  await expect(cell(6)).toHaveAttribute('tabindex', '0');
  await page.keyboard.press('Enter');
  await expect(head).toContainText('第 6 题');
  await page.keyboard.press('b'); // 单选题
  await expect(page.getByRole('radio', { name: /^B/ })).toHaveAttribute('aria-checked', 'true');

  for (let n = 7; n <= 11; n += 1) await page.keyboard.press('ArrowRight');
  await expectFocusVisible(cell(11));
  await page.keyboard.press(' ');
  await expect(head).toContainText('第 11 题');
  await page.keyboard.press('a'); // 多选题: A and C
  await page.keyboard.press('c');
  await expect(page.getByRole('checkbox', { name: /^A/ })).toHaveAttribute('aria-checked', 'true');
  await expect(page.getByRole('checkbox', { name: /^C/ })).toHaveAttribute('aria-checked', 'true');

  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Enter');
  await expect(head).toContainText('第 12 题');
  const blank = page.getByRole('textbox', { name: '第 1 空' });
  await tabTo(page, blank); // 填空题: the blank is named 第 1 空
  await page.keyboard.type('50');
  await page.keyboard.press('Alt+ArrowRight'); // leaves the field for the next question
  await expect(head).toContainText('第 13 题');
  const essay = page.getByRole('textbox', { name: /第 13 题/ });
  await tabTo(page, essay); // 简答题
  await page.keyboard.type('停电、验电、装设接地线');
  await expect(page.getByTestId('palette-counts')).toContainText('已答 5');
  // Typed text is saved after a short pause; submitting waits for every answer on the server.
  await expect
    .poll(() =>
      page.evaluate(async () => {
        const { answers } = await window.desktop.invoke('exam:resume', {});
        const { pending } = await window.desktop.invoke('exam:status', {});
        return { saved: answers.find((a) => a.itemId === 'sa1')?.value, pending };
      }),
    )
    .toEqual({ saved: { kind: 'text', text: '停电、验电、装设接地线' }, pending: 0 });

  // 检查并交卷: back to the button, Enter opens the dialog; Tab stays inside the dialog.
  const review = page.getByTestId('open-review');
  await tabTo(page, review, 60, true);
  await expectFocusVisible(review);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('review-dialog')).toContainText('未作答的题目（8）');
  const submit = page.getByTestId('review-submit');
  await tabTo(page, submit);
  await page.keyboard.press('Enter');
  const confirmSubmit = page.getByTestId('confirm-submit');
  await tabTo(page, confirmSubmit);
  await expectFocusVisible(confirmSubmit);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('submitted')).toBeVisible({ timeout: 15_000 });
});

test('time warnings are announced once through a polite live region', async ({ browser }) => {
  const practice = await startWebShellProcess('kiosk');
  try {
    const page = await openKioskPage(browser, practice.url, room);
    await page.clock.install();
    await page.reload();
    await page.getByRole('button', { name: '进入练习模式（不计分）' }).click();
    await expect(page.getByTestId('question-head')).toContainText('第 1 题');
    const announcer = page.getByTestId('time-announcer');
    await expect(announcer).toHaveAttribute('aria-live', 'polite');
    await expect(announcer).toHaveAttribute('role', 'status');
    await expect(announcer).toHaveText('');
    // The countdown itself is a timer, which screen readers do not read out each second.
    await expect(page.getByTestId('countdown')).toHaveAttribute('role', 'timer');
    await expect(page.getByTestId('countdown')).not.toHaveAttribute(
      'aria-live',
      /polite|assertive/,
    );

    await page.clock.fastForward('01:45:01'); // the practice paper runs 120 minutes
    await expect(announcer).toHaveText('距考试结束还有 15 分钟');
    // Seconds tick on screen; the live region does not change (nothing is re-announced).
    await page.evaluate(() => {
      const region = document.querySelector('[data-testid="time-announcer"]');
      const seen = { count: 0 };
      (window as unknown as { announced: typeof seen }).announced = seen;
      if (region !== null)
        new MutationObserver((records) => (seen.count += records.length)).observe(region, {
          childList: true,
          characterData: true,
          subtree: true,
        });
    });
    const before = await page.getByTestId('countdown').textContent();
    await page.clock.runFor(5_000);
    await expect(page.getByTestId('countdown')).not.toHaveText(before ?? '');
    await expect(announcer).toHaveText('距考试结束还有 15 分钟');
    const changes = await page.evaluate(
      () => (window as unknown as { announced: { count: number } }).announced.count,
    );
    expect(changes, 'the live region changed while the seconds ticked').toBe(0);

    await page.clock.fastForward('10:00');
    await expect(announcer).toHaveText('距考试结束还有 5 分钟，请抓紧时间');
  } finally {
    await practice.stop();
  }
});
