import { expect, type Browser, type Locator, type Page } from '@playwright/test';
import type { Locale } from '@skillexam/shared';
import type { ExamRoom } from '../../test/support/exam-room';

/** The sections of the all-item-types paper (`allItemTypes`), one entry per item type. */
export const ITEM_TYPES = [
  { type: 'true_false', number: 1 },
  { type: 'single_choice', number: 6 },
  { type: 'multiple_choice', number: 11 },
  { type: 'fill_blank', number: 12 },
  { type: 'short_answer', number: 13 },
] as const;

export interface KioskPageOptions {
  readonly locale?: Locale;
  readonly viewport?: { readonly width: number; readonly height: number };
  /** 2 with half the viewport: the browser at 200 % zoom on that screen. */
  readonly deviceScaleFactor?: number;
  /** The kiosk's display settings before the page loads (text size 0–2, high contrast). */
  readonly display?: { readonly fontStep: number; readonly highContrast: boolean };
}

/** A kiosk page in its own browser context, opened at the login with the room's server. */
export async function openKioskPage(
  browser: Browser,
  shellUrl: string,
  room: ExamRoom,
  options: KioskPageOptions = {},
): Promise<Page> {
  const context = await browser.newContext({
    viewport: options.viewport ?? { width: 1024, height: 768 },
    deviceScaleFactor: options.deviceScaleFactor ?? 1,
    locale: options.locale === 'en' ? 'en-US' : 'zh-CN',
  });
  const settings = { locale: options.locale ?? 'zh-CN', display: options.display };
  await context.addInitScript((s) => {
    window.localStorage.setItem('skillexam.locale', s.locale);
    if (s.display !== undefined)
      window.localStorage.setItem('skillexam.kiosk.display', JSON.stringify(s.display));
  }, settings);
  const page = await context.newPage();
  await page.goto(`${shellUrl}/?server=${encodeURIComponent(room.server.url)}`);
  await expect(page.getByTestId('ticket')).toBeVisible();
  return page;
}

/** Admits every waiting candidate and starts the session (once; later calls only admit). */
export async function admitAndStart(room: ExamRoom, started: { value: boolean }): Promise<void> {
  await room.staff.call('proctor:admit', { sessionId: room.day.sessionId });
  if (!started.value) await room.staff.call('session:start', { sessionId: room.day.sessionId });
  started.value = true;
}

/** Opens question `number` through the 答题卡 and waits for it. */
export async function goToQuestion(page: Page, number: number): Promise<void> {
  await page.getByTestId(`palette-cell-${number}`).click();
  await expect(page.getByTestId('question-head')).toContainText(String(number));
}

/** Presses Tab (or Shift+Tab) until `target` has the focus; fails after `max` presses. */
export async function tabTo(page: Page, target: Locator, max = 40, backwards = false) {
  for (let i = 0; i < max; i += 1) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
  }
  await expect(target).toBeFocused();
}

/** Whether the element is inside the viewport once scrolled to, and not hidden or clipped. */
export async function expectReachable(target: Locator): Promise<void> {
  await expect(target).toBeVisible();
  // scrolled again on each try: a growing text area or a late layout may move it meanwhile
  await expect(async () => {
    // as a candidate scrolls: just far enough to see all of it
    await target.evaluate((el) => el.scrollIntoView({ block: 'nearest', inline: 'nearest' }));
    const box = await target.boundingBox();
    const viewport = target.page().viewportSize();
    if (box === null || viewport === null) throw new Error('not laid out');
    // wholly visible; one taller than the screen (a long answer field) fills it instead
    const ratio = Math.min(1, viewport.height / box.height) - 0.001;
    await expect(target).toBeInViewport({ ratio, timeout: 500 });
    expect(box.x, 'cut off on the left').toBeGreaterThanOrEqual(0);
    expect(box.x + box.width, 'cut off on the right').toBeLessThanOrEqual(viewport.width);
  }).toPass({ timeout: 5_000 });
}
