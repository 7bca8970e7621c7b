import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { runCli } from './run-cli';
import { buildSampleBank, SAMPLE_BLUEPRINT } from './sample-bank';
import { sampleCandidates, writeSampleRoster } from './sample-roster';

/*
 * The demo exam site, provisioned the way a centre does it, with our own CLIs: the sample bank
 * (electrician, level 4) → keys → an assembled paper → a signed, encrypted .exampkg → a proctor
 * server data directory with the package imported, staff accounts, a session and its roster.
 */

export const OCCUPATION_LABEL = '电工（四级/中级工）';
export const SITE_NAME = '示例考点';

export interface DemoSite {
  readonly dir: string;
  readonly serverData: string;
  readonly sessionId: string;
  readonly examId: string;
  readonly bankFile: string;
  readonly paperFile: string;
  readonly packageFile: string;
  readonly slipsPdf: string;
  /** ticket, name, exam code for every candidate (the codes are printed on the slips). */
  readonly candidatesCsv: string;
  readonly candidates: readonly { ticket: string; name: string; code: string }[];
  /** Only on the run that created the site: passwords are shown once and never stored. */
  readonly newAccounts?: readonly { username: string; role: string; password: string }[];
}

const STATE_FILE = 'demo-site.json';

type DemoSiteState = Pick<DemoSite, 'sessionId' | 'examId' | 'candidates'>;

/** The site's files sit at fixed names inside its folder, so the folder can be moved. */
export function readDemoSite(dir: string): DemoSite {
  const state = JSON.parse(readFileSync(join(dir, STATE_FILE), 'utf8')) as DemoSiteState;
  return {
    ...state,
    dir,
    serverData: join(dir, 'server'),
    bankFile: join(dir, 'bank.qbank'),
    paperFile: join(dir, 'papers/paper-A.json'),
    packageFile: join(dir, 'exam.exampkg'),
    slipsPdf: join(dir, 'admission-slips.pdf'),
    candidatesCsv: join(dir, 'candidates.csv'),
  };
}

/** A readable one-time password: 4 groups of 4 letters/digits without look-alikes. */
function newPassword(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';
  const bytes = randomBytes(16);
  const chars = [...bytes].map((b) => alphabet[b % alphabet.length] ?? 'a');
  return [0, 4, 8, 12].map((i) => chars.slice(i, i + 4).join('')).join('-');
}

export interface DemoSiteOptions {
  readonly sessionId?: string;
  readonly candidates?: number;
  /** Scheduled start; default 20 minutes from now, so check-in is already open. */
  readonly start?: Date;
  readonly durationMinutes?: number;
  /** Minutes after the start before candidates may submit (the session default is 30). */
  readonly earliestSubmissionMinutes?: number;
  readonly log?: (line: string) => void;
}

