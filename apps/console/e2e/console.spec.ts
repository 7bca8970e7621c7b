import { mkdtempSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { CandidateClient } from './support/candidate-client';
import { prepareExamDay, STAFF, type ExamDay } from './support/exam-day';
import { logInToConsole } from './support/console-login';
import { startProctorServer, type RunningServer } from './support/proctor-server';

/*
 * The proctor console in Chromium against the real proctor server (its own process, a signed
 * package, a roster): a proctor opens check-in, two candidates (protocol clients) log in, the
 * proctor admits them and starts the exam, pauses and resumes one, grants 补时, force-submits
 * the other, records an incident a second proctor confirms, ends the session; the exam admin
 * exports the results; a supervisor sees everything and can change nothing.
 * Screenshots of every screen: test-results/console/.
 */

let server: RunningServer;
let day: ExamDay;
const candidates: CandidateClient[] = [];

const shot = (page: Page, name: string) =>
  page.screenshot({ path: `test-results/console/${name}.png`, fullPage: true });

const logIn = (browser: Browser, who: keyof typeof STAFF) =>
  logInToConsole(browser, server.url, STAFF[who]);

async function closePanel(page: Page): Promise<void> {
  await page.locator('.ant-drawer-close').click();
  await expect(page.getByTestId('candidate-panel')).toHaveCount(0);
}

async function openSeat(page: Page, seat: string): Promise<void> {
  await page.locator(`[data-seat="${seat}"]`).click();
  await expect(page.getByTestId('candidate-panel').first()).toBeVisible();
}

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(180_000);
  const dir = mkdtempSync(join(tmpdir(), 'console-e2e-'));
  const dataDir = join(dir, 'data');
  day = await prepareExamDay(dir, dataDir, 12);
  server = await startProctorServer(dataDir);
});

test.afterAll(async () => {
  for (const c of candidates) c.close();
  await server?.stop();
});

