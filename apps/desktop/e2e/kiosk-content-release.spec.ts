import { join } from 'node:path';
import { expect, test, type Browser, type Page } from '@playwright/test';
import type { ResultsSummary } from '@skillexam/shared';
import { openExamRoom, type ExamRoom } from '../test/support/exam-room';
import { readTree } from './support/disk-scan';
import { startRecordingProxy, type RecordingProxy } from './support/recording-proxy';
import { startWebShellProcess, type RunningWebShell } from './support/web-shell-process';

/*
 * Two candidates at once on two kiosks (two hosts, two browsers) against the real proctor
 * server, with a paper that shuffles items and options per candidate:
 *  - content release: nothing of the paper reaches the wire in plain text (a recording proxy
 *    keeps every byte the server sent), the renderer before the start (bridge frames), or the
 *    kiosk's disk (journals and settings) before or after the start; no answer key ever;
 *  - different option orders, the same logical answers, the same full score;
 *  - screenshots of every kiosk screen at 1024×768.
 */

const STEM_MARKERS = ['判断题 tf', '单选题 sc', '按图接线', '选项 A', '选项 B'];
/** How an answer key or scoring data would look in JSON. */
const KEY_MARKERS =
  /"key"\s*:\s*("[A-F]"|true|false|\[)|"explanation"|"assessmentPointId"|"answerKeys"/;

let room: ExamRoom;
/** The item order and each choice item's option order, as each candidate saw them. */
const seen: { items: string[]; options: Map<string, string[]> }[] = [];
let proxy: RecordingProxy;
const shells: RunningWebShell[] = [];
const kioskDir = (n: number) => join(room.dir, `kiosk-${n}`);

const shot = (page: Page, name: string) =>
  page.screenshot({ path: `test-results/screenshots/kiosk-1024-${name}.png` });

interface Kiosk {
  readonly page: Page;
  /** Every message the host pushed or answered to the renderer (bridge WebSocket). */
  readonly bridge: string[];
}

async function openKiosk(browser: Browser, n: number): Promise<Kiosk> {
  const context = await browser.newContext({
    viewport: { width: 1024, height: 768 },
    locale: 'zh-CN',
  });
  const page = await context.newPage();
  const bridge: string[] = [];
  page.on('websocket', (ws) =>
    ws.on('framereceived', (frame) => bridge.push(String(frame.payload))),
  );
  const shell = shells[n - 1];
  if (shell === undefined) throw new Error('web shell missing');
  await page.goto(`${shell.url}/?server=${encodeURIComponent(proxy.url)}`);
  return { page, bridge };
}

const expectNoPaperIn = (text: string, where: string) => {
  for (const marker of STEM_MARKERS)
    expect(text, `${where} holds "${marker}"`).not.toContain(marker);
};

test.beforeAll(async () => {
  test.setTimeout(180_000);
  // Plain HTTP on purpose (decision 0231): the recording proxy must see that the sealed paper
  // is unreadable even without TLS; every other suite runs over HTTPS.
  room = await openExamRoom(
    'content-release-',
    2,
    {
      allowPracticeClients: true,
      earliestSubmissionMinutes: 0,
      variation: { shuffleItems: true, shuffleOptions: true },
    },
    false,
  );
  proxy = await startRecordingProxy(Number(new URL(room.server.url).port));
  for (const n of [1, 2]) {
    shells.push(
      await startWebShellProcess('kiosk', {
        WEB_SHELL_JOURNAL_DIR: join(kioskDir(n), 'journals'),
      }),
    );
  }
});

test.afterAll(async () => {
  for (const shell of shells) await shell.stop();
  await proxy?.close();
  await room?.close();
});

test.describe.configure({ mode: 'serial' });

test('two candidates: sealed content, the same logical answers, the same score; every screen at 1024×768', async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const { day, staff } = room;
  const kiosks = [await openKiosk(browser, 1), await openKiosk(browser, 2)];
  const first = kiosks[0]?.page;
  if (first === undefined) throw new Error('kiosk 1 missing');

  // Login, identity, waiting room: the sealed paper is downloaded while waiting.
  for (const [i, { page }] of kiosks.entries()) {
    const candidate = day.candidates[i];
    if (candidate === undefined) throw new Error('the roster issued too few exam codes');
    await page.getByTestId('ticket').fill(candidate.ticket);
    await page.getByTestId('exam-code').fill(candidate.code);
    await expect(page.getByTestId('server-picker')).toBeVisible({ timeout: 10_000 });
    if (i === 0) await shot(page, '1-login');
    await page.getByTestId('login').click();
    await expect(page.getByTestId('identity')).toContainText(`考生${i + 1}`);
    await expect(page.getByTestId('identity')).toContainText('电工');
    if (i === 0) {
      // Candidate 1's roster photo is shown; candidate 2 has none.
      await expect(page.getByTestId('identity-photo').locator('img')).toHaveAttribute(
        'src',
        /^data:image\/png;base64,/,
      );
      await shot(page, '2-identity');
    } else {
      await expect(page.getByTestId('identity-photo')).toContainText('无照片');
    }
    await page.getByTestId('confirm-identity').click();
    await expect(page.getByTestId('paper-state')).toContainText('试卷已下载到本机', {
      timeout: 15_000,
    });
  }
  await shot(first, '3-waiting');

  // Before the start: the ciphertext crossed the wire, the paper did not; nor does the renderer
  // or the disk hold any of it. Positive controls prove each channel is really being read.
  const wireBefore = proxy.fromServer();
  expect(wireBefore).toContain('考生1');
  expect(wireBefore).toContain('"ciphertext"');
  expectNoPaperIn(wireBefore, 'the wire before the start');
  expect(wireBefore).not.toMatch(KEY_MARKERS);
  for (const [i, kiosk] of kiosks.entries()) {
    const frames = kiosk.bridge.join('\n');
    expect(frames).toContain(`考生${i + 1}`);
    expectNoPaperIn(frames, 'the renderer before the start');
    const disk = readTree(kioskDir(i + 1));
    expect(disk.files.some((f) => f.endsWith('.journal.db'))).toBe(true);
    expect(disk.text).toContain('aes-256-gcm'); // the sealed paper is stored
    expectNoPaperIn(disk.text, `kiosk ${i + 1}'s disk before the start`);
  }

  // A proctor message reaches every kiosk.
  await staff.call('proctor:message', {
    sessionId: day.sessionId,
    text: '请关闭手机，考试即将开始。',
  });
  for (const { page } of kiosks)
    await expect(page.getByTestId('proctor-notices')).toContainText('请关闭手机');
  await shot(first, '4-proctor-message');
  for (const { page } of kiosks)
    await page.getByTestId('proctor-notices').getByRole('button').click();

  await staff.call('proctor:admit', { sessionId: day.sessionId });
  await staff.call('session:start', { sessionId: day.sessionId });

  // Each candidate answers every question with the canonical key (true / "选项 B"), wherever
  // their paper shows it, and we note the order they saw.
  seen.length = 0;
  for (const [k, { page }] of kiosks.entries()) {
    await expect(page.getByTestId('question-head')).toContainText('第 1 题', { timeout: 20_000 });
    const items: string[] = [];
    const options = new Map<string, string[]>();
    for (let q = 0; q < 10; q++) {
      const stem = (await page.locator('.item-body.stem').innerText()).trim();
      items.push(stem);
      const texts = await page.locator('.option .option-text').allInnerTexts();
      if (texts.some((t) => t.includes('选项'))) {
        options.set(
          stem,
          texts.map((t) => t.trim()),
        );
        await page.locator('.option', { hasText: '选项 B' }).click();
      } else {
        await page.keyboard.press('t');
      }
      if (stem.includes('按图接线')) {
        const img = page.locator('.item-body.stem img');
        await expect(img).toBeVisible();
        expect(await img.evaluate((el) => (el as HTMLImageElement).naturalWidth)).toBe(160);
        expect(await img.getAttribute('src')).toMatch(/^data:image\/png;base64,/);
        if (k === 0) await shot(page, '5-exam-image');
      }
      if (q < 9) await page.keyboard.press('ArrowRight');
    }
    await expect(page.getByTestId('palette-counts')).toContainText('已答 10');
    await expect(page.getByTestId('save-status')).toContainText('已同步到服务器', {
      timeout: 15_000,
    });
    seen.push({ items, options });
  }
  await shot(first, '6-exam-all-answered');

  // After the start: the renderer has the paper (released), never a key; the wire and the
  // disk still have neither.
  for (const [i, kiosk] of kiosks.entries()) {
    const frames = kiosk.bridge.join('\n');
    expect(frames).toContain('单选题 sc');
    expect(frames).not.toMatch(KEY_MARKERS);
    expectNoPaperIn(readTree(kioskDir(i + 1)).text, `kiosk ${i + 1}'s disk after the start`);
  }
  const wireAfter = proxy.fromServer();
  expect(wireAfter).toContain('"keyId"'); // the content key was released over the wire
  expectNoPaperIn(wireAfter, 'the wire after the start');
  expect(wireAfter).not.toMatch(KEY_MARKERS);

  // The pause overlay.
  const attemptId = await first.evaluate(
    async () => (await window.desktop.invoke('exam:status', {})).attempt.attemptId,
  );
  await staff.call('proctor:pause', { attemptId, reason: '测试：暂停' });
  await expect(first.getByTestId('pause-overlay')).toContainText('考试已暂停');
  // The questions are covered while the clock is frozen, and nothing can be answered.
  expect(await first.getByTestId('pause-overlay').boundingBox()).toEqual({
    x: 0,
    y: 0,
    width: 1024,
    height: 768,
  });
  await first.keyboard.press('ArrowLeft');
  await shot(first, '7-paused');
  await staff.call('proctor:resume', { attemptId });
  await expect(first.getByTestId('pause-overlay')).toBeHidden();
  await expect(first.getByTestId('question-head')).toContainText('第 10 题');

  // Review and submit, both.
  for (const [i, { page }] of kiosks.entries()) {
    await page.getByRole('button', { name: '检查并交卷' }).click();
    await expect(page.getByTestId('review-dialog')).toBeVisible();
    if (i === 0) await shot(page, '8-review');
    await page.getByTestId('review-submit').click();
    if (i === 0) await shot(page, '9-confirm-submit');
    await page.getByTestId('confirm-submit').click();
    await expect(page.getByText('已交卷')).toBeVisible({ timeout: 15_000 });
    if (i === 0) await shot(page, '10-submitted');
  }

  // Different orders, same logical answers, the same (full) score.
  const summary = (await staff.call('results:summary', {
    sessionId: day.sessionId,
  })) as ResultsSummary;
  const totals = day.candidates
    .slice(0, 2)
    .map((c) => summary.rows.find((r) => r.admissionTicketNumber === c.ticket)?.total);
  expect(totals).toEqual([100, 100]);
});

test('each candidate saw their own order of the items and options', () => {
  const [a, b] = seen;
  if (a === undefined || b === undefined) throw new Error('the first test did not run');
  expect([...a.items].sort()).toEqual([...b.items].sort());
  const differs =
    a.items.join('|') !== b.items.join('|') ||
    [...a.options].some(([stem, order]) => b.options.get(stem)?.join('|') !== order.join('|'));
  expect(differs, 'both candidates saw the same order: the paper did not vary').toBe(true);
});
