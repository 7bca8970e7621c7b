import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';
import { expect, test, type Page } from '@playwright/test';
import { generateServerKeyPair } from '@skillexam/item-bank';
import { startWebShellProcess, type RunningWebShell } from './support/web-shell-process';

/*
 * The author workbench in Chromium through the web shell, end to end: a writer
 * writes an item with an image and a formula and submits it; the writer cannot approve it; a
 * reviewer approves it. Screenshots go to test-results/author/.
 */

const SHOTS = 'test-results/author';
const qbank = fileURLToPath(new URL('../../../packages/item-bank/bin/qbank.js', import.meta.url));
const standardFile = fileURLToPath(
  new URL('../../../samples/electrician/standard.json', import.meta.url),
);

let shell: RunningWebShell;
let dataDir: string;

function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k += 1) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

/** A small real PNG (a blue square with a red diagonal), built from scratch. */
function makePng(size = 48): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body), 8 + data.length);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // RGB
  const raw = Buffer.alloc((size * 3 + 1) * size);
  for (let y = 0; y < size; y += 1) {
    for (let x = 0; x < size; x += 1) {
      const at = y * (size * 3 + 1) + 1 + x * 3;
      const diagonal = Math.abs(x - y) < 3;
      raw[at] = diagonal ? 220 : 31;
      raw[at + 1] = diagonal ? 40 : 95;
      raw[at + 2] = diagonal ? 40 : 191;
    }
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

async function signIn(page: Page, id: string, name: string, roles: string[]) {
  await page.getByTestId('user-id').fill(id);
  await page.getByTestId('user-name').fill(name);
  for (const role of ['命题人员', '审题人员', '题库管理员']) {
    const box = page.getByTestId('user-roles').getByLabel(role);
    if (roles.includes(role) !== (await box.isChecked())) await box.click();
  }
  await page.getByTestId('sign-in').click();
}

test.beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'author-e2e-'));
  shell = await startWebShellProcess('author', {
    WEB_SHELL_BANK_DIR: join(dataDir, 'banks'),
    WEB_SHELL_JOURNAL_DIR: join(dataDir, 'journals'),
  });
});

