import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { KioskEnrollmentSchema } from '@skillexam/shared';
import { startProctorServer, type RunningServer } from '../apps/console/e2e/support/proctor-server';
import {
  startWebShellProcess,
  type RunningWebShell,
} from '../apps/desktop/e2e/support/web-shell-process';
import {
  ANSWER_KEYS,
  bankPackage,
  EXPECTED_SCORE,
  PAPER,
  ROSTER,
  rosterZip,
} from './support/whole-day-files';
import { verifiedResults, xlsxRows } from './support/whole-day-results';
import {
  examCodesIn,
  consolePage,
  firstRun,
  logIn,
  pdfText,
  saveDownload,
  siteCaFingerprint,
} from './support/whole-day-site';

/*
 * A whole exam day through the console alone, from an empty data folder, in Chromium against
 * the real proctor server: the first admin from the set-up code the server printed; the site
 * key read from the page and given to the bank, whose signed package is uploaded after trusting
 * its key; a session with its rules and two rooms; the roster zip with photos previewed and
 * imported; a room's seat map, automatic seating and its chart; admission slips printed and the
 * exam code read from the PDF; a proctor added with a one-time password and assigned; an exam
 * PC enrolled; the proctor runs check-in while the candidate signs in on the web client,
 * confirms their identity, answers every question and submits; the proctor ends the session;
 * the admin exports the results (score = what the answers earn, signed package verified), backs
 * up and sees the audit chain verified. zh-CN, 1280×800; screenshots: test-results/whole-day/.
 */

const SHOTS = 'test-results/whole-day';
const SESSION = { id: '2026Q4-dg4-zheng', name: '2026年第四季度电工（四级）理论知识考试' };
const candidate = ROSTER[0] ?? { ticket: '', name: '' };

let server: RunningServer | undefined;
let shell: RunningWebShell | undefined;

test.afterAll(async () => {
  await shell?.stop();
  await server?.stop();
});

/** A screenshot without the passing toasts (each step's own result is on the page). */
const shot = (page: Page, name: string, fullPage = true) =>
  page.screenshot({
    path: `${SHOTS}/${name}.png`,
    fullPage,
    style: '.ant-message { display: none !important; }',
  });

async function openSiteAdmin(page: Page, entry: RegExp): Promise<void> {
  await page.getByTestId('nav-site-admin').click();
  await page.getByRole('menuitem', { name: entry }).click();
}

