import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { isOutdatedKioskEnrollment } from '@skillexam/shared';
import { ensureDemoSite } from './demo/demo-site';
import { ROOT, runCli } from './demo/run-cli';

/**
 * `npm start` / `npm run dev`: on the first run provisions the demo exam site in .data/demo
 * (sample bank, assembled paper, signed package, proctor server with a session and roster),
 * then runs the proctor server (with the console at /console) and the candidate client: the
 * Electron kiosk where its binary exists, otherwise the web shell. `--dev` rebuilds on change.
 */
const dev = process.argv.includes('--dev');
/** `npm start -- --reset`: forget the demo site (data, accounts) and build a new one. */
const reset = process.argv.includes('--reset');
const demoDir = resolve(process.env['SKILLEXAM_DEMO_DIR'] ?? join(ROOT, '.data/demo'));
const proctorPort = process.env['PROCTOR_PORT'] ?? '7300';
const webPort = process.env['WEB_SHELL_PORT'] ?? '5174';
const children: ChildProcess[] = [];

interface Service {
  readonly name: string;
  readonly cwd: string;
  readonly args: string[];
}

function run(service: Service): Promise<string> {
  const child = spawn(process.execPath, ['--import', 'tsx', ...service.args], {
    cwd: service.cwd,
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
  const site = await ensureDemoSite(demoDir, { log: (line) => console.log(`  ${line}`) });
  // The demo site runs HTTPS like a real one (docs/decisions/0231): its own site CA, created on
  // the first run; the web shell's kiosk host pins it, as an enrolled exam PC does.
  const siteTls = (await runCli('proctor-server', ['tls', 'show', '--data', site.serverData])) as {
    fingerprint: string;
  };
  const siteCaFile = join(site.serverData, 'tls', 'site-ca.crt');
  const [proctorUrl, webUrl] = await Promise.all([
    run({
      name: 'proctor-server',
      cwd: join(ROOT, 'apps/proctor-server'),
      args: ['src/index.ts', '--port', proctorPort, '--data-dir', site.serverData],
    }),
    run({
      name: 'web-shell',
      cwd: join(ROOT, 'apps/desktop'),
      args: [
        'src/web/server/index.ts',
        '--port',
        webPort,
        '--journal-dir',
        join(demoDir, 'web-shell-journals'),
        // the workbench lists the banks of this folder: the demo's bank.qbank
        '--bank-dir',
        demoDir,
        '--server-fingerprint',
        siteTls.fingerprint,
      ],
    }),
  ]);
  const electron = electronBinary();
  if (electron !== undefined) {
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
        site.serverData,
        '--name',
        '演示考试机',
        '--server-url',
        proctorUrl,
      ]);
      writeFileSync(enrollmentFile, `${JSON.stringify(enrollment, null, 2)}\n`, { mode: 0o600 });
    }
    const kiosk = spawn(electron, [join(ROOT, 'apps/desktop')], {
      stdio: 'inherit',
      env: {
        ...process.env,
        SKILLEXAM_SERVER_URL: proctorUrl,
        SKILLEXAM_ENROLLMENT: enrollmentFile,
      },
    });
    children.push(kiosk);
  }
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const first = site.candidates[0];
  console.log('');
  console.log(`  职业技能等级认定理论考试系统 · SkillExam is running (ready in ${seconds} s)`);
  console.log(`  监考控制台 Proctor console:     ${proctorUrl}/console`);
  console.log(
    `  考生端 Candidate client:        ${electron === undefined ? `${webUrl}/?server=${encodeURIComponent(proctorUrl)}  (web shell, a practice client: no Electron binary here)` : 'Electron kiosk window'}`,
  );
  console.log(`  出题/题库 Author workbench:     ${webUrl}/#/author  (bank: ${site.bankFile})`);
  console.log(`  Proctor server health:          ${proctorUrl}/api/health`);
  console.log(`  考点证书 Site CA (HTTPS):        ${siteCaFile}`);
  console.log(`    SHA-256 指纹 fingerprint:      ${siteTls.fingerprint}`);
  console.log(
    '    浏览器提示证书不受信任时：把上面的 site-ca.crt 安装为受信任的根证书，或核对指纹后继续 (docs/deployment.md, HTTPS)',
  );
  console.log(`  Session 场次: ${site.sessionId} · roster and exam codes: ${site.candidatesCsv}`);
  if (first !== undefined) {
    console.log(
      `  Try a candidate: 准考证号 ${first.ticket}  考试码 ${first.code}  (${first.name})`,
    );
  }
  console.log(`  Admission slips 准考证: ${site.slipsPdf}`);
  if (site.newAccounts !== undefined) {
    console.log('');
    console.log('  Staff accounts (passwords are shown ONCE; write them down):');
    for (const a of site.newAccounts)
      console.log(`    ${a.role.padEnd(10)} ${a.username.padEnd(12)} ${a.password}`);
  } else {
    console.log(
      '  Staff accounts: admin / proctor1 / supervisor1 (passwords were printed on the first run; `npm start -- --reset` builds a new demo site)',
    );
  }
  console.log('  Press Ctrl+C to stop.');
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  stopAll(1);
}
