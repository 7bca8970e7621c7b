/* eslint-disable no-console */
/**
 * `npm run bench:kiosk`: how long moving between questions takes on the 200-item practice
 * paper in Chromium (target < 50 ms). For each of 199 → presses it measures, inside the page,
 * the time until the question number in the DOM changed and until the next frame was painted.
 */
import { chromium } from '@playwright/test';
import { chromiumPath } from '../../../playwright.config';
import { startWebShellProcess } from '../e2e/support/web-shell-process';

const json = process.argv.includes('--json');
const shell = await startWebShellProcess('kiosk');
const browser = await chromium.launch({
  executablePath: chromiumPath,
  args: ['--no-sandbox', '--disable-gpu'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(shell.url);
  // The kiosk opens at the candidate login; the practice paper needs no server.
  await page.getByRole('button', { name: '进入练习模式（不计分）' }).click();
  await page.getByTestId('question-head').waitFor();
  // No named inner functions here: tsx would wrap them in a helper the page does not have.
  const samples = await page.evaluate(async (count: number) => {
    const head = document.querySelector('[data-testid="question-head"]');
    if (head === null) throw new Error('no question head');
    const toDom: number[] = [];
    const toPaint: number[] = [];
    for (let i = 0; i < count; i += 1) {
      const before = head.textContent;
      const t0 = performance.now();
      window.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }));
      while (head.textContent === before)
        await Promise.resolve().then(() => new Promise((r) => setTimeout(r, 0)));
      toDom.push(performance.now() - t0);
      await new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
      toPaint.push(performance.now() - t0);
    }
    return { toDom, toPaint };
  }, 199);
  const stats = (values: number[]) => {
    const sorted = [...values].sort((a, b) => a - b);
    const at = (q: number) =>
      sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
    return {
      p50: +at(0.5).toFixed(1),
      p95: +at(0.95).toFixed(1),
      max: +(sorted.at(-1) ?? 0).toFixed(1),
    };
  };
  const result = {
    moves: samples.toDom.length,
    toDomMs: stats(samples.toDom),
    toNextFrameMs: stats(samples.toPaint),
    targetMs: 50,
  };
  if (json) console.log(JSON.stringify(result));
  else {
    console.log(`question navigation on a 200-item paper (${result.moves} moves, Chromium)`);
    console.log(
      `  until the DOM shows the next question: p50 ${result.toDomMs.p50} ms, p95 ${result.toDomMs.p95} ms, max ${result.toDomMs.max} ms`,
    );
    console.log(
      `  until the next frame is painted:       p50 ${result.toNextFrameMs.p50} ms, p95 ${result.toNextFrameMs.p95} ms, max ${result.toNextFrameMs.max} ms`,
    );
    console.log(`  target: < ${result.targetMs} ms`);
  }
} finally {
  await browser.close();
  await shell.stop();
}