test('an exam day is set up, sat and closed through the console alone', async ({ browser }) => {
  test.setTimeout(180_000);
  const dir = mkdtempSync(join(tmpdir(), 'whole-day-'));
  const dataDir = join(dir, 'data'); // empty: no key, no exam, no account
  const downloads = join(dir, 'downloads');
  mkdirSync(downloads);
  mkdirSync(SHOTS, { recursive: true });

  const admin = await test.step('1 first run: the admin account from the set-up code', async () => {
    server = await startProctorServer(dataDir);
    const setupCode = server.setupCode ?? '';
    expect(setupCode, 'serve prints a set-up code on an empty data folder').not.toBe('');
    const page = await consolePage(browser, server.url);
    await firstRun(page, setupCode, () => shot(page, '01-first-run'));
    await expect(page.getByTestId('sessions-table')).toBeVisible(); // no session yet
    return page;
  });
  const url = server?.url ?? '';

  /** The site server's signing key id, as the exam PC's enrollment file names it. */
  let serverKeyId = '';
  await test.step('2 密钥与试卷包: site key to the bank, bank key trusted, package uploaded', async () => {
    await openSiteAdmin(admin, /密钥与试卷包/);
    const fingerprint = (await admin.getByTestId('site-fingerprint').textContent()) ?? '';
    const pub = await saveDownload(admin, downloads, () =>
      admin.getByRole('button', { name: '下载 .pub' }).click(),
    );
    const sitePem = await readFile(pub, 'utf8');
    expect(sitePem).toContain('BEGIN PUBLIC KEY');
    const bank = await bankPackage(dir, sitePem);

    await admin.locator('input[type=file][accept=".pub,.pem,.txt"]').setInputFiles(bank.signerPub);
    await admin.getByTestId('trust-key-label').fill('省职业技能鉴定指导中心');
    await admin.getByRole('button', { name: '添加签名公钥' }).click();
    await expect(admin.getByTestId('trusted-keys')).toContainText(bank.signerKeyId);

    await admin.locator('input[type=file][accept=".exampkg"]').setInputFiles(bank.packageFile);
    const verified = admin.getByTestId('package-verified');
    await expect(verified).toContainText('考试包校验通过，已导入');
    await expect(verified).toContainText(bank.signerKeyId);
    await expect(verified).toContainText(fingerprint);
    await expect(verified).toContainText(`${PAPER.title} (${PAPER.id})`);
    await expect(
      verified.getByRole('cell', { name: String(PAPER.items), exact: true }),
    ).toBeVisible();
    await shot(admin, '02-keys-and-package');
  });

  await test.step('3 新建场次: rules and two rooms', async () => {
    await admin.getByRole('button', { name: '考试场次' }).click();
    await admin.getByRole('button', { name: '新建场次' }).click();
    const form = admin.getByTestId('session-form');
    await form.getByLabel('考试', { exact: true }).click();
    await admin.locator('.ant-select-item-option', { hasText: PAPER.id }).click();
    await form.getByLabel('场次编号').fill(SESSION.id);
    await form.getByLabel('场次名称').fill(SESSION.name);
    // today, in ten minutes (the browser's local time, as the field shows it)
    const start = await admin.evaluate(() => {
      const d = new Date(Date.now() + 10 * 60_000);
      const p = (n: number) => String(n).padStart(2, '0');
      return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
    });
    await form.getByLabel('开考时间').fill(start);
    await form.getByLabel('时长').fill('60');
    await form.getByLabel('座位数 1').fill('20');
    await form.getByRole('button', { name: '添加考场' }).click();
    await expect(form.getByLabel('考场编号 2')).toHaveValue('r2');
    await form.getByLabel('座位数 2').fill('20');
    await expect(form.getByLabel('迟到截止')).toHaveValue('30'); // the defaults, explained
    await form.getByLabel('最早交卷').fill('0');
    await form.getByLabel('允许练习客户端').click(); // the candidate's web client
    await shot(admin, '03-new-session');
    await form.getByRole('button', { name: '创建场次' }).click();
    await expect(admin).toHaveURL(new RegExp(`#/s/${SESSION.id}/roster$`));
  });

  await test.step('4 考生名单: zip with photos, preview, import', async () => {
    await admin
      .locator('input[type=file][accept=".xlsx,.csv,.zip"]')
      .setInputFiles(await rosterZip(dir));
    await expect(admin.getByText(`检查通过，可导入考生: ${ROSTER.length}`)).toBeVisible();
    await expect(admin.getByTestId('roster-rows').locator('tbody tr')).toHaveCount(ROSTER.length);
    await shot(admin, '04-roster-preview');
    await admin.getByRole('button', { name: '确认导入' }).click();
    await admin.getByRole('dialog').getByRole('button', { name: '确认导入' }).click();
    await expect(admin.getByText(`已导入考生: ${ROSTER.length}`)).toBeVisible();
  });

  await test.step('5 座位图: lay out 第1考场, seat it automatically, print the chart', async () => {
    await admin.locator('.ant-segmented-item', { hasText: '座位图' }).click();
    const rooms = admin.getByTestId('rooms-page');
    // 5 rows of 4 with an aisle down the middle: 20 seats
    await rooms.getByLabel('行数').fill('5');
    await rooms.getByLabel('列数').fill('5');
    await rooms.getByLabel('过道列').click();
    await admin.locator('.ant-select-item-option', { hasText: /^3$/ }).click();
    await admin.keyboard.press('Escape');
    // seats the default map had disabled come back (each click asks the server for the map)
    const disabled = rooms.getByRole('button', { name: /已停用$/ });
    for (let left = await disabled.count(); left > 0; left -= 1) {
      await disabled.first().click();
      await expect(disabled).toHaveCount(left - 1);
    }
    await expect(rooms.getByText('第1考场 · 20 座')).toBeVisible();
    await rooms.getByRole('button', { name: '保存座位图' }).click();
    await expect(rooms.getByText('座位图已保存')).toBeVisible();

    // 排座: the room's candidates by 准考证号 from the front left, previewed, then saved
    await rooms.locator('.ant-segmented-item', { hasText: '排座' }).click();
    const auto = admin.getByTestId('auto-seat');
    await auto.getByRole('button', { name: '预览' }).click();
    const inRoom1 = ROSTER.filter((c) => c.roomId === 'r1');
    const preview = auto.getByTestId('auto-seat-preview').locator('tbody tr');
    await expect(preview).toHaveCount(inRoom1.length);
    await auto.getByRole('button', { name: '保存排座' }).click();
    await admin.locator('.ant-popconfirm').getByRole('button', { name: '保存排座' }).click();
    await expect(auto.getByText(`排座已保存：${inRoom1.length} 名考生`)).toBeVisible();
    await shot(admin, '05-seats-assigned');
    const chart = await saveDownload(admin, downloads, () =>
      rooms.getByRole('button', { name: '打印座位表 (PDF)' }).click(),
    );
    const chartText = pdfText(chart);
    for (const c of inRoom1) expect(chartText).toContain(c.name);
  });

  const examCode =
    await test.step('6 准考证: slips as PDF (with the seats), the exam code read from it', async () => {
      await admin.locator('.ant-segmented-item', { hasText: '考生名单' }).click();
      await admin.getByLabel('考点名称').fill('市第一职业技能鉴定考点');
      const all = await saveDownload(admin, downloads, () =>
        admin.getByRole('button', { name: '打印准考证 (PDF)' }).click(),
      );
      const printed = examCodesIn(pdfText(all));
      expect([...printed.keys()].sort()).toEqual(ROSTER.map((c) => c.ticket).sort());
      // page 2, the first slip (page 1 is the proctors' cover sheet), for the README
      const page2 = ['-f', '2', '-l', '2', '-singlefile'];
      execFileSync('pdftoppm', ['-png', '-r', '90', ...page2, all, `${SHOTS}/06-admission-slip`]);
      // a lost slip: a new code for that one candidate (the earlier one stops working)
      await admin.getByLabel('准考证号（补发单个考生，可留空）').fill(candidate.ticket);
      const single = await saveDownload(admin, downloads, () =>
        admin.getByRole('button', { name: '打印准考证 (PDF)' }).click(),
      );
      const singleText = pdfText(single);
      expect(singleText, 'the slip shows the seat 自动排座 gave').toMatch(
        /座\s*位\s*号：\s*1\s*$/m,
      );
      const reissued = examCodesIn(singleText);
      expect([...reissued.keys()]).toEqual([candidate.ticket]);
      const code = reissued.get(candidate.ticket) ?? '';
      expect(code).not.toBe(printed.get(candidate.ticket));
      await shot(admin, '06-admission-slips');
      return code;
    });

  const proctorLogin =
    await test.step('7 人员: a proctor with a one-time password, assigned', async () => {
      await openSiteAdmin(admin, /人员/);
      await admin.getByRole('button', { name: '添加账号' }).click();
      await admin.getByTestId('new-staff-username').fill('jiankao1');
      await admin.getByRole('dialog').getByRole('button', { name: '添加' }).click();
      const otp = admin.getByTestId('one-time-password');
      await expect(otp).toHaveText(/^[A-Za-z2-9]{14}$/);
      const password = (await otp.textContent()) ?? '';
      await shot(admin, '07-staff-one-time-password', false);
      await admin.getByRole('button', { name: '我已记下' }).click();
      await admin.getByTestId('assign-session').click();
      await admin.locator('.ant-select-item-option').filter({ hasText: SESSION.id }).click();
      await admin.getByTestId('assign-proctors').click();
      await admin.locator('.ant-select-item-option[title="jiankao1"]').click();
      await admin.keyboard.press('Escape');
      await admin.getByRole('button', { name: '保存指派' }).click();
      await expect(admin.getByText('已指派', { exact: true })).toBeVisible();
      return { username: 'jiankao1', password };
    });

  await test.step('8 考试机: enrol the room’s exam PC, its file offered once', async () => {
    await openSiteAdmin(admin, /考试机/);
    await admin.getByRole('button', { name: '登记考试机' }).click();
    await admin.getByTestId('kiosk-name').fill('第1考场-01');
    await admin.getByRole('dialog').getByRole('button', { name: '登记考试机' }).click();
    const file = await saveDownload(admin, downloads, () =>
      admin.getByTestId('download-enrollment').click(),
    );
    const enrollment = KioskEnrollmentSchema.parse(JSON.parse(await readFile(file, 'utf8')));
    expect(enrollment.kioskName).toBe('第1考场-01');
    serverKeyId = enrollment.siteKeyId;
    // the PC will talk only to this site: it pins the site CA
    expect(enrollment.serverCertFingerprint).toBe(
      siteCaFingerprint(dataDir).replaceAll(':', '').toLowerCase(),
    );
    await admin.getByRole('button', { name: '我已保存到考试机' }).click();
    await expect(admin.getByTestId('kiosk-table')).toContainText('第1考场-01');
    await shot(admin, '08-exam-pcs');
    // The candidate below uses the web client, a practice client the session's rule allows
    // (an enrolled PC runs the desktop app, which this browser test cannot start).
  });

  const { proctor, kiosk } =
    await test.step('9 check-in: admit the candidate, who sits the exam', async () => {
      const proctor = await logIn(browser, url, proctorLogin.username, proctorLogin.password);
      await expect(proctor.getByTestId('sessions-table')).toContainText(SESSION.name);
      await proctor.getByRole('button', { name: '进入' }).click();
      await proctor.getByRole('button', { name: '开始检录' }).click();
      await expect(proctor.getByTestId('session-status')).toHaveText('检录中');

      shell = await startWebShellProcess('kiosk', {
        WEB_SHELL_JOURNAL_DIR: join(dir, 'journals'),
        WEB_SHELL_BANK_DIR: join(dir, 'banks'),
        WEB_SHELL_SERVER_FINGERPRINT: siteCaFingerprint(dataDir),
      });
      const context = await browser.newContext({
        viewport: { width: 1280, height: 800 },
        locale: 'zh-CN',
      });
      const kiosk = await context.newPage();
      await kiosk.goto(`${shell.url}/?server=${encodeURIComponent(url)}`);
      await kiosk.getByTestId('ticket').fill(candidate.ticket);
      await kiosk.getByTestId('exam-code').fill(examCode);
      await kiosk.getByTestId('login').click();
      await expect(kiosk.getByTestId('identity')).toContainText(candidate.name);
      await expect(kiosk.getByTestId('identity')).toContainText('四级');
      await expect(kiosk.getByTestId('identity-photo').locator('img')).toBeVisible();
      await shot(kiosk, '09-candidate-identity', false);
      await kiosk.getByTestId('confirm-identity').click();
      await expect(kiosk.getByText('等待开考')).toBeVisible();

      await expect(proctor.getByTestId('count-awaitingAdmission')).toContainText('1');
      await proctor.locator(`button.seat[title*="${candidate.ticket}"]`).click();
      await expect(proctor.getByTestId('candidate-panel').first()).toContainText(candidate.name);
      await shot(proctor, '09-proctor-check-in', false);
      await proctor.getByTestId('panel-actions').getByRole('button', { name: '准入' }).click();
      await expect(proctor.getByTestId('panel-status')).toHaveText('已准入');
      await proctor.locator('.ant-drawer-close').click();
      await proctor.getByRole('button', { name: '开考' }).click();
      await expect(proctor.getByTestId('session-status')).toHaveText('考试中');

      await expect(kiosk.getByTestId('question-head')).toContainText('第 1 题', {
        timeout: 15_000,
      });
      for (const [i, key] of ANSWER_KEYS.entries()) {
        await expect(kiosk.getByTestId('question-head')).toContainText(`第 ${i + 1} 题`);
        await kiosk.keyboard.press(key);
        if (i < ANSWER_KEYS.length - 1) await kiosk.keyboard.press('ArrowRight');
      }
      await expect(kiosk.getByTestId('palette-counts')).toContainText(`已答 ${PAPER.items}`);
      await expect(kiosk.getByTestId('save-status')).toContainText('已同步到服务器');
      await shot(kiosk, '09-candidate-exam', false);
      await kiosk.getByRole('button', { name: '检查并交卷' }).click();
      await kiosk.getByTestId('review-submit').click();
      await kiosk.getByTestId('confirm-submit').click();
      await expect(kiosk.getByText('已交卷')).toBeVisible({ timeout: 15_000 });
      return { proctor, kiosk };
    });

  await test.step('10 end, results export, signed package, backup, audit', async () => {
    await expect(proctor.getByTestId('count-submitted')).toContainText('1');
    await proctor.getByRole('button', { name: '结束考试' }).click();
    await proctor.getByRole('dialog').getByRole('textbox').fill('考试时间到');
    await proctor.getByRole('dialog').getByRole('button', { name: '结束考试' }).click();
    await expect(proctor.getByTestId('session-status')).toHaveText('已结束', { timeout: 30_000 });
    await shot(proctor, '10-proctor-ended', false);
    await kiosk.context().close();

    await openSiteAdmin(admin, /成绩导出/);
    await admin.getByTestId('job-session').click();
    await admin.locator('.ant-select-item-option', { hasText: SESSION.id }).click();
    await admin.getByRole('button', { name: '导出成绩' }).click();
    const card = admin.getByTestId('job-results-export').first();
    await expect(card).toHaveAttribute('data-status', 'succeeded', { timeout: 60_000 });
    const files = card.getByTestId('job-files');
    const fetchFile = (name: string) =>
      saveDownload(admin, downloads, () =>
        files
          .locator('.ant-list-item', { hasText: name })
          .getByRole('button', { name: '下载' })
          .click(),
      );
    const summary = await xlsxRows(await fetchFile(`成绩汇总表-${SESSION.id}.xlsx`));
    const line = summary.find((row) => row.includes(candidate.ticket));
    expect(line, '成绩汇总表 lists the candidate').toBeDefined();
    expect(line).toContain(String(EXPECTED_SCORE));
    // signed by the site server (the key id the exam PC's file named), scores re-derived
    const verified = await verifiedResults(await fetchFile(`results-${SESSION.id}.json`));
    expect(verified.keyId).toBe(serverKeyId);
    const sat = verified.payload.candidates.find(
      (c) => c.admissionTicketNumber === candidate.ticket,
    );
    expect(sat?.status).toBe('normal');
    expect(sat?.total).toBe(EXPECTED_SCORE);
    expect(verified.payload.summary).toMatchObject({
      registered: ROSTER.length,
      sat: 1,
      absent: ROSTER.length - 1,
    });
    await shot(admin, '10-results-export');

    await openSiteAdmin(admin, /备份与恢复/);
    await admin.getByRole('button', { name: '立即备份' }).click();
    const backup = admin.getByTestId('job-backup').first();
    await expect(backup).toHaveAttribute('data-status', 'succeeded', { timeout: 60_000 });
    await expect(admin.getByTestId('backup-table').locator('tbody tr')).not.toHaveCount(0);
    await shot(admin, '10-backup');

    await admin.getByRole('button', { name: '审计校验' }).click();
    await expect(admin.getByTestId('audit-result')).toContainText('审计链完整');
    // 立即校验: the full `audit verify` (answers and scores replayed against the chain)
    await admin.getByRole('button', { name: '立即校验' }).click();
    await expect(admin.getByTestId('audit-full-result')).toContainText('完整校验通过', {
      timeout: 30_000,
    });
    await shot(admin, '10-audit-verified');
  });
});