/** Provisions the demo site in `dir`, or returns the existing one (later runs reuse the data). */
export async function ensureDemoSite(
  dir: string,
  options: DemoSiteOptions = {},
): Promise<DemoSite> {
  const stateFile = join(dir, STATE_FILE);
  if (existsSync(stateFile)) return readDemoSite(dir);
  if (existsSync(dir))
    throw new Error(`${dir} exists but holds no demo site; remove it or choose another folder`);
  // Built in a side folder and renamed at the end: a failed run never leaves half a site.
  const partial = `${dir}.partial`;
  rmSync(partial, { recursive: true, force: true });
  mkdirSync(partial, { recursive: true });
  const log = options.log ?? (() => undefined);
  const path = (name: string) => join(partial, name);
  const serverData = path('server');

  log('建立示例题库（电工 四级）…');
  const bankFile = path('bank.qbank');
  const bank = await buildSampleBank(bankFile);
  log(`  ${bank.standardPoints} 个鉴定点，${bank.items} 道已审核试题`);

  log('生成密钥、组卷、打包…');
  const keys = (await runCli('qbank', ['keygen', '--out', path('keys')])) as {
    files: { signingPrivate: string; signingPublic: string };
  };
  const site = (await runCli('proctor-server', ['package', 'key', '--data', serverData])) as {
    publicKeyPem: string;
  };
  const siteKeyFile = path('keys/proctor-site.pub.pem');
  writeFileSync(siteKeyFile, site.publicKeyPem);
  // The site certificate (HTTPS, decision 0230) exists from setup on, so the admission slips'
  // cover sheet carries its fingerprint and enrolled kiosks pin it.
  await runCli('proctor-server', ['tls', 'show', '--data', serverData, '--site-name', SITE_NAME]);
  await runCli('qbank', [
    'assemble',
    '--bank',
    bankFile,
    '--blueprint',
    SAMPLE_BLUEPRINT,
    '--seed',
    '2026',
    '--out',
    path('papers'),
  ]);
  const paperFile = path('papers/paper-A.json');
  const packageFile = path('exam.exampkg');
  await runCli('qbank', [
    'package',
    '--bank',
    bankFile,
    '--paper',
    paperFile,
    '--out',
    packageFile,
    '--signing-key',
    keys.files.signingPrivate,
    '--site-key',
    siteKeyFile,
  ]);

  log('配置考点服务器：导入考试包、账号、场次与考生名单…');
  await runCli('proctor-server', [
    'package',
    'trust',
    keys.files.signingPublic,
    '--data',
    serverData,
    '--label',
    '示例题库',
  ]);
  const imported = (await runCli('proctor-server', [
    'exam',
    'import',
    packageFile,
    '--data',
    serverData,
  ])) as { examId: string };
  const newAccounts = [
    { username: 'admin', role: 'admin', password: newPassword() },
    { username: 'proctor1', role: 'proctor', password: newPassword() },
    { username: 'supervisor1', role: 'supervisor', password: newPassword() },
  ];
  for (const account of newAccounts) {
    await runCli(
      'proctor-server',
      [
        'user',
        'add',
        account.username,
        '--data',
        serverData,
        '--role',
        account.role,
        '--password-stdin',
      ],
      `${account.password}\n`,
    );
  }
  const sessionId = options.sessionId ?? 'demo-001';
  const start = options.start ?? new Date(Date.now() + 20 * 60_000);
  const roster = sampleCandidates(options.candidates ?? 30);
  await runCli('proctor-server', [
    'session',
    'create',
    sessionId,
    '--data',
    serverData,
    '--exam',
    imported.examId,
    '--name',
    '理论知识考试（示例场次）',
    '--start',
    start.toISOString(),
    '--duration',
    String(options.durationMinutes ?? 120),
    '--room',
    `r1:${roster[0]?.room ?? '第一考场'}:${roster.length}`,
    // proctors see only the sessions they are assigned to (docs/decisions/0221)
    '--proctors',
    'proctor1',
    '--allow-practice-clients',
    ...(options.earliestSubmissionMinutes === undefined
      ? []
      : ['--earliest-submission', String(options.earliestSubmissionMinutes)]),
  ]);
  const { rosterFile, photosDir } = await writeSampleRoster(path('roster'), roster);
  const slipsPdf = path('admission-slips.pdf');
  const codes = (await runCli('proctor-server', [
    'roster',
    'import',
    rosterFile,
    '--data',
    serverData,
    '--session',
    sessionId,
    '--photos',
    photosDir,
    '--slips',
    slipsPdf,
    '--site',
    SITE_NAME,
    '--occupation',
    OCCUPATION_LABEL,
  ])) as { candidates: { admissionTicketNumber: string; examCode: string }[] };
  const codeOf = new Map(codes.candidates.map((c) => [c.admissionTicketNumber, c.examCode]));
  const candidates = roster.map((c) => ({
    ticket: c.ticket,
    name: c.name,
    code: codeOf.get(c.ticket) ?? '',
  }));
  const candidatesCsv = path('candidates.csv');
  writeFileSync(
    candidatesCsv,
    ['准考证号,姓名,考试码', ...candidates.map((c) => `${c.ticket},${c.name},${c.code}`)].join(
      '\n',
    ) + '\n',
  );
  const state: DemoSiteState = { sessionId, examId: imported.examId, candidates };
  writeFileSync(path(STATE_FILE), JSON.stringify(state, null, 2));
  renameSync(partial, dir);
  return { ...readDemoSite(dir), newAccounts };
}