test('a proctor runs the room: admit, pause, 补时, force submit, incident, results', async ({
  browser,
  page: loginPage,
}) => {
  test.setTimeout(180_000);
  // the login screen, in Chinese
  await loginPage.goto(`${server.url}/console/`);
  await expect(loginPage.getByText('监考控制台')).toBeVisible();
  await shot(loginPage, '01-login');

  const proctor = await logIn(browser, 'proctor1');
  await expect(proctor.getByTestId('sessions-table')).toContainText('电工（四级）');
  await shot(proctor, '02-sessions');
  await proctor.getByRole('button', { name: '进入' }).click();
  await expect(proctor.getByTestId('session-status')).toHaveText('未开始');
  await proctor.getByRole('button', { name: '开始检录' }).click();
  await expect(proctor.getByTestId('session-status')).toHaveText('检录中');

  // two candidates log in on their PCs and confirm their identity
  const [first, second] = day.candidates;
  if (first === undefined || second === undefined) throw new Error('roster too small');
  for (const c of [first, second]) {
    const client = await CandidateClient.login(server.url, c.ticket, c.code, day.enrollment);
    candidates.push(client);
  }
  const [c1, c2] = candidates as [CandidateClient, CandidateClient];
  await c1.confirmIdentity();
  // pushed, not polled: shown within a second
  await expect(proctor.getByTestId('count-awaitingAdmission')).toContainText('1', {
    timeout: 1_000,
  });
  await expect(proctor.getByTestId('count-loggedIn')).toContainText('1');
  await c2.confirmIdentity();
  await expect(proctor.getByTestId('count-awaitingAdmission')).toContainText('2');
  await expect(proctor.locator('[data-seat="01"]')).toHaveAttribute('data-tone', 'waiting');
  await shot(proctor, '03-monitor-check-in');

  // admit candidate 1 from the panel, the other with 全部准入, then start
  await openSeat(proctor, '01');
  await proctor.getByTestId('panel-actions').getByRole('button', { name: '准入' }).click();
  await expect(proctor.getByTestId('panel-status')).toHaveText('已准入');
  await shot(proctor, '04-candidate-panel-admitted');
  await closePanel(proctor);
  await proctor.getByRole('button', { name: /全部准入/ }).click();
  await expect(proctor.locator('[data-seat="02"]')).toHaveAttribute('data-tone', 'waiting');
  await proctor.getByRole('button', { name: '开考' }).click();
  await expect(proctor.getByTestId('session-status')).toHaveText('考试中');
  await expect(proctor.getByTestId('count-inProgress')).toContainText('2');
  await expect(proctor.locator('[data-seat="01"]')).toHaveAttribute('data-tone', 'active');
  await c1.answer('tf1', { kind: 'true_false', value: true });
  await c1.answer('tf2', { kind: 'true_false', value: true });
  await c1.answer('sc1', { kind: 'choice', selected: ['B'] });
  await c1.answer('sc2', { kind: 'choice', selected: ['B'] });
  await c1.answer('tf3', { kind: 'true_false', value: true });
  await c1.answer('sc3', { kind: 'choice', selected: ['B'] });
  await c1.answer('tf4', { kind: 'true_false', value: true });
  await c2.answer('tf1', { kind: 'true_false', value: false });
  await c2.answer('sc1', { kind: 'choice', selected: ['C'] });

  // pause and resume candidate 1 (a pushed update, no refresh)
  await openSeat(proctor, '01');
  await proctor.getByTestId('panel-actions').getByRole('button', { name: '暂停' }).click();
  await proctor.getByRole('dialog', { name: '暂停' }).getByLabel('原因').fill('考生报告鼠标故障');
  await proctor.getByRole('dialog', { name: '暂停' }).getByRole('button', { name: '确认' }).click();
  await expect(proctor.getByTestId('panel-status')).toHaveText('暂停');
  await expect(proctor.getByTestId('count-paused')).toContainText('1');
  await proctor.getByTestId('panel-actions').getByRole('button', { name: '恢复' }).click();
  await expect(proctor.getByTestId('panel-status')).toHaveText('作答中');

  // 补时 10 minutes
  await proctor.getByTestId('panel-actions').getByRole('button', { name: '补时' }).click();
  const extend = proctor.getByRole('dialog', { name: '补时' });
  await expect(extend).toContainText('补时上限 60 分钟，已补 0 分钟，还可补 60 分钟');
  await extend.getByLabel('分钟').fill('10');
  await extend.getByLabel('原因').fill('更换鼠标耽误 10 分钟');
  await extend.getByRole('button', { name: '确认' }).click();
  await expect(proctor.getByTestId('panel-extension')).toContainText('+10');
  await expect(proctor.getByTestId('panel-timeline')).toContainText('补时');
  await shot(proctor, '05-candidate-panel-extended');

  // a message to the candidate's screen
  await proctor.getByTestId('panel-actions').getByRole('button', { name: '发送消息' }).click();
  const message = proctor.getByRole('dialog', { name: '发送消息' });
  await message.getByLabel('发送消息').fill('请保持安静，注意剩余时间');
  await message.getByRole('button', { name: '确认' }).click();
  await expect.poll(() => c1.messages).toContain('请保持安静，注意剩余时间');
  await closePanel(proctor);

  // force-submit candidate 2, behind a confirmation
  await openSeat(proctor, '02');
  await proctor.getByTestId('panel-actions').getByRole('button', { name: '强制交卷' }).click();
  const force = proctor.getByRole('dialog', { name: '强制交卷' });
  await expect(force).toContainText('确认将');
  await force.getByLabel('原因').fill('考生身体不适，申请提前离场');
  await shot(proctor, '06-force-submit-confirm');
  await force.getByRole('button', { name: '确认' }).click();
  await expect(proctor.getByTestId('panel-status')).toHaveText('强制交卷');
  await closePanel(proctor);
  await expect(proctor.getByTestId('count-submitted')).toContainText('1');
  await expect(proctor.locator('[data-seat="02"]')).toHaveAttribute('data-tone', 'done');
  await shot(proctor, '07-monitor-running');

  // the candidate table (virtualized) as the other view
  await proctor.getByText('考生列表').click();
  await expect(proctor.getByTestId('candidate-table')).toContainText(first.name);
  await shot(proctor, '08-candidate-table');

  // incident: recorded by proctor1, confirmed by proctor2
  await proctor.getByRole('menuitem', { name: '考场情况记录' }).click();
  await proctor.getByRole('button', { name: '新增记录' }).click();
  const form = proctor.getByRole('dialog', { name: '新增记录' });
  await form.getByLabel('涉及考生').click();
  await proctor.locator('.ant-select-item-option', { hasText: first.name }).click();
  await form.getByLabel('情况说明').fill('9:40 考生使用的考试机鼠标失灵，更换鼠标后继续作答');
  await form.getByLabel('处理结果').fill('补时10分钟');
  await form.getByLabel('类别').click();
  await proctor.locator('.ant-select-item-option', { hasText: '设备故障' }).click();
  await form.getByRole('button', { name: '确认' }).click();
  const incidents = proctor.getByTestId('incidents-table');
  await expect(incidents).toContainText('设备故障');
  await expect(incidents).toContainText('待确认');
  await expect(incidents.getByRole('button', { name: '第二监考确认' })).toHaveCount(0);

  const colleague = await logIn(browser, 'proctor2');
  await colleague.goto(`${server.url}/console/#/s/${day.sessionId}/incidents`);
  await colleague
    .getByTestId('incidents-table')
    .getByRole('button', { name: '第二监考确认' })
    .click();
  await expect(colleague.getByTestId('incidents-table')).toContainText('proctor2');
  await expect(incidents).toContainText('proctor2'); // pushed to proctor1's page
  await shot(colleague, '09-incidents-confirmed');
  const pdf = proctor.waitForEvent('download');
  await proctor.getByRole('button', { name: '导出 PDF' }).click();
  const pdfFile = await (await pdf).path();
  expect((await stat(pdfFile)).size).toBeGreaterThan(1000);

  // end the session: candidate 1 is submitted automatically
  await proctor.getByRole('menuitem', { name: '考场监控' }).click();
  await proctor.getByRole('button', { name: '结束考试' }).click();
  await proctor.getByRole('dialog').getByRole('textbox').fill('考试时间到');
  await proctor.getByRole('dialog').getByRole('button', { name: '结束考试' }).click();
  // Ending submits and scores every attempt in one transaction before the ack: on a loaded
  // 2-core runner that has taken over 5 s.
  await expect(proctor.getByTestId('session-status')).toHaveText('已结束', { timeout: 20_000 });
  await expect(proctor.getByTestId('count-submitted')).toContainText('2');
  await expect(proctor.getByTestId('time-left')).toContainText('—'); // no countdown once ended
  // the 10 who never logged in are 缺考 on the map, drawn unlike 未登录
  await expect(proctor.locator('[data-seat="03"]')).toHaveAttribute('data-tone', 'absent');
  await expect(proctor.locator('[data-seat="03"]')).toContainText('缺考');

  // results: the exam admin exports 成绩汇总表
  const admin = await logIn(browser, 'admin');
  await admin.goto(`${server.url}/console/#/s/${day.sessionId}/results`);
  await expect(admin.getByTestId('score-table')).toContainText(first.name);
  await expect(admin.getByTestId('pass-rate')).toContainText('50.0%');
  await expect(admin.getByTestId('item-stats').locator('[data-flag]').first()).toBeVisible();
  await admin.waitForTimeout(300); // the histogram's first paint
  await shot(admin, '10-results');
  const xlsx = admin.waitForEvent('download');
  await admin.getByRole('button', { name: /成绩汇总表/ }).click();
  const download = await xlsx;
  expect(download.suggestedFilename()).toContain('成绩汇总表');
  expect((await stat(await download.path())).size).toBeGreaterThan(3000);

  await admin.getByRole('menuitem', { name: '人工评分' }).click();
  await expect(admin.getByText('暂无待评分的简答题')).toBeVisible();
  await shot(admin, '11-marking');
});

