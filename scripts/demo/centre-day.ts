import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { callCentre, signInFirstTime, startCentre, type RunningCentre } from './centre-client';
import { SITE_NAME } from './demo-site';
import { runCli } from './run-cli';
import { writeSkillsSheet } from './skills-sheet';

/*
 * The end of `npm run demo:exam-day`: the day's results go to the evaluation centre and come
 * back as certificates (docs/center.md). The centre admin sets up the organisation, its two
 * staff and the site (the site's audit signing public key) with `center` commands; the site
 * pushes its results package (`proctor-server results push`); one staff member builds a batch
 * from the ingested results, imports the skills scores and submits it, the other approves it
 * (four eyes); the admin allocates a number range; certificates are issued; one certificate's
 * public lookup is fetched to prove it answers. Everything goes through the real CLIs and HTTP
 * routes; the centre runs on its embedded store in the run folder.
 */

export interface CentreDayInput {
  readonly runDir: string;
  /** The proctor server's data folder (its keys/audit-signing.pub). */
  readonly serverData: string;
  readonly sessionId: string;
  /** The signed results package of `proctor-server results export`. */
  readonly resultsPackage: string;
  /** How the site's exam names its occupation and level, e.g. 电工（四级/中级工）. */
  readonly occupationAndLevel: string;
  readonly log: (line: string) => void;
}

export interface CentreDayReport {
  readonly dataDir: string;
  readonly candidates: number;
  readonly passed: number;
  readonly failed: number;
  readonly issued: readonly string[];
  readonly lookupUrl: string;
  readonly lookupOk: boolean;
  readonly accounts: readonly { username: string; role: string; password: string }[];
}

const SITE_SERIAL = '000001';
const LEVEL = 4;

const newPassword = () => `demo-${randomBytes(9).toString('base64url')}`;

/** The year in China, as the centre numbers certificates (pos 14–15 of the number). */
const chinaYear = () => new Date(Date.now() + 8 * 3600_000).getUTCFullYear();

interface Issued {
  readonly number: string;
  readonly name: string;
  readonly lookupUrl?: string;
}

/** Fetches a certificate's public lookup: the QR link when the centre gives it, else the form. */
async function lookUp(
  base: string,
  certificate: Issued,
): Promise<{ url: string; ok: boolean; status: number }> {
  if (certificate.lookupUrl !== undefined) {
    const response = await fetch(certificate.lookupUrl);
    const page = await response.text();
    return {
      url: certificate.lookupUrl,
      ok: response.ok && page.includes(certificate.number),
      status: response.status,
    };
  }
  // the form the certificate's PDF prints: number + holder's name, posted like a browser does
  const url = new URL('/verify', base).toString();
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ number: certificate.number, proof: certificate.name }).toString(),
  });
  const page = await response.text();
  return {
    url: `${url} (POST 证书编号 number + 姓名 name)`,
    ok: response.ok && page.includes(certificate.number),
    status: response.status,
  };
}

export async function runCentreDay(input: CentreDayInput): Promise<CentreDayReport> {
  const { log } = input;
  // The demo's centre is always the embedded one in the run folder, whatever the shell sets.
  delete process.env['DATABASE_URL'];
  const dataDir = join(input.runDir, 'center');
  mkdirSync(dataDir, { recursive: true });
  const data = ['--data', dataDir];

  log('评价中心：登记评价机构、人员与考点（center 命令，内置数据库）…');
  const organisation = (await runCli('center', [
    'organisation',
    'add',
    ...data,
    '--name',
    '示例职业技能评价机构',
    '--kind',
    'S',
    '--code',
    '0000',
    '--province',
    '44',
  ])) as { id: string; name: string };
  const staff = [
    { username: 'admin', role: 'centre_admin', name: '中心管理员' },
    { username: 'zhang.san', role: 'org_staff', name: '张三（评价机构）' },
    { username: 'li.si', role: 'org_staff', name: '李四（评价机构）' },
  ];
  const oneTime = new Map<string, string>();
  for (const person of staff) {
    const added = (await runCli('center', [
      'staff',
      'add',
      person.username,
      ...data,
      '--role',
      person.role,
      '--name',
      person.name,
      ...(person.role === 'org_staff' ? ['--organisation', organisation.id] : []),
    ])) as { oneTimePassword: string };
    oneTime.set(person.username, added.oneTimePassword);
  }
  const site = (await runCli('center', [
    'site',
    'enrol',
    ...data,
    '--organisation',
    organisation.id,
    '--name',
    SITE_NAME,
    '--serial',
    SITE_SERIAL,
    '--key',
    join(input.serverData, 'keys', 'audit-signing.pub'),
  ])) as { id: string; keyId: string };
  log(
    `  ${organisation.name} · 考点「${SITE_NAME}」序列码 ${SITE_SERIAL} · 签名密钥 ${site.keyId}`,
  );

  const centre: RunningCentre = await startCentre(dataDir);
  process.once('exit', () => centre.kill());
  try {
    return await withCentre(centre, input, dataDir, staff, oneTime);
  } finally {
    await centre.stop();
  }
}

