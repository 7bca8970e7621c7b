import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test, type Page } from '@playwright/test';
import { generatedItemsCsv } from '../test/support/generated-items';
import { startWebShellProcess, type RunningWebShell } from './support/web-shell-process';

/*
 * The import wizard's bar follows the real import (docs/decisions/0950): the host pushes the
 * engine's progress events to the page over the web shell's socket. A 3,000-row file: the bar
 * rises through several values to 100 % with the real count; a second import cancelled midway
 * leaves the bank's item count as it was and says so. Screenshots: test-results/import-progress/.
 */

const SHOTS = 'test-results/import-progress';
const ROWS = 3000;
const standardFile = fileURLToPath(
  new URL('../../../samples/electrician/standard.json', import.meta.url),
);

let shell: RunningWebShell;
let dataDir: string;

test.beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'import-progress-e2e-'));
  mkdirSync(SHOTS, { recursive: true });
  shell = await startWebShellProcess('author', {
    WEB_SHELL_BANK_DIR: join(dataDir, 'banks'),
    WEB_SHELL_JOURNAL_DIR: join(dataDir, 'journals'),
  });
});

test.afterAll(async () => {
  await shell.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

/** Records every value the bar shows (and its phase line) while an operation runs. */
async function recordBar(page: Page): Promise<void> {
  await page.evaluate(() => {
    const seen: { value: string | null; phase: string }[] = [];
    Object.assign(window, { barSamples: seen });
    const sample = () => {
      const bar = document.querySelector('[data-testid="import-progress"]');
      if (bar === null) return;
      const phase = document.querySelector('[data-testid="import-progress-phase"]');
      const value = bar.getAttribute('aria-valuenow');
      const last = seen.at(-1);
      if (last?.value !== value || last.phase !== (phase?.textContent ?? '')) {
        seen.push({ value, phase: phase?.textContent ?? '' });
      }
    };
    new MutationObserver(sample).observe(document.body, {
      subtree: true,
      childList: true,
      attributes: true,
      characterData: true,
    });
  });
}

async function barSamples(page: Page): Promise<{ value: string | null; phase: string }[]> {
  return page.evaluate(
    () =>
      (window as unknown as { barSamples: { value: string | null; phase: string }[] }).barSamples,
  );
}

async function bankItemCount(page: Page): Promise<number> {
  return page.evaluate(async () => (await window.desktop.invoke('bank:dashboard', {})).totalItems);
}

async function pickFile(page: Page, name: string, seed: number) {
  await page.locator('[data-testid="import-wizard"] input[type=file]').setInputFiles({
    name,
    mimeType: 'text/csv',
    buffer: Buffer.from(generatedItemsCsv(ROWS, seed), 'utf8'),
  });
  await expect(page.getByTestId('import-format')).toContainText('csv');
}

test('the import bar follows the real import to 100 %, and a cancelled import writes nothing', async ({
  page,
}) => {
  test.setTimeout(240_000);
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(String(error)));
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(`${shell.url}/#/author`);
  await page.getByTestId('user-id').fill('zhangsan');
  await page.getByTestId('user-name').fill('张三');
  for (const role of ['命题人员', '审题人员', '题库管理员']) {
    const box = page.getByTestId('user-roles').getByLabel(role);
    if ((role !== '审题人员') !== (await box.isChecked())) await box.click();
  }
  await page.getByTestId('sign-in').click();
  await page.getByTestId('new-bank-name').fill('进度');
  await page.getByTestId('create-bank').click();
  await page.getByTestId('standard-file').setInputFiles(standardFile);
  await expect(page.getByTestId('tree-A-A-001')).toBeVisible();
  await page.getByTestId('author-nav').getByText('导入导出').click();

  // 1. A 3,000-row file: dry run, then the import, the bar driven by the host's events.
  await pickFile(page, `生成-${ROWS}.csv`, 11);
  await page.getByTestId('import-dry-run').click();
  await expect(page.getByText(`检查完成：共 ${ROWS} 题，可导入 ${ROWS} 题`)).toBeVisible({
    timeout: 60_000,
  });
  await recordBar(page);
  await page.getByTestId('import-commit').click();
  await expect(page.getByTestId('import-progress-phase')).toContainText('写入');
  await expect(page.getByTestId('import-progress')).not.toHaveAttribute('aria-valuenow', '0');
  await page.screenshot({ path: `${SHOTS}/01-importing.png` });
  await expect(page.getByText(`导入完成：新增 ${ROWS} 题`)).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('import-progress')).toHaveAttribute('aria-valuenow', '100');
  await expect(page.getByTestId('import-progress-count')).toHaveText('完成：共 3,000 题');
  await page.screenshot({ path: `${SHOTS}/02-imported.png` });

  const writing = (await barSamples(page)).filter((s) => s.phase.startsWith('写入'));
  const values = writing.map((s) => Number(s.value));
  // Several real steps, never backwards, reaching the end of the file.
  expect(new Set(values.filter((v) => v > 0 && v < 100)).size).toBeGreaterThanOrEqual(2);
  expect(values).toEqual([...values].sort((a, b) => a - b));
  expect(values.at(-1)).toBe(100);
  expect(await bankItemCount(page)).toBe(ROWS);

  // 2. Another file, cancelled while it is being written: the bank keeps its 3,000 items.
  await page.getByRole('button', { name: '换一个文件' }).click();
  await pickFile(page, `生成-${ROWS}-2.csv`, 12);
  await page.getByTestId('import-dry-run').click();
  await expect(page.getByText(`检查完成：共 ${ROWS} 题，可导入 ${ROWS} 题`)).toBeVisible({
    timeout: 60_000,
  });
  await page.getByTestId('import-commit').click();
  await expect(page.getByTestId('import-progress-phase')).toContainText('写入');
  await page.getByTestId('import-progress-cancel').click();
  // The engine stops at its next pause and rolls back (a loaded machine may take a while).
  await expect(page.getByTestId('import-cancelled')).toHaveText('已取消，未写入任何内容', {
    timeout: 30_000,
  });
  await expect(page.getByTestId('import-progress')).toHaveCount(0);
  await page.screenshot({ path: `${SHOTS}/03-cancelled.png` });
  expect(await bankItemCount(page)).toBe(ROWS);

  expect(problems, problems.join('\n')).toEqual([]);
});