test('a supervisor sees everything read-only, with the audit status', async ({ browser }) => {
  const supervisor = await logIn(browser, 'supervisor');
  await supervisor.goto(`${server.url}/console/#/s/${day.sessionId}/monitor`);
  await expect(supervisor.getByTestId('count-submitted')).toContainText('2');
  await expect(supervisor.getByTestId('session-actions')).toHaveCount(0);
  await openSeat(supervisor, '01');
  await expect(supervisor.getByTestId('panel-timeline')).toContainText('补时');
  await expect(supervisor.getByTestId('panel-actions')).toHaveCount(0);
  await shot(supervisor, '12-supervisor-panel');
  await closePanel(supervisor);
  await supervisor.getByRole('menuitem', { name: '考场情况记录' }).click();
  await expect(supervisor.getByTestId('incidents-table')).toContainText('设备故障');
  await expect(supervisor.getByRole('button', { name: '新增记录' })).toHaveCount(0);
  await supervisor.getByRole('button', { name: '审计校验' }).click();
  await expect(supervisor.getByTestId('audit-result')).toContainText('审计链完整');
  await shot(supervisor, '13-audit');
  await supervisor.getByRole('button', { name: 'English' }).click();
  await expect(supervisor.getByText('Audit chain intact')).toBeVisible();
  await shot(supervisor, '14-audit-en');
});

test('a proctor assigned to nothing sees a hint; the exam admin assigns 监考人员', async ({
  browser,
}) => {
  const outsider = await logIn(browser, 'proctor3');
  await expect(outsider.getByTestId('no-assigned-sessions')).toContainText(
    '您尚未被指派到任何考试场次，请联系考务管理员',
  );
  await expect(outsider.getByTestId('sessions-table')).not.toContainText('电工（四级）');
  await shot(outsider, '15-no-assigned-sessions');

  const admin = await logIn(browser, 'admin');
  const assigned = admin.getByTestId(`proctors-${day.sessionId}`);
  await expect(assigned).toContainText('proctor1');
  await expect(assigned).toContainText('proctor2');
  await assigned.getByRole('button', { name: '指派监考人员' }).click();
  const select = admin.getByTestId('assign-proctors-select');
  await select.click();
  await admin.keyboard.type('proctor3');
  await admin.keyboard.press('Enter');
  await shot(admin, '16-assign-proctors');
  await admin.getByRole('button', { name: '确认' }).click();
  await expect(assigned).toContainText('proctor3');

  await outsider.getByRole('button', { name: '刷新' }).click();
  await expect(outsider.getByTestId('sessions-table')).toContainText('电工（四级）');
  await expect(outsider.getByTestId('no-assigned-sessions')).toHaveCount(0);
});
