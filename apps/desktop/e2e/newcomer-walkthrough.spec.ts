import { createHash, X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openBank } from '@skillexam/item-bank';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { planAnswers } from './support/answer-plan';
import { startDemoLauncher, type DemoLauncher } from './support/demo-launcher';
import { parsePrintedDemo, type PrintedDemo } from './support/printed-demo';

/*
 * README's walkthrough 「演示：参加一场示例考试」, done in Chromium from nothing but what
 * `npm start` prints: the launcher provisions a fresh demo site; the proctor logs in to the
 * console with the printed password and opens check-in; the printed candidate logs in at the
 * printed candidate address; the proctor admits and starts; the candidate answers every question
 * and hands in; the proctor ends the exam and sees the candidate's score. If the launcher, the
 * product or the README's steps drift apart, this fails. Screenshots: test-results/newcomer/.
 */

test.use({ actionTimeout: 20_000 });

let dir: string;
let launcher: DemoLauncher;
let demo: PrintedDemo;
let browser: Browser;

const shot = (page: Page, name: string) =>
  page.screenshot({ path: `test-results/newcomer/${name}.png` });

/** base64 SHA-256 of a certificate's SubjectPublicKeyInfo, as Chromium's trust flag wants it. */
function spkiHash(certificateFile: string): string {
  const key = new X509Certificate(readFileSync(certificateFile)).publicKey;
  return createHash('sha256')
    .update(key.export({ type: 'spki', format: 'der' }))
    .digest('base64');
}

test.beforeAll(async ({ playwright }, testInfo) => {
  test.setTimeout(180_000);
  dir = mkdtempSync(join(tmpdir(), 'newcomer-'));
  launcher = await startDemoLauncher(join(dir, 'demo'), 150_000);
  demo = parsePrintedDemo(launcher.printed);
  // The demo site has its own CA (printed with its path): Chromium trusts exactly that key, as
  // a newcomer who installs the printed site-ca.crt does; nothing else is let through.
  const options = testInfo.project.use.launchOptions ?? {};
  const flag = '--ignore-certificate-errors-spki-list=';
  browser = await playwright.chromium.launch({
    ...options,
    args: [
      ...(options.args ?? []).filter((arg) => !arg.startsWith(flag)),
      `${flag}${spkiHash(demo.siteCaFile)}`,
    ],
  });
});

test.afterAll(async () => {
  await browser?.close();
  await launcher?.stop();
  // the launcher's children stop a moment after it: retry while they close their files
  if (dir !== undefined) rmSync(dir, { recursive: true, force: true, maxRetries: 10 });
});

