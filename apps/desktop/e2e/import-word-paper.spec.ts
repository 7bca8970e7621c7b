import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test, type Page } from '@playwright/test';
import { startWebShellProcess, type RunningWebShell } from './support/web-shell-process';

/*
 * A bank admin imports a Word paper in the workbench: the dry run shows every question as the
 * candidate will see it, with its key and 解析, and the problems with their paragraph.
 */

const SHOTS = 'test-results/author';
const standardFile = fileURLToPath(
  new URL('../../../samples/electrician/standard.json', import.meta.url),
);
const paper = (name: string) =>
  fileURLToPath(
    new URL(
      `../../../packages/item-bank/test/import-export/fixtures/docx-papers/${name}`,
      import.meta.url,
    ),
  );

let shell: RunningWebShell;
let dataDir: string;

async function signIn(page: Page) {
  await page.getByTestId('user-id').fill('wanggang');
  await page.getByTestId('user-name').fill('王刚');
  const box = page.getByTestId('user-roles').getByLabel('题库管理员');
  if (!(await box.isChecked())) await box.click();
  await page.getByTestId('sign-in').click();
}

test.beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'word-paper-e2e-'));
  shell = await startWebShellProcess('author', {
    WEB_SHELL_BANK_DIR: join(dataDir, 'banks'),
    WEB_SHELL_JOURNAL_DIR: join(dataDir, 'journals'),
  });
});

test.afterAll(async () => {
  await shell.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

test('a Word paper: the dry run previews each question with its key and 解析, problems by paragraph', async ({
  page,
}) => {
  test.setTimeout(90_000);
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(`${shell.url}/#/author`);
  await signIn(page);
  await page.getByTestId('new-bank-name').fill('试卷导入');
  await page.getByTestId('create-bank').click();
  await page.getByTestId('standard-file').setInputFiles(standardFile);
  await expect(page.getByTestId('tree-A-A-001')).toBeVisible();
  await page.getByTestId('author-nav').getByText('导入导出').click();

  const input = page.locator('[data-testid="import-wizard"] input[type=file]');
  await input.setInputFiles(paper('key-part.docx'));
  await expect(page.getByTestId('import-format')).toContainText('docx');
  await page.getByTestId('import-dry-run').click();
  const preview = page.getByTestId('import-preview');
  await expect(preview).toContainText('共 7 题，显示 7 题');
  const entries = preview.getByTestId('import-preview-item');
  await expect(entries).toHaveCount(7);
  await expect(entries.nth(0)).toContainText('key-part.docx 单项选择题 第1题');
  await expect(entries.nth(0)).toContainText('我国工频交流电的频率为');
  await expect(entries.nth(0).getByTestId('import-preview-key')).toContainText('B');
  await expect(entries.nth(0).getByTestId('import-preview-explanation')).toContainText(
    '我国电网标准频率为 50Hz',
  );
  await expect(entries.nth(4)).toContainText('判断题 第2题');
  await expect(entries.nth(4).getByTestId('import-preview-key')).toContainText('×');
  await expect(entries.nth(5).getByTestId('import-preview-key')).toContainText(
    '（2）先检查三相电源',
  );
  await page.screenshot({ path: `${SHOTS}/word-paper-preview.png`, fullPage: true });

  await page.getByText('换一个文件').click();
  await input.setInputFiles(paper('key-part-mismatch.docx'));
  await page.getByTestId('import-dry-run').click();
  const issues = page.getByTestId('import-issues');
  await expect(issues).toContainText('参考答案中有第4题');
  await expect(issues).toContainText('（第12段）');
  await expect(issues).toContainText('单项选择题 第2题');
  await expect(page.getByTestId('import-preview').getByTestId('import-preview-item')).toHaveCount(
    2,
  );

  // A paper with a WebP picture: shown from the file before the import; the EMF one is named.
  await page.getByText('换一个文件').click();
  await input.setInputFiles(paper('tabs-and-pictures.docx'));
  await page.getByTestId('import-dry-run').click();
  const first = page.getByTestId('import-preview').getByTestId('import-preview-item').first();
  await expect(first.locator('img')).toHaveAttribute('src', /^data:image\/webp;base64,/);
  await expect(page.getByTestId('import-issues')).toContainText('图片“接线图”是 EMF 格式');
});
