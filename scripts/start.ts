import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { isOutdatedKioskEnrollment } from '@skillexam/shared';
import { ensureDemoSite } from './demo/demo-site';
import { ROOT, runCli } from './demo/run-cli';
import { nodeArgsFor, SERVICES, type ServiceEntry } from './demo/service-command';
import { startBanner } from './demo/start-banner';

/**
 * `npm start` / `npm run dev`: on the first run provisions the demo exam site in .data/demo
 * (sample bank, assembled paper, signed package, proctor server with a session and roster),
 * then runs the proctor server (with the console at /console), the candidate client (the web
 * shell in kiosk mode, and the Electron kiosk where its binary exists) and the author workbench
 * (the web shell in author mode), each on its own address. `--dev` rebuilds on change.
 */
const dev = process.argv.includes('--dev');
/** `npm start -- --reset`: forget the demo site (data, accounts) and build a new one. */
const reset = process.argv.includes('--reset');
const demoDir = resolve(process.env['SKILLEXAM_DEMO_DIR'] ?? join(ROOT, '.data/demo'));
const proctorPort = process.env['PROCTOR_PORT'] ?? '7300';
const webPort = process.env['WEB_SHELL_PORT'] ?? '5174';
const kioskPort = process.env['KIOSK_PORT'] ?? '5175';
const centrePort = process.env['CENTER_PORT'] ?? '7400';
const children: ChildProcess[] = [];

interface Service {
  readonly name: string;
  readonly entry: ServiceEntry;
  readonly args: string[];
}

/** Starts a service in its own process; resolves with the URL of its `listening` line. */
function run(service: Service): Promise<string> {
  const child = spawn(process.execPath, [...nodeArgsFor(service.entry, dev), ...service.args], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, LOG_LEVEL: process.env['LOG_LEVEL'] ?? 'warn' },
  });
  children.push(child);
  const { stdout, stderr } = child;
  if (stdout === null || stderr === null) throw new Error('child streams missing');
  createInterface({ input: stderr }).on('line', (line) =>
    console.error(`[${service.name}] ${line}`),
  );
  return new Promise((resolvePromise, reject) => {
    child.once('exit', (code) => reject(new Error(`${service.name} exited with code ${code}`)));
    createInterface({ input: stdout }).on('line', (line) => {
      if (line.startsWith('{"event":"listening"')) {
        resolvePromise((JSON.parse(line) as { url: string }).url);
      } else {
        console.log(`[${service.name}] ${line}`);
      }
    });
  });
}

/** The web shell of one kind, with its own journal folder (and so its own kiosk settings). */
function webShell(kind: 'author' | 'kiosk', port: string, fingerprint: string): Service {
  const home = kind === 'author' ? demoDir : join(demoDir, 'kiosk');
  return {
    name: kind === 'author' ? 'workbench' : 'kiosk',
    entry: SERVICES.webShell,
    args: [
      '--kind',
      kind,
      '--port',
      port,
      '--journal-dir',
      join(home, kind === 'author' ? 'web-shell-journals' : 'journals'),
      // the workbench lists the banks of this folder: the demo's bank.qbank
      '--bank-dir',
      kind === 'author' ? demoDir : join(home, 'banks'),
      // the kiosk host pins the site CA, as an enrolled exam PC does (docs/decisions/0231)
      '--server-fingerprint',
      fingerprint,
    ],
  };
}

/** The Electron binary's path when it was downloaded (`npm run electron:fetch`), else undefined. */
function electronBinary(): string | undefined {
  try {
    const require = createRequire(join(ROOT, 'apps/desktop/package.json'));
    const dir = resolve(require.resolve('electron/package.json'), '..');
    const pathFile = join(dir, 'path.txt');
    if (!existsSync(pathFile)) return undefined;
    const binary = join(dir, 'dist', readFileSync(pathFile, 'utf8').trim());
    return existsSync(binary) ? binary : undefined;
  } catch {
    return undefined;
  }
}

/** Builds the desktop app, enrols the demo's exam PC once and opens the Electron kiosk. */
async function openElectronKiosk(electron: string, serverData: string, proctorUrl: string) {
  await new Promise<void>((done, fail) =>
    spawn(process.execPath, ['--import', 'tsx', 'scripts/build.ts', 'all'], {
      cwd: join(ROOT, 'apps/desktop'),
      stdio: 'inherit',
    }).once('exit', (code) => (code === 0 ? done() : fail(new Error('desktop build failed')))),
  );
  // The demo's exam PC is enrolled once, like a real one (docs/decisions/0216), and again when
  // its file is of an outdated format (/1: an HMAC secret instead of an Ed25519 key).
  const enrollmentFile = join(demoDir, 'kiosk-enrollment.json');
  if (
    !existsSync(enrollmentFile) ||
    isOutdatedKioskEnrollment(JSON.parse(readFileSync(enrollmentFile, 'utf8')) as unknown)
  ) {
    const enrollment = await runCli('proctor-server', [
      'kiosk',
      'enroll',
      '--data',
      serverData,
      '--name',
      '演示考试机',
      '--server-url',
      proctorUrl,
    ]);
    writeFileSync(enrollmentFile, `${JSON.stringify(enrollment, null, 2)}\n`, { mode: 0o600 });
  }
  children.push(
    spawn(electron, [join(ROOT, 'apps/desktop')], {
      stdio: 'inherit',
      env: {
        ...process.env,
        SKILLEXAM_SERVER_URL: proctorUrl,
        SKILLEXAM_ENROLLMENT: enrollmentFile,
      },
    }),
  );
}