test('a newcomer sits the demo exam from what npm start prints', async () => {
  test.setTimeout(180_000);
  const context = await browser.newContext({
    locale: 'zh-CN',
    viewport: { width: 1280, height: 800 },
  });

  // The workbench has an address of its own: the author workbench, not the kiosk.
  const workbench = await context.newPage();
  await workbench.goto(demo.workbenchUrl);
  await expect(workbench.getByTestId('app-title')).toBeVisible();
  await expect(
    workbench.getByTestId('sign-in').or(workbench.getByTestId('open-bank.qbank')).first(),
  ).toBeVisible();
  await shot(workbench, '00-workbench');
  await workbench.close();

  // 1. The proctor opens the printed console address and logs in as proctor1.
  const proctor = await context.newPage();
  await proctor.goto(demo.consoleUrl);
  await proctor.getByLabel('用户名').fill('proctor1');
  await proctor.getByLabel('密码').fill(demo.passwords.get('proctor1') ?? '');
  await proctor.getByRole('button', { name: '登录' }).click();
  await expect(proctor.getByTestId('whoami')).toContainText('proctor1');
  await expect(proctor.getByTestId('sessions-table')).toContainText('理论知识考试（示例场次）');
  await shot(proctor, '01-console-sessions');
  await proctor.getByRole('button', { name: '进入' }).click();
  await expect(proctor.getByTestId('session-status')).toHaveText('未开始');

  // 2. It opens check-in.
  await proctor.getByRole('button', { name: '开始检录' }).click();
  await expect(proctor.getByTestId('session-status')).toHaveText('检录中');

  // 3. The candidate, at the printed candidate address (the kiosk's login, server filled in),
  // logs in with the printed 准考证号 and 考试码 and confirms the identity.
  const candidate = await context.newPage();
  await candidate.goto(demo.candidateUrl);
  await expect(candidate.getByText('考生登录')).toBeVisible();
  await expect(candidate.getByLabel('考试服务器地址')).toHaveValue(new URL(demo.consoleUrl).origin);
  await candidate.getByLabel('准考证号').fill(demo.ticket);
  await candidate.getByLabel('考试码').fill(demo.code);
  await shot(candidate, '02-candidate-login');
  // antd spaces out a two-character button's label: 「登 录」
  await candidate.getByRole('button', { name: /^登\s*录$/ }).click();
  await expect(candidate.getByTestId('identity')).toContainText(demo.candidateName);
  await shot(candidate, '03-candidate-identity');
  await candidate.getByRole('button', { name: '信息无误，确认' }).click();
  await expect(candidate.getByText('等待开考')).toBeVisible();
  await shot(candidate, '04-candidate-waiting');

  // 4. The proctor admits everyone waiting and starts the exam.
  await expect(proctor.getByTestId('count-awaitingAdmission')).toContainText('1');
  await expect(proctor.getByTestId('count-offline')).toContainText('0');
  await expect(proctor.locator('[data-seat="01"]')).toHaveAttribute('data-tone', 'waiting');
  await shot(proctor, '05-console-check-in');
  await proctor.getByRole('button', { name: /全部准入/ }).click();
  await proctor.getByRole('button', { name: '开考' }).click();
  await expect(proctor.getByTestId('session-status')).toHaveText('考试中');

  // 5. The candidate answers every question with the keyboard and hands in.
  const head = candidate.getByTestId('question-head');
  await expect(head).toContainText('第 1 题', { timeout: 15_000 });
  const resumed = await candidate.evaluate(() => window.desktop.invoke('exam:resume', {}));
  const bank = openBank(demo.bankFile, { readonly: true });
  const plan = planAnswers(
    resumed.paper,
    (id, version) => bank.items.getVersion(id, version)?.content.key,
  );
  bank.close();
  for (const [index, key] of plan.presses.entries()) {
    await expect(head).toContainText(`第 ${index + 1} 题`);
    await candidate.keyboard.press(key);
    if (index === 0) await shot(candidate, '06-candidate-exam');
    await candidate.keyboard.press('ArrowRight');
  }
  await expect(candidate.getByTestId('palette-counts')).toContainText(
    `已答 ${plan.presses.length}`,
  );
  await expect(candidate.getByTestId('save-status')).toContainText('已同步到服务器');
  await candidate.getByRole('button', { name: '检查并交卷' }).click();
  await expect(candidate.getByTestId('review-dialog')).toContainText('所有题目均已作答。');
  await candidate.getByRole('button', { name: /^交\s*卷$/ }).click();
  await candidate.getByRole('button', { name: '确认交卷' }).click();
  await expect(candidate.getByText('已交卷')).toBeVisible({ timeout: 15_000 });
  await shot(candidate, '07-candidate-submitted');

  // 6–7. The proctor ends the exam and opens 成绩与统计: the candidate's score is there.
  await expect(proctor.getByTestId('count-submitted')).toContainText('1');
  await proctor.getByRole('button', { name: '结束考试' }).click();
  await proctor.getByRole('dialog').getByRole('textbox').fill('考试时间到');
  await proctor.getByRole('dialog').getByRole('button', { name: '结束考试' }).click();
  await expect(proctor.getByTestId('session-status')).toHaveText('已结束');
  await expect(proctor.getByRole('dialog')).toHaveCount(0);
  await shot(proctor, '08-console-ended');
  await proctor.getByRole('menuitem', { name: '成绩与统计' }).click();
  const row = proctor
    .getByTestId('score-table')
    .getByRole('row', { name: new RegExp(demo.ticket) });
  await expect(row).toContainText(demo.candidateName);
  await expect(row).toContainText('已交卷');
  // 座位 · 准考证号 · 姓名 · 状态 · 总分 · 结果
  await expect(row.getByRole('cell').nth(4)).toHaveText(String(plan.expectedScore));
  await expect(row).toContainText(plan.expectedScore >= 60 ? '合格' : '不合格');
  await expect(proctor.getByTestId('score-table')).toContainText('缺考');
  await shot(proctor, '09-console-results');
});