async function withCentre(
  centre: RunningCentre,
  input: CentreDayInput,
  dataDir: string,
  staff: readonly { username: string; role: string }[],
  oneTime: ReadonlyMap<string, string>,
): Promise<CentreDayReport> {
  const { log } = input;
  const base = centre.url;
  log(`  评价中心已启动 centre listening: ${base}`);
  const accounts = staff.map((s) => ({ ...s, password: newPassword() }));
  const tokens = new Map<string, string>();
  for (const account of accounts)
    tokens.set(
      account.username,
      await signInFirstTime(
        base,
        account.username,
        oneTime.get(account.username) ?? '',
        account.password,
      ),
    );
  const as = (username: string) => ({ token: tokens.get(username) ?? '' });

  log('考点上报成绩包（proctor-server results push）…');
  // runCli hands back the verdict's data (the push exits 1 on a refusal, which throws)
  const pushed = (await runCli('proctor-server', [
    'results',
    'push',
    input.resultsPackage,
    '--to',
    base,
  ])) as { candidates: number; sha256: string; chainHead: { seq: number } };
  log(
    `  中心已核验并接收 accepted: ${String(pushed.candidates)} 名考生 · 考点审计链头 #${String(pushed.chainHead.seq)} · SHA-256 ${pushed.sha256.slice(0, 16)}…`,
  );

  log('认定批次：加入考生、导入实操成绩、提交（张三）→ 审核通过（李四，四眼原则）…');
  const batch = await callCentre<{ id: string }>(base, 'POST', '/api/batches', {
    ...as('zhang.san'),
    json: {
      name: `电工四级 ${input.sessionId} 认定批次`,
      occupationCode: '6-31-01-03',
      occupationName: '电工',
      level: LEVEL,
    },
  });
  const added = await callCentre<{ added: number; pending: number }>(
    base,
    'POST',
    `/api/batches/${batch.id}/candidates`,
    {
      ...as('zhang.san'),
      json: { sessionId: input.sessionId, occupationAndLevel: input.occupationAndLevel },
    },
  );
  const before = await callCentre<{ candidates: { idNumber: string; name: string }[] }>(
    base,
    'GET',
    `/api/batches/${batch.id}`,
    as('zhang.san'),
  );
  const sheet = await writeSkillsSheet(join(dataDir, '实操成绩表.xlsx'), before.candidates);
  const query = new URLSearchParams({ fileName: '实操成绩表.xlsx' });
  await callCentre(base, 'POST', `/api/batches/${batch.id}/scores?${query.toString()}`, {
    ...as('zhang.san'),
    raw: readFileSync(sheet.file),
  });
  await callCentre(base, 'POST', `/api/batches/${batch.id}/submit`, as('zhang.san'));
  await callCentre(base, 'POST', `/api/batches/${batch.id}/approve`, as('li.si'));
  const approved = await callCentre<{
    summary: { candidates: number; pass: number; fail: number; incomplete: number };
  }>(base, 'GET', `/api/batches/${batch.id}`, as('li.si'));
  const { summary } = approved;
  log(
    `  考生 ${String(added.added)} 人 · 实操 ${String(sheet.passing)} 人及格、${String(sheet.absent)} 人缺考 · 综合：合格 ${String(summary.pass)}，不合格 ${String(summary.fail)}，待定 ${String(summary.incomplete)}`,
  );

  log('证书：申请并分配号段，批次发证…');
  const request = await callCentre<{ id: string }>(
    base,
    'POST',
    '/api/certificate-ranges/requests',
    {
      ...as('zhang.san'),
      json: { siteSerial: SITE_SERIAL, year: chinaYear(), level: LEVEL, size: 1000 },
    },
  );
  const range = await callCentre<{ prefix: string; first_serial: number; last_serial: number }>(
    base,
    'POST',
    `/api/certificate-ranges/requests/${request.id}/allocate`,
    as('admin'),
  );
  const { issued } = await callCentre<{ issued: Issued[] }>(
    base,
    'POST',
    `/api/batches/${batch.id}/issue`,
    as('zhang.san'),
  );
  log(
    `  号段 ${range.prefix} ${String(range.first_serial).padStart(6, '0')}–${String(range.last_serial).padStart(6, '0')} · 已发证 ${String(issued.length)} 张`,
  );
  const first = issued[0];
  if (first === undefined) throw new Error('no candidate passed: no certificate to look up');
  const lookup = await lookUp(base, first);
  return {
    dataDir,
    candidates: summary.candidates,
    passed: summary.pass,
    failed: summary.fail,
    issued: issued.map((c) => c.number),
    lookupUrl: lookup.url,
    lookupOk: lookup.ok,
    accounts,
  };
}
