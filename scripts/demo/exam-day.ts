import { mkdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, relative } from 'node:path';
import { openBank } from '@skillexam/item-bank';
import { KioskEnrollmentSchema, mulberry32, normalDraw, type ItemContent } from '@skillexam/shared';
import { ExamAgent, type AgentStatus } from '../../apps/desktop/src/host/exam-agent/exam-agent';
import { connectStaff } from '../../apps/desktop/test/support/exam-room';
import { ProctorServerProcess } from '../../apps/desktop/test/support/proctor-server-process';
import { siteCaOf } from '../../apps/desktop/test/support/site-tls-client';
import { ensureDemoSite, OCCUPATION_LABEL, SITE_NAME } from './demo-site';
import { runCentreDay } from './centre-day';
import { centreSummary } from './centre-summary';
import { bankStatisticsSummary, publishToDemoWorkbench } from './exam-day-statistics';
import { ROOT, runCli } from './run-cli';
import { planAnswers, type PlannedAnswer } from './simulated-candidate';

/*
 * `npm run demo:exam-day`: a scripted exam day on a fresh site. 30 simulated candidates run the
 * real kiosk exam agent (journal.db, outbox, resync, sealed paper) against the real proctor
 * server process; halfway through the server is killed (a power cut) and restarted; everyone
 * submits, the agents reconcile their journals with the server's state hash, the session ends,
 * results and item statistics are exported and the statistics flow back into the bank. Then the
 * evaluation centre takes the day's results package and issues the certificates (centre-day.ts).
 */

const CANDIDATES = Number(process.env['DEMO_CANDIDATES'] ?? 30);
const stamp = new Date().toISOString().replace(/[:.]/g, '-');
const runDir = join(ROOT, '.data/exam-day', stamp);
const random = mulberry32(20261121);
const log = (line: string) => console.log(line);

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const address = s.address();
      s.close(() => resolve(typeof address === 'object' && address !== null ? address.port : 0));
    });
  });
}

async function waitFor(what: string, check: () => boolean, ms = 120_000): Promise<void> {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > ms) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

mkdirSync(runDir, { recursive: true });
log(`考试日演示 · ${CANDIDATES} 名模拟考生 · ${relative(ROOT, runDir)}`);
const site = await ensureDemoSite(join(runDir, 'site'), {
  sessionId: 'exam-day',
  candidates: CANDIDATES,
  start: new Date(Date.now() + 5 * 60_000),
  earliestSubmissionMinutes: 0,
  log: (line) => log(`  ${line}`),
});
// The room's 监考员 runs the day; the site assigned proctor1 to the session (docs/decisions/0221).
const proctor = site.newAccounts?.find((a) => a.username === 'proctor1');
if (proctor === undefined) throw new Error('a fresh demo site has a proctor1 account');
// The exam admin enrolls the room's PC once (docs/decisions/0216); every simulated kiosk signs
// its login with that enrollment, as a real exam PC does.
const enrollment = KioskEnrollmentSchema.parse(
  await runCli('proctor-server', [
    'kiosk',
    'enroll',
    '--data',
    site.serverData,
    '--name',
    '演示考试机',
    '--site-name',
    SITE_NAME,
  ]),
);

// HTTPS/WSS with the site certificate; the kiosks pin it through their enrollment (0232).
const server = new ProctorServerProcess(site.serverData, await freePort(), true);
// A failed run must not leave the server behind: kill() signals synchronously.
process.once('exit', () => void server.kill());
await server.start();
const staff = await connectStaff(server.url, proctor, siteCaOf(site.serverData));
await staff.call('session:open-check-in', { sessionId: site.sessionId });

log('考生登录、确认身份…');
const statuses = new Map<string, AgentStatus>();
const agents = await Promise.all(
  site.candidates.map((c) =>
    ExamAgent.start(
      {
        serverUrl: server.url,
        journalDir: join(runDir, 'kiosks', c.ticket),
        clientKind: 'kiosk',
        enrollment,
        heartbeatMs: 2000,
        onStatus: (s) => statuses.set(c.ticket, s),
      },
      c.ticket,
      c.code,
    ),
  ),
);
await Promise.all(agents.map((a) => a.confirmIdentity()));
await staff.call('proctor:admit', { sessionId: site.sessionId });
await staff.call('session:start', { sessionId: site.sessionId });
log('开考：试卷密钥已发放');
// Each kiosk learns of 开考 by a push on its own connection, which may arrive after the
// proctor's reply; agent.paper() asks the server itself when its last push is not yet 开考.

const bank = openBank(site.bankFile, { readonly: true });
const record = JSON.parse(readFileSync(site.paperFile, 'utf8')) as {
  paper: { sections: { items: { itemId: string; version: number }[] }[] };
};
const versionOf = new Map(
  record.paper.sections.flatMap((s) => s.items.map((i) => [i.itemId, i.version] as const)),
);
const contentOf = (itemId: string): ItemContent => {
  const version = bank.items.getVersion(itemId, versionOf.get(itemId) ?? 1);
  if (version === undefined) throw new Error(`item ${itemId} missing from the bank`);
  return version.content;
};
const plans: PlannedAnswer[][] = [];
for (const agent of agents) {
  const { paper } = await agent.paper();
  plans.push(planAnswers(paper, contentOf, normalDraw(random), random));
}
bank.close();

