import { mkdtempSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { buildPackagePaper, generateSigningKeyPair, writeExamPackage } from '@skillexam/item-bank';
import { itemBodyFromText, PaperSchema, type ItemVersionRef } from '@skillexam/shared';
import { expectAccessible } from '../../../e2e/axe';
import { logInToConsole } from './support/console-login';
import { prepareExamDay, STAFF } from './support/exam-day';
import { proctorCli, startProctorServer, type RunningServer } from './support/proctor-server';

/*
 * 密钥与试卷包 and 人员 in Chromium against the real proctor server: the exam admin reads the
 * site key as the CLI prints it, trusts a bank key from a file, imports a real signed package
 * and sees what was verified, is refused a tampered one in the server's words, revokes the key
 * with a reason; adds a proctor, reads the one-time password once, assigns them to a session
 * (they log in with it and see the session). zh-CN, one English check, axe on both pages.
 * Screenshots: test-results/console/admin-*.png.
 */

let server: RunningServer;
const files = { pub: '', pkg: '', tampered: '' };
let site = { keyId: '', printed: '' };
let signerKeyId = '';

const shot = (page: Page, name: string) =>
  page.screenshot({ path: `test-results/console/keys-staff-${name}.png`, fullPage: true });

/** A second paper (4 判断题) from a bank this site does not trust yet, addressed to the site. */
async function bankPackage(dir: string, sitePem: string): Promise<void> {
  const signer = generateSigningKeyPair();
  signerKeyId = signer.keyId;
  const ids = ['k1', 'k2', 'k3', 'k4'];
  const paper = PaperSchema.parse({
    id: 'paper-keys',
    title: '电工（四级）理论知识 补考卷',
    standard: { occupationCode: '6-31-01-03', version: '2018' },
    level: 4,
    durationMinutes: 30,
    fullMarks: 100,
    passMark: 60,
    sections: [
      {
        title: '一、判断题',
        itemType: 'true_false',
        pointsEach: 25,
        items: ids.map((itemId) => ({ itemId, version: 1 })),
      },
    ],
  });
  const content = (ref: ItemVersionRef) =>
    ({
      type: 'true_false',
      assessmentPointId: 'ap-001',
      level: 4,
      difficulty: 3,
      stem: itemBodyFromText(`判断题 ${ref.itemId}`),
      key: true,
    }) as const;
  const bytes = await writeExamPackage({
    ...buildPackagePaper(paper, content),
    signerPrivateKeyPem: signer.privateKeyPem,
    recipientPublicKeyPem: sitePem,
    now: new Date(),
  });
  files.pub = join(dir, 'bank-2.pub');
  files.pkg = join(dir, 'paper-keys.exampkg');
  files.tampered = join(dir, 'paper-keys-tampered.exampkg');
  await writeFile(files.pub, signer.publicKeyPem);
  await writeFile(files.pkg, bytes);
  const tampered = Uint8Array.from(bytes);
  const middle = Math.floor(tampered.length / 2);
  tampered[middle] = (tampered[middle] ?? 0) ^ 0xff;
  await writeFile(files.tampered, tampered);
}

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(180_000);
  const dir = mkdtempSync(join(tmpdir(), 'console-admin-'));
  const dataDir = join(dir, 'data');
  await prepareExamDay(dir, dataDir, 2);
  const key = (await proctorCli(['package', 'key', '--data', dataDir, '--json'])) as {
    keyId: string;
    publicKeyPem: string;
  };
  // the very text `proctor-server package key` prints
  const printed = String(await proctorCli(['package', 'key', '--data', dataDir])).trim();
  site = { keyId: key.keyId, printed };
  await bankPackage(dir, key.publicKeyPem);
  server = await startProctorServer(dataDir);
});

test.afterAll(async () => {
  await server?.stop();
});

const logIn = (browser: Browser, username: string, password: string) =>
  logInToConsole(browser, server.url, { username, password });