const CENTRE: ServiceEntry = {
  bundle: join(ROOT, 'apps/center/dist/center.mjs'),
  source: join(ROOT, 'apps/center/src/cli/main.ts'),
};

/** Runs a `center` command to completion; its stdout. */
function centreCommand(args: readonly string[]): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [...nodeArgsFor(CENTRE, dev), ...args], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.once('exit', (code) =>
      code === 0
        ? resolvePromise(out)
        : reject(new Error(`center ${args[0] ?? ''}: ${err || out}`)),
    );
  });
}

/**
 * The evaluation centre on its embedded store in the demo folder (docs/center.md), with a
 * centre admin `admin` created on the first run: its one-time password is printed once.
 */
async function startCentre(): Promise<{ url: string; adminPassword?: string }> {
  const data = join(demoDir, 'center');
  const marker = join(data, 'demo-admin.json');
  let adminPassword: string | undefined;
  if (!existsSync(marker)) {
    const added = JSON.parse(
      await centreCommand([
        'staff',
        'add',
        'admin',
        '--role',
        'centre_admin',
        '--name',
        '演示中心管理员',
        '--data',
        data,
        '--json',
      ]),
    ) as { oneTimePassword: string };
    adminPassword = added.oneTimePassword;
    writeFileSync(marker, `${JSON.stringify({ username: 'admin' })}\n`);
  }
  const url = await run({
    name: 'center',
    entry: CENTRE,
    args: [
      'serve',
      '--data',
      data,
      '--port',
      centrePort,
      '--host',
      process.env['CENTER_HOST'] ?? '0.0.0.0',
    ],
  });
  return adminPassword === undefined ? { url } : { url, adminPassword };
}

function centreLines(centre: { url: string; adminPassword?: string }): string[] {
  return [
    `  评价中心 Evaluation centre:      ${centre.url}`,
    centre.adminPassword === undefined
      ? '    中心管理员 centre admin: admin (password printed on the first run; `npm start -- --reset` builds a new demo)'
      : `    中心管理员 centre admin: admin  一次性密码 one-time password ${centre.adminPassword} (shown ONCE; change it at the first sign-in)`,
    '',
  ];
}

function stopAll(code: number): never {
  for (const child of children) child.kill('SIGTERM');
  process.exit(code);
}
process.once('SIGINT', () => stopAll(0));
process.once('SIGTERM', () => stopAll(0));

if (dev) {
  for (const [cwd, args] of [
    ['apps/desktop', ['scripts/build.ts', 'renderer', '--watch']],
    ['apps/console', ['scripts/build.ts', '--watch']],
  ] as const) {
    children.push(
      spawn(process.execPath, ['--import', 'tsx', ...args], {
        cwd: join(ROOT, cwd),
        stdio: 'inherit',
      }),
    );
  }
}

try {
  const started = Date.now();
  if (reset) rmSync(demoDir, { recursive: true, force: true });
  const firstRun = !existsSync(join(demoDir, 'demo-site.json'));
  if (firstRun) console.log(`首次启动：在 ${demoDir} 建立示例考点（约半分钟）…`);
  const site = await ensureDemoSite(demoDir, {
    // a newcomer hands in a few minutes after the start (docs/decisions/0711)
    earliestSubmissionMinutes: 0,
    log: (line) => console.log(`  ${line}`),
  });
  // The demo site runs HTTPS like a real one (docs/decisions/0231): its own site CA, created on
  // the first run; the kiosk's host pins it.
  const siteTls = (await runCli('proctor-server', ['tls', 'show', '--data', site.serverData])) as {
    fingerprint: string;
  };
  const [proctorUrl, kioskUrl, workbenchUrl, centre] = await Promise.all([
    run({
      name: 'proctor-server',
      entry: SERVICES.proctorServer,
      args: [
        'serve',
        '--data',
        site.serverData,
        '--port',
        proctorPort,
        '--host',
        process.env['PROCTOR_HOST'] ?? '0.0.0.0',
        '--log-level',
        process.env['LOG_LEVEL'] ?? 'warn',
      ],
    }),
    run(webShell('kiosk', kioskPort, siteTls.fingerprint)),
    run(webShell('author', webPort, siteTls.fingerprint)),
    // the evaluation centre on its embedded store in the demo folder (docs/center.md)
    startCentre(),
  ]);
  const electron = electronBinary();
  if (electron !== undefined) await openElectronKiosk(electron, site.serverData, proctorUrl);
  const banner = startBanner({
    site,
    proctorUrl,
    kioskUrl,
    workbenchUrl,
    electronKiosk: electron !== undefined,
    siteCaFile: join(site.serverData, 'tls', 'site-ca.crt'),
    fingerprint: siteTls.fingerprint,
    seconds: ((Date.now() - started) / 1000).toFixed(1),
  });
  const walkthrough = banner.findIndex((line) => line.startsWith('  演示流程'));
  banner.splice(walkthrough === -1 ? banner.length : walkthrough, 0, ...centreLines(centre));
  for (const line of banner) console.log(line);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  stopAll(1);
}
