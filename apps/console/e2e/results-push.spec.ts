import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { connect } from 'node:tls';
import { fileURLToPath } from 'node:url';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { expectAccessible } from '../../../e2e/axe';
import { logInToConsole } from './support/console-login';
import { runAndEndSession } from './support/run-session';
import { prepareExamDay, STAFF } from './support/exam-day';
import { proctorCli, startProctorServer, type RunningServer } from './support/proctor-server';

/*
 * The last CLI site tasks in the console, in Chromium against the real proctor server: the exam
 * admin ends a session, exports its results, pushes the package to a real evaluation centre
 * (its own process; the site enrolled with this data folder's audit key) — accepted, then
 * duplicate —, checks the downloaded package and a tampered copy (核对成绩包), and on 密钥与试卷包
 * sees the site CA fingerprint `tls show` prints and renews the server certificate, which the
 * HTTPS server then serves at once. Screenshots zh/en at 1280×800 in test-results/console/push-*.png.
 */

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const SITE = '考点'; // the site name the console's export prints
let server: RunningServer;
let dataDir: string;
let dir: string;
let centre: { url: string; child: ChildProcessWithoutNullStreams } | undefined;

test.describe.configure({ mode: 'serial' });

async function startCentre(): Promise<{ url: string; child: ChildProcessWithoutNullStreams }> {
  const child = spawn(
    join(ROOT, 'node_modules/.bin/tsx'),
    [
      join(ROOT, 'apps/center/test/ingest/serve-for-push.ts'),
      join(dataDir, 'keys', 'audit-signing.pub'),
      SITE,
    ],
    { cwd: ROOT },
  );
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  const first = await lines.next();
  if (first.done === true) throw new Error('the centre did not start');
  return { url: (JSON.parse(first.value as string) as { url: string }).url, child };
}

test.beforeAll(async () => {
  test.setTimeout(180_000);
  dir = mkdtempSync(join(tmpdir(), 'console-push-'));
  dataDir = join(dir, 'data');
  await prepareExamDay(dir, dataDir, 4);
  server = await startProctorServer(dataDir);
  centre = await startCentre();
});

test.afterAll(async () => {
  await server?.stop();
  if (centre !== undefined) {
    const exited = new Promise((resolve) => centre?.child.once('exit', resolve));
    centre.child.stdin.end();
    await exited;
  }
});

const logInAdmin = (browser: Browser, lang: 'zh-CN' | 'en') =>
  logInToConsole(browser, server.url, STAFF.admin, { lang });

const shot = (page: Page, name: string) =>
  page.screenshot({ path: `test-results/console/push-${name}.png`, fullPage: false });