test('密钥与试卷包: site key, trust a key, import a package, refuse a tampered one, revoke', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const page = await logIn(browser, STAFF.admin.username, STAFF.admin.password);
  await page.getByTestId('nav-site-admin').click();
  await page.getByRole('menuitem', { name: /密钥与试卷包/ }).click();
  await expect(page.getByTestId('site-fingerprint')).toHaveText(site.keyId);
  await expect(page.getByTestId('site-public-key')).toHaveText(site.printed);
  await expect(page.getByTestId('site-key-qr')).toBeVisible();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: '下载 .pub' }).click();
  const pub = await download;
  expect(pub.suggestedFilename()).toBe(`site-${site.keyId}.pub`);
  const pubPath = await pub.path();
  expect(site.printed).toContain((await readFile(pubPath, 'utf8')).trim());

  const packageInput = page.locator('input[type=file][accept=".exampkg"]');
  // not trusted yet: the server's refusal, nothing imported
  await packageInput.setInputFiles(files.pkg);
  await expect(page.getByTestId('package-refused')).toContainText(
    `考试包无效: signature.json: 签名密钥 ${signerKeyId} 不在受信任列表中 (signer not trusted)`,
  );

  await page.locator('input[type=file][accept=".pub,.pem,.txt"]').setInputFiles(files.pub);
  await page.getByTestId('trust-key-label').fill('省职业技能鉴定指导中心');
  await page.getByRole('button', { name: '添加签名公钥' }).click();
  const row = page.getByTestId('trusted-keys').getByRole('row', { name: new RegExp(signerKeyId) });
  await expect(row).toContainText('省职业技能鉴定指导中心');
  await expect(row).toContainText(`staff:${STAFF.admin.username}`);

  await packageInput.setInputFiles(files.pkg);
  const verified = page.getByTestId('package-verified');
  await expect(verified).toContainText('考试包校验通过，已导入');
  await expect(verified).toContainText(signerKeyId);
  await expect(verified).toContainText(site.keyId);
  await expect(verified).toContainText('电工（四级）理论知识 补考卷 (paper-keys)');
  await expect(verified.getByRole('cell', { name: '4', exact: true })).toBeVisible();
  await expect(page.getByTestId('imported-exams')).toContainText('paper-keys');
  await shot(page, 'keys-verified');

  await packageInput.setInputFiles(files.tampered);
  await expect(page.getByTestId('package-refused')).toContainText('考试包无效: ');
  await expect(page.getByTestId('package-refused')).toContainText('未写入任何内容');
  await shot(page, 'keys-tampered');
  await expectAccessible(page, '密钥与试卷包');

  await row.getByRole('button', { name: '撤销' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('已导入的考试不受影响');
  await dialog.getByLabel('原因').fill('题库更换签名密钥');
  await dialog.getByRole('button', { name: '确认' }).click();
  await expect(page.getByTestId('trusted-keys')).not.toContainText(signerKeyId);
  await expect(page.getByTestId('trusted-keys')).toContainText('测试题库');
});

test('人员: add a proctor with a one-time password, assign them, disable another', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const page = await logIn(browser, STAFF.admin.username, STAFF.admin.password);
  await page.getByTestId('nav-site-admin').click();
  await page.getByRole('menuitem', { name: /人员/ }).click();
  const table = page.getByTestId('staff-table');
  await expect(table).toContainText(STAFF.proctor1.username);

  await page.getByRole('button', { name: '添加账号' }).click();
  await page.getByTestId('new-staff-username').fill('proctor9');
  await page.getByRole('dialog').getByRole('button', { name: '添加' }).click();
  const otp = page.getByTestId('one-time-password');
  await expect(otp).toHaveText(/^[A-Za-z2-9]{14}$/);
  const password = (await otp.textContent()) ?? '';
  await expect(page.getByRole('dialog')).toContainText('此密码只显示这一次');
  await shot(page, 'staff-one-time');
  await page.getByRole('button', { name: '我已记下' }).click();
  await expect(otp).toHaveCount(0);
  await expect(table.getByRole('row', { name: /proctor9/ })).toContainText('监考');

  // assign proctor9 to the session
  await page.getByTestId('assign-session').click();
  await page.locator('.ant-select-item-option').filter({ hasText: 's-console' }).click();
  await page.getByTestId('assign-proctors').click();
  await page.locator('.ant-select-item-option[title="proctor9"]').click();
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: '保存指派' }).click();
  await expect(page.getByText('已指派', { exact: true })).toBeVisible();

  // disable proctor3 with a reason
  await table
    .getByRole('row', { name: /proctor3/ })
    .getByRole('button', { name: '停用' })
    .click();
  await page.getByRole('dialog').getByLabel('原因').fill('调离本考点');
  await page.getByRole('dialog').getByRole('button', { name: '确认' }).click();
  await expect(table.getByRole('row', { name: /proctor3/ })).toContainText('已停用');
  await shot(page, 'staff');
  await expectAccessible(page, '人员');

  const proctor = await logIn(browser, 'proctor9', password);
  await expect(proctor.getByText('2026年第四季度电工（四级）理论知识考试')).toBeVisible();
  await expect(proctor.getByTestId('nav-site-admin')).toHaveCount(0);

  // English
  await page.getByRole('button', { name: 'English' }).click();
  await page.getByTestId('nav-site-admin').click();
  await page.getByRole('menuitem', { name: /Staff/ }).click();
  await expect(page.getByText('Staff accounts')).toBeVisible();
  await page.getByTestId('nav-site-admin').click();
  await page.getByRole('menuitem', { name: /Keys and packages/ }).click();
  await expect(page.getByText('Site public key (give to the item bank)')).toBeVisible();
  await shot(page, 'keys-en');
  // the header with every admin entry fits 1280 px in English too
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1280);
  const whoami = await page.getByTestId('whoami').boundingBox();
  expect(whoami?.height ?? 99).toBeLessThan(40); // the name and role stay on one line
  await expectAccessible(page, 'Keys and packages (en)');
});