test.afterAll(async () => {
  await shell.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

test('write an item with an image and a formula, approve it as another user, assemble a paper and export a verified package', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(String(error)));
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(msg.text());
  });
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(shell.url);
  await page.getByTestId('open-author').click();

  // 1. A writer (who may also review) signs in and creates a bank.
  await signIn(page, 'zhangsan', '张三', ['命题人员', '审题人员', '题库管理员']);
  await expect(page.getByTestId('gate-current-user')).toHaveText('张三');
  await page.getByTestId('new-bank-name').fill('电工四级');
  await page.screenshot({ path: `${SHOTS}/01-bank-gate.png` });
  await page.getByTestId('create-bank').click();
  await expect(page.getByTestId('bank-name')).toHaveText('电工四级.qbank');

  // 2. Import the standard; the tree shows 鉴定范围 / 鉴定点 with counts.
  await page.getByTestId('standard-file').setInputFiles(standardFile);
  await expect(page.getByText('已导入标准：电工 2018')).toBeVisible();
  const point = page.getByTestId('tree-A-A-001');
  await expect(point).toContainText('职业道德的基本概念与作用');
  await expect(point).toContainText('0/0');
  await page.screenshot({ path: `${SHOTS}/02-standards-tree.png` });

  // 3. A new single-choice item for that point: stem with a formula and an image, four options.
  await point.click();
  await page.getByTestId('new-item').click();
  const stem = page.getByTestId('stem-editor-input');
  await stem.click();
  await page.keyboard.type('电阻消耗的功率可按公式 ');
  await page.getByTestId('stem-editor-formula').click();
  await page.getByTestId('formula-input').fill('P=I^2R');
  await expect(page.getByTestId('formula-preview').locator('.katex')).toBeVisible();
  await page.getByRole('button', { name: /确\s*定/ }).click();
  await expect(stem.getByTestId('editor-formula').locator('.katex')).toBeVisible();
  await page.keyboard.type(' 计算，下图中的电阻功率（  ）。');
  await page.getByTestId('stem-editor-file').setInputFiles({
    name: 'circuit.png',
    mimeType: 'image/png',
    buffer: makePng(),
  });
  await expect(stem.getByTestId('editor-image')).toHaveAttribute('src', /^data:image\/png;base64,/);

  const options = ['与电流成正比', '与电流的平方成正比', '与电阻成反比', '与电压无关'];
  for (const [index, text] of options.entries()) {
    const letter = 'ABCD'[index] ?? 'A';
    await page.getByTestId(`option-${letter}-input`).click();
    await page.keyboard.type(text);
  }
  // Bold a word in option B with Ctrl+B (the keyboard path).
  await page.getByTestId('option-B-input').click();
  await page.keyboard.press('End');
  await page.keyboard.press('Control+b');
  await page.keyboard.type('（纯电阻）');
  await page.getByTestId('option-key-B').click();
  await page.getByTestId('explanation-editor-input').click();
  await page.keyboard.type('由 P=UI 与 U=IR 得 P=I²R。');
  await expect(page.getByTestId('save-state')).toHaveText('已保存', { timeout: 10_000 });

  // The preview is the candidate's view (shared renderer): formula by KaTeX, the image, options.
  const preview = page.getByTestId('item-preview');
  const firstParagraph = preview.locator('.author-preview-stem p').first();
  await expect(firstParagraph).toContainText('电阻消耗的功率可按公式');
  await expect(firstParagraph.locator('.katex')).toBeVisible();
  await expect(firstParagraph).toContainText('计算，下图中的电阻功率（  ）。');
  await expect(preview.locator('.author-preview-stem > *').nth(1)).toHaveClass('rc-image');
  await expect(preview.locator('img.rc-image')).toHaveAttribute('src', /^data:image\/png/);
  await expect(preview).toContainText('与电流的平方成正比（纯电阻）');
  await expect(preview.locator('strong')).toHaveText('（纯电阻）');
  await page.screenshot({ path: `${SHOTS}/03-item-editor.png`, fullPage: true });

  // 4. Submit for review.
  await page.getByTestId('submit-item').click();
  await expect(page.getByText('已提交审核')).toBeVisible();
  await expect(page.getByTestId('status-tag').first()).toHaveText('审核中');

  // 5. The writer cannot approve the own item: the queue says why, the bank refuses.
  await page.getByTestId('author-nav').getByText('审核队列').click();
  await page.getByTestId('review-row').first().click();
  await expect(page.getByTestId('own-item-warning')).toBeVisible();
  await page.getByTestId('approve-item').click();
  await expect(page.getByTestId('review-error')).toContainText('不能审核通过自己编写或修改的试题');
  await page.screenshot({ path: `${SHOTS}/04-review-own-item.png`, fullPage: true });

  // 6. Another user, a reviewer, approves it.
  await page.getByTestId('switch-user').hover();
  await page.getByText('切换或添加用户…').click();
  await signIn(page, 'lisi', '李四', ['审题人员']);
  await expect(page.getByTestId('current-user')).toHaveText('李四');
  await page.getByTestId('review-row').first().click();
  const detail = page.getByTestId('review-detail');
  await expect(detail.locator('.katex').first()).toBeVisible();
  await expect(detail.locator('img.rc-image')).toHaveAttribute('src', /^data:image\/png/);
  await expect(page.getByTestId('review-key')).toHaveText('B');
  await expect(page.getByTestId('own-item-warning')).toHaveCount(0);
  await page.getByTestId('review-comment').fill('表述准确，同意入库');
  await page.screenshot({ path: `${SHOTS}/05-review-as-reviewer.png`, fullPage: true });
  await page.getByTestId('approve-item').click();
  await expect(page.getByText('已审核通过')).toBeVisible();
  await expect(page.getByText('没有待审核的试题')).toBeVisible();

  // 7. The list and the tree show it approved; its history has the review trail.
  await page.getByTestId('author-nav').getByText('试题', { exact: true }).click();
  await expect(page.getByTestId('tree-A-A-001')).toContainText('1/1');
  const row = page.getByTestId('item-table').locator('.ant-table-row').first();
  await expect(row).toContainText('已通过');
  await page.screenshot({ path: `${SHOTS}/06-item-list.png`, fullPage: true });
  await row.getByText('电阻消耗的功率').click();
  await page.getByTestId('open-history').click();
  await expect(page.locator('.ant-drawer').getByText(/表述准确，同意入库/)).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/07-history.png`, fullPage: true });
  await page.keyboard.press('Escape');

  // 8. The dashboard charts the bank.
  await page.getByTestId('author-nav').getByText('题库看板').click();
  await expect(page.getByTestId('chart-coverage').locator('canvas')).toBeVisible();
  await page.waitForTimeout(1500); // let the chart animations finish before the screenshot
  await page.screenshot({ path: `${SHOTS}/08-dashboard.png`, fullPage: true });

  // 9. A blueprint the one approved item can fill: one single-choice item worth 100 points,
  // no range quotas, no difficulty mix. The feasibility check follows every edit. Assembly and
  // packages are the bank admin's work: back to 张三.
  await page.getByTestId('switch-user').hover();
  await page.getByRole('menuitem', { name: /张三（zhangsan）/ }).click();
  await expect(page.getByTestId('current-user')).toHaveText('张三');
  await page.getByTestId('author-nav').getByText('组卷').click();
  await expect(page.getByTestId('feasibility')).toContainText('无法组卷');
  // The default is the level's usual paper (单选 then 判断); one approved item cannot fill it.
  await expect(page.getByTestId('draft-note')).toContainText('不足以组出这样的试卷');
  await page.getByTestId('section-remove-1').click();
  await expect(page.getByTestId('draft-note')).toHaveCount(0);
  await page.getByTestId('section-count-0').fill('1');
  await page.getByTestId('section-points-0').fill('100');
  await page.getByTestId('section-points-0').blur();
  await expect(page.getByTestId('full-marks')).toHaveText('100');
  await page.getByTestId('difficulty-mix').click();
  await page.getByTestId('free-allocation').click();
  await expect(page.getByTestId('feasible')).toContainText('需要 1 题，可用已审核试题 1 道');
  await page.getByTestId('assemble').click();
  const form = page.getByTestId('assembled-form');
  await expect(form).toContainText('全部约束满足', { timeout: 30_000 });
  await page.screenshot({ path: `${SHOTS}/09-assembly.png`, fullPage: true });
  await page.getByTestId('paper-preview').click();
  const paperPreview = page.getByTestId('paper-preview-body');
  await expect(paperPreview.locator('.katex').first()).toBeVisible();
  await expect(paperPreview.locator('img.rc-image')).toHaveAttribute('src', /^data:image\/png/);
  await page.waitForTimeout(500); // the dialog's opening animation
  await page.screenshot({ path: `${SHOTS}/10-paper-preview.png` });
  await page.keyboard.press('Escape');

  // 10. The paper as PDF, the signing key, and a signed, encrypted package for one site.
  const pdf = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('paper-pdf').click(),
  ]);
  const pdfPath = join(dataDir, 'paper.pdf');
  await pdf[0].saveAs(pdfPath);
  expect(readFileSync(pdfPath).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  const signing = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('signing-key').click(),
  ]);
  const trustedKey = join(dataDir, 'signing.pub.pem');
  await signing[0].saveAs(trustedKey);
  const site = generateServerKeyPair();
  const sitePublic = join(dataDir, 'site.pub.pem');
  const sitePrivate = join(dataDir, 'site.key.pem');
  writeFileSync(sitePublic, site.publicKeyPem);
  writeFileSync(sitePrivate, site.privateKeyPem);
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    page.getByTestId('export-package').click(),
  ]);
  const [pkg] = await Promise.all([page.waitForEvent('download'), chooser.setFiles(sitePublic)]);
  const packagePath = join(dataDir, pkg.suggestedFilename());
  await pkg.saveAs(packagePath);
  expect(packagePath).toMatch(/\.exampkg$/);

  // `qbank package verify` accepts it: signature, part hashes, and decryption with the site key.
  const verify = spawnSync(
    process.execPath,
    [
      qbank,
      'package',
      'verify',
      packagePath,
      '--trusted-key',
      trustedKey,
      '--site-key',
      sitePrivate,
      '--json',
    ],
    { encoding: 'utf8' },
  );
  expect(verify.stderr).toBe('');
  expect(verify.status).toBe(0);
  expect(JSON.parse(verify.stdout)).toMatchObject({
    ok: true,
    data: { decrypted: true, items: 1 },
  });

  // 11. Results flow back: 40 candidates' scores on the packaged item go into the bank with
  // `qbank stats import` (recorded on the version the paper pinned); the dashboard's
  // 「实测难度 p 分布」 and the item list show the measured p (30 of 40 right: 0.75).
  const bankFile = join(dataDir, 'banks', '电工四级.qbank');
  const found = spawnSync(
    process.execPath,
    [qbank, 'search', '电阻消耗', '--bank', bankFile, '--json'],
    { encoding: 'utf8' },
  );
  const itemId =
    (JSON.parse(found.stdout) as { data: { hits: { id: string }[] } }).data.hits[0]?.id ?? '';
  const responses = join(dataDir, 'responses.csv');
  writeFileSync(
    responses,
    [`考生,${itemId}`, ...Array.from({ length: 40 }, (_, c) => `C${c + 1},${c < 30 ? 1 : 0}`)].join(
      '\n',
    ),
  );
  const imported = spawnSync(
    process.execPath,
    [qbank, 'stats', 'import', responses, '--bank', bankFile, '--json'],
    { encoding: 'utf8' },
  );
  expect(imported.status, imported.stdout + imported.stderr).toBe(0);
  await page.getByTestId('author-nav').getByText('题库看板').click();
  await expect(page.getByTestId('dashboard-with-stats')).toContainText('1');
  await expect(page.getByTestId('chart-p').locator('canvas')).toBeVisible();
  await page.waitForTimeout(1500); // the chart animation
  await page.screenshot({ path: `${SHOTS}/13-dashboard-measured-p.png`, fullPage: true });
  await page.getByTestId('author-nav').getByText('试题', { exact: true }).click();
  await expect(page.getByTestId('item-table').getByTestId('measured-value').first()).toHaveText(
    '0.75',
  );
  // …and the item's history lists the administration on the version the paper pinned.
  await page
    .getByTestId('item-table')
    .locator('.ant-table-row')
    .first()
    .getByText('电阻消耗的功率')
    .click();
  await page.getByTestId('open-history').click();
  await expect(page.getByTestId('item-statistics')).toContainText('v1：p 0.750');
  await expect(page.getByTestId('item-statistics')).toContainText(
    '用过的试卷 1 套，作答考生 40 人',
  );
  await page.keyboard.press('Escape');

  expect(problems, problems.join('\n')).toEqual([]);
});

test('import wizard: column mapping, a dry run with an error table, then only the valid rows', async ({
  page,
}) => {
  test.setTimeout(90_000);
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(`${shell.url}/#/author`);
  // Runs after the first test (same host: bank still open) or alone (set one up).
  const gate = page.getByTestId('new-bank-name');
  await expect(gate.or(page.getByTestId('bank-name'))).toBeVisible();
  if (await gate.isVisible()) {
    await signIn(page, 'zhangsan', '张三', ['命题人员', '审题人员', '题库管理员']);
    await gate.fill('导入测试');
    await page.getByTestId('create-bank').click();
    await page.getByTestId('standard-file').setInputFiles(standardFile);
    await expect(page.getByTestId('tree-A-A-001')).toBeVisible();
  }
  await page.getByTestId('author-nav').getByText('导入导出').click();

  // A CSV as exported from another system: its own headers, GBK-free UTF-8, one bad row.
  const csv = [
    '类型,试题内容,A,B,C,D,正确答案,鉴定点',
    '单选,安全电压的上限值为多少伏？,36,42,50,110,B,A-A-003',
    '判断,电气设备着火时应先切断电源。,,,,,√,A-A-003',
    '单选,这一行的鉴定点不存在,甲,乙,丙,丁,A,Z-Z-999',
  ].join('\r\n');
  await page.locator('[data-testid="import-wizard"] input[type=file]').setInputFiles({
    name: '外部题库.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(csv, 'utf8'),
  });
  await expect(page.getByTestId('import-format')).toContainText('csv');
  // The mapping table recognised the foreign headers (试题内容 → 题干, 正确答案 → 答案).
  const mapping = page.locator('.ant-table-row', { hasText: '题干' }).first();
  await expect(mapping).toContainText('试题内容');
  await page.getByTestId('import-dry-run').click();
  await expect(page.getByText('检查完成：共 3 题，可导入 2 题，有问题 1 题')).toBeVisible();
  const issues = page.getByTestId('import-issues');
  await expect(issues).toContainText('第4行');
  await expect(issues).toContainText('Z-Z-999');
  await page.screenshot({ path: `${SHOTS}/11-import-dry-run.png`, fullPage: true });

  await page.getByRole('checkbox', { name: '只导入无误的试题' }).check();
  await page.getByTestId('import-dry-run').click();
  await page.getByTestId('import-commit').click();
  await expect(page.getByText('导入完成：新增 2 题')).toBeVisible();
  await expect(page.getByTestId('import-progress')).toHaveAttribute('aria-valuenow', '100');
  await page.screenshot({ path: `${SHOTS}/12-import-done.png`, fullPage: true });

  // The imported items are drafts, found by full-text search.
  await page.getByTestId('author-nav').getByText('试题', { exact: true }).click();
  await page.getByTestId('item-search').locator('input').fill('安全电压');
  await page.getByTestId('item-search').locator('input').press('Enter');
  const row = page.getByTestId('item-table').locator('.ant-table-row');
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('草稿');
});