test('push to the centre, duplicate, then check the package and a tampered copy', async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const admin = await logInAdmin(browser, 'zh-CN');
  await runAndEndSession(admin, server.url, 's-console');
  await admin.goto(`${server.url}/console/#/jobs`);
  await expect(admin.getByTestId('push-needs-export')).toBeVisible();
  await admin.getByRole('button', { name: '导出成绩' }).click();
  const job = admin.getByTestId('job-results-export');
  await expect(job).toHaveAttribute('data-status', 'succeeded', { timeout: 60_000 });

  const push = admin.getByTestId('results-push');
  await expect(admin.getByTestId('push-session')).toContainText('s-console');
  await admin.getByTestId('centre-url').fill('ftp://centre.example.cn');
  await admin.getByTestId('push-button').click();
  await expect(push.getByTestId('push-verdict')).toContainText('http:// 或 https://');

  await admin.getByTestId('centre-url').fill(centre?.url ?? '');
  await admin.getByTestId('push-button').click();
  const verdict = push.getByTestId('push-verdict');
  await expect(verdict).toHaveAttribute('data-verdict', 'ingested', { timeout: 30_000 });
  await expect(verdict).toContainText('中心已接收成绩包 (accepted): 4 名考生, 考点「考点」');
  await admin.getByTestId('push-button').click();
  await expect(verdict).toHaveAttribute('data-verdict', 'already_ingested', { timeout: 30_000 });
  await expect(verdict).toContainText('中心此前已接收该成绩包 (already ingested)');
  await expectAccessible(admin, 'results push');

  const download = admin.waitForEvent('download');
  await job
    .getByRole('listitem')
    .filter({ hasText: 'results-s-console.json' })
    .getByRole('button', { name: '下载' })
    .click();
  const packagePath = join(dir, 'results-s-console.json');
  await (await download).saveAs(packagePath);
  const check = admin.getByTestId('results-verify');
  await check.locator('input[type=file]').setInputFiles(packagePath);
  const report = check.getByTestId('verify-report');
  await expect(report).toHaveAttribute('data-ok', 'true');
  await expect(report).toContainText('成绩包核对通过: 4 名考生');
  await admin.evaluate(() => window.scrollTo(0, 0));
  await shot(admin, 'jobs-zh');

  const envelope = JSON.parse(readFileSync(packagePath, 'utf8')) as {
    payload: { site: { name: string } };
  };
  envelope.payload.site.name = '别的考点';
  const forged = join(dir, 'forged.json');
  writeFileSync(forged, JSON.stringify(envelope));
  await check.locator('input[type=file]').setInputFiles(forged);
  await expect(report).toHaveAttribute('data-ok', 'false');
  await expect(report).toContainText('成绩包核对失败 (results package refused)');
  await expectAccessible(admin, 'results verify');

  // the address is remembered for the site: another browser sees it, in English
  const en = await logInAdmin(browser, 'en');
  await en.goto(`${server.url}/console/#/jobs`);
  await expect(en.getByTestId('centre-url')).toHaveValue(centre?.url ?? '');
  await en.getByTestId('push-button').click();
  await expect(en.getByTestId('push-verdict')).toHaveAttribute('data-verdict', 'already_ingested', {
    timeout: 30_000,
  });
  await shot(en, 'jobs-en');
});

function servedFingerprint(url: string): Promise<string> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(
      { host: hostname, port: Number(port), rejectUnauthorized: false },
      () => {
        resolve(socket.getPeerX509Certificate()?.fingerprint256 ?? '');
        socket.end();
      },
    );
    socket.once('error', reject);
  });
}

test('the site certificate: tls show, renew with a reason, served at once', async ({ browser }) => {
  const shown = (await proctorCli(['tls', 'show', '--data', dataDir, '--json'])) as {
    fingerprint: string;
    serverFingerprint: string;
  };
  const admin = await logInAdmin(browser, 'zh-CN');
  await admin.goto(`${server.url}/console/#/keys`);
  const card = admin.getByTestId('site-certificate');
  await expect(card.getByTestId('tls-ca-fingerprint')).toContainText(shown.fingerprint);
  await expect(card.getByTestId('tls-server-fingerprint')).toHaveText(shown.serverFingerprint);
  await expect(card.getByTestId('tls-takes-effect')).toContainText('无需重启');
  await expect(card).toContainText('proctor-server tls replace --data <dir>');
  await card.scrollIntoViewIfNeeded();
  await shot(admin, 'keys-zh');
  await expectAccessible(admin, 'site certificate');

  await card.getByTestId('tls-renew').click();
  const dialog = admin.getByRole('dialog');
  await expect(dialog).toContainText('考试机无需重新登记');
  await dialog.getByRole('button', { name: '续期服务器证书' }).click();
  await expect(dialog.locator('.ant-form-item-explain-error')).toBeVisible();
  await dialog.getByRole('textbox').fill('证书将到期，按计划续期');
  await dialog.getByRole('button', { name: '续期服务器证书' }).click();
  await expect(admin.getByText('已续期，新证书已生效')).toBeVisible();
  await expect(card.getByTestId('tls-ca-fingerprint')).toContainText(shown.fingerprint);
  const renewed = (await card.getByTestId('tls-server-fingerprint').textContent()) ?? '';
  expect(renewed).not.toBe(shown.serverFingerprint);
  expect(await servedFingerprint(server.url)).toBe(renewed);

  const en = await logInAdmin(browser, 'en');
  await en.goto(`${server.url}/console/#/keys`);
  const enCard = en.getByTestId('site-certificate');
  await expect(enCard).toContainText('Site CA fingerprint');
  await enCard.scrollIntoViewIfNeeded();
  await shot(en, 'keys-en');
});