const rounds = Math.max(...plans.map((p) => p.length));
let answers = 0;
let restartedAt = -1;
for (let round = 0; round < rounds; round += 1) {
  if (round === Math.floor(rounds / 2)) {
    log(`第 ${round} 题附近：服务器断电（SIGKILL），考生继续作答并保存在本机…`);
    await server.kill();
    restartedAt = round;
  }
  if (round === Math.floor(rounds / 2) + 10) {
    await server.start();
    log('服务器重新启动，考生端自动重连并补传');
  }
  agents.forEach((agent, i) => {
    const planned = plans[i]?.[round];
    if (planned === undefined) return;
    agent.answer(planned.itemId, planned.value);
    answers += 1;
  });
  await new Promise((r) => setTimeout(r, 15));
}
await waitFor('every answer synced', () =>
  [...statuses.values()].every((s) => s.connection === 'online' && s.pending === 0),
);

log('交卷并与服务器核对答案状态…');
await Promise.all(agents.map((a) => a.submit()));
const reconciled = await Promise.all(agents.map((a) => a.reconcile()));
const lost = reconciled.filter((ok) => !ok).length;
for (const agent of agents) agent.close();
await staff.call('session:end', { sessionId: site.sessionId, reason: '考试时间到' });
staff.close();
await server.stop();

const results = (await runCli('proctor-server', [
  'results',
  'export',
  '--data',
  site.serverData,
  '--session',
  site.sessionId,
  '--out',
  join(runDir, 'results'),
  '--site',
  SITE_NAME,
  '--occupation',
  OCCUPATION_LABEL,
])) as Record<string, string | number>;
const responses = String(results['responses'] ?? '');
const analysis = join(runDir, 'results', 'item-analysis.xlsx');
await runCli('qbank', ['analyze', responses, '--out', analysis]);
// The response file names its paper, session and date (#考试/#场次/#日期): the bank records the
// figures on the versions that paper pinned, once, with the server's scoring options.
const itemAnalysisFile = JSON.parse(readFileSync(String(results['itemStatistics']), 'utf8')) as {
  scoring?: { multipleChoiceScoring: string; groupFraction: number };
};
const scoring = itemAnalysisFile.scoring;
const updated = (await runCli('qbank', [
  'stats',
  'import',
  responses,
  '--bank',
  site.bankFile,
  ...(scoring === undefined
    ? []
    : [
        '--multiple-choice',
        scoring.multipleChoiceScoring,
        '--group-fraction',
        String(scoring.groupFraction),
      ]),
])) as {
  updated: number;
};
const measured = bankStatisticsSummary(site.bankFile);
if (measured.withStatistics === 0) throw new Error('no measured statistics reached the bank');
const published = publishToDemoWorkbench(site.bankFile);

log('');
log('考试日演示完成 · exam day finished');
log(
  `  candidates 考生: ${CANDIDATES} · answers saved 作答保存: ${answers} · server restart after round ${restartedAt}`,
);
log(`  lost answers 丢失答案: ${lost} (every journal reconciled with the server's state hash)`);
const itemAnalysis = JSON.parse(readFileSync(String(results['itemStatistics']), 'utf8')) as {
  test: { mean: number; kr20?: number };
  items: { flags: unknown[] }[];
};
log(
  `  mean score 平均分: ${itemAnalysis.test.mean.toFixed(1)} · KR-20: ${itemAnalysis.test.kr20?.toFixed(3) ?? '—'} · items flagged for review 需复查试题: ${itemAnalysis.items.filter((i) => i.flags.length > 0).length}`,
);
log(`  item statistics written back to the bank: ${updated.updated} items (${site.bankFile})`);
log(
  `  题库看板「实测难度 p 分布」 measured p of ${measured.withStatistics} items: [${measured.pHistogram.join(', ')}]`,
);
log(
  published === undefined
    ? `  (run \`npm start\` once, then again this demo, to see this bank in the workbench)`
    : `  workbench of \`npm start\`: open ${published}`,
);
for (const [name, value] of Object.entries(results)) {
  if (typeof value === 'string') log(`  ${name}: ${value}`);
}
log(`  item analysis 试题分析: ${analysis}`);
if (lost > 0) process.exit(1);

// The day's results go to the evaluation centre and come back as certificates (docs/center.md).
log('');
const centre = await runCentreDay({
  runDir,
  serverData: site.serverData,
  sessionId: site.sessionId,
  resultsPackage: String(results['resultsPackage'] ?? ''),
  occupationAndLevel: OCCUPATION_LABEL,
  log,
});
const audit = (await runCli('center', ['audit', 'verify', '--data', centre.dataDir])) as {
  ok: boolean;
  records?: number;
};
log('');
for (const line of centreSummary(centre, audit)) log(line);
if (!centre.lookupOk || !audit.ok) process.exit(1);
