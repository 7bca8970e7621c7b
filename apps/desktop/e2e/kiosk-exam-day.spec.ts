import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import type { ClientEventName, ClientPayload } from '@skillexam/shared';
import type { ExamDay } from '../test/support/exam-day';
import { openExamRoom, type ExamRoom } from '../test/support/exam-room';
import type { ProctorServerProcess } from '../test/support/proctor-server-process';
import { startWebShellProcess, type RunningWebShell } from './support/web-shell-process';

/*
 * A candidate's whole exam in Chromium, against the real proctor server with a real signed
 * package and roster: login, identity, waiting room, answering by keyboard, the server killed
 * and restarted (离线 → 已同步到服务器), the page closed and reopened (same question, same
 * answers), review and submit. Screenshots of every screen go to test-results/screenshots/.
 */

let room: ExamRoom;
let day: ExamDay;
let server: ProctorServerProcess;
let shell: RunningWebShell;

const shot = (page: Page, name: string) =>
  page.screenshot({ path: `test-results/screenshots/exam-day-${name}.png` });

const staffCall = <E extends ClientEventName>(event: E, payload: ClientPayload<E>) =>
  room.staff.call(event, payload);

test.beforeAll(async () => {
  test.setTimeout(180_000);
  room = await openExamRoom(
    'exam-day-',
    2,
    { allowPracticeClients: true, earliestSubmissionMinutes: 0 },
    true, // HTTPS/WSS; the web shell pins the site CA the server printed
  );
  ({ day, server } = room);
  expect(server.url).toMatch(/^https:\/\//);
  shell = await startWebShellProcess('kiosk', {
    WEB_SHELL_JOURNAL_DIR: join(room.dir, 'journals'),
    WEB_SHELL_SERVER_FINGERPRINT: server.fingerprint ?? '',
  });
});

test.afterAll(async () => {
  await shell?.stop();
  await room?.close();
});

test('a candidate sits the exam through a server power cut and a page reload', async ({ page }) => {
  test.setTimeout(180_000);
  const candidate = day.candidates[0];
  if (candidate === undefined) throw new Error('the roster issued no exam codes');
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(`${shell.url}/?server=${encodeURIComponent(server.url)}`);

  await page.getByTestId('ticket').fill(candidate.ticket);
  await page.getByTestId('exam-code').fill(candidate.code);
  await shot(page, '1-login');
  await page.getByTestId('login').click();

  await expect(page.getByTestId('identity')).toContainText('考生1');
  await expect(page.getByTestId('identity')).toContainText(/110105\*+/);
  await expect(page.getByTestId('identity')).toContainText('电工（6-31-01-03）');
  await expect(page.getByTestId('identity')).toContainText('四级');
  await shot(page, '2-identity');
  await page.getByTestId('confirm-identity').click();
  await expect(page.getByText('等待开考')).toBeVisible();
  await shot(page, '3-waiting');

  await staffCall('proctor:admit', { sessionId: day.sessionId });
  await staffCall('session:start', { sessionId: day.sessionId });
  const head = page.getByTestId('question-head');
  await expect(head).toContainText('第 1 题', { timeout: 15_000 });
  await expect(page.getByTestId('countdown')).toContainText(/剩余时间 (59|1:00):/);

  // No answer key or explanation ever reaches the page.
  const resumed = await page.evaluate(() => window.desktop.invoke('exam:resume', {}));
  expect(JSON.stringify(resumed)).not.toMatch(/"key"|"explanation"|assessmentPoint/);

  const save = page.getByTestId('save-status');
  for (const key of ['t', 'ArrowRight', 'f', 'ArrowRight', 't']) await page.keyboard.press(key);
  await expect(save).toContainText('已同步到服务器');
  await shot(page, '4-exam-synced');

  await server.kill();
  await expect(save).toContainText('离线', { timeout: 20_000 });
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('t');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('f');
  await expect(page.getByTestId('palette-counts')).toContainText('已答 5');
  // The countdown keeps running while the server is unreachable.
  const offlineAt = await page.getByTestId('countdown').textContent();
  await expect(page.getByTestId('countdown')).not.toHaveText(offlineAt ?? '', { timeout: 3000 });
  await shot(page, '5-offline');
  await server.start();
  await expect(save).toContainText('已同步到服务器', { timeout: 30_000 });

  // The candidate's page is closed and reopened: same question, same answers, same clock.
  const before = secondsOf(await page.getByTestId('countdown').textContent());
  const reloadStarted = Date.now();
  await page.reload();
  await expect(head).toContainText('第 5 题', { timeout: 15_000 });
  await expect(page.getByTestId('palette-counts')).toContainText('已答 5');
  const after = secondsOf(await page.getByTestId('countdown').textContent());
  const elapsed = Math.ceil((Date.now() - reloadStarted) / 1000);
  // Same clock: it went on counting down across the reload, never back up.
  expect(after).toBeLessThanOrEqual(before);
  expect(after).toBeGreaterThanOrEqual(before - elapsed - 1);
  await shot(page, '6-reloaded');

  await page.getByRole('button', { name: '检查并交卷' }).click();
  await expect(page.getByTestId('review-dialog')).toContainText('未作答的题目（5）');
  await page.getByTestId('review-submit').click();
  await page.getByTestId('confirm-submit').click();
  await expect(page.getByText('已交卷')).toBeVisible({ timeout: 15_000 });
  await shot(page, '7-submitted');
});

/** "59:48" or "1:00:02" → seconds. */
function secondsOf(text: string | null): number {
  const parts = (text ?? '').match(/\d+/g)?.map(Number) ?? [];
  if (parts.length < 2) throw new Error(`not a countdown: ${text}`);
  return parts.reduce((total, part) => total * 60 + part, 0);
}
