import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

/**
 * `npm start` / `npm run dev`: runs the proctor server and the desktop web shell side by side
 * and prints where to open them. `--dev` also rebuilds the renderer on every change.
 */
const root = fileURLToPath(new URL('..', import.meta.url));
const dev = process.argv.includes('--dev');
const children: ChildProcess[] = [];

interface Service {
  readonly name: string;
  readonly cwd: string;
  readonly args: string[];
}

const services: Service[] = [
  {
    name: 'proctor-server',
    cwd: `${root}apps/proctor-server`,
    args: ['src/index.ts', '--port', process.env['PROCTOR_PORT'] ?? '7300'],
  },
  {
    name: 'web-shell',
    cwd: `${root}apps/desktop`,
    args: ['src/web/server/index.ts', '--port', process.env['WEB_SHELL_PORT'] ?? '5174'],
  },
];

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
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`${service.name} exited with code ${code}`)));
    createInterface({ input: stdout }).on('line', (line) => {
      if (line.startsWith('{"event":"listening"')) {
        resolve((JSON.parse(line) as { url: string }).url);
      } else {
        console.log(`[${service.name}] ${line}`);
      }
    });
  });
}

function stopAll(code: number): never {
  for (const child of children) child.kill('SIGTERM');
  process.exit(code);
}
process.once('SIGINT', () => stopAll(0));
process.once('SIGTERM', () => stopAll(0));

if (dev) {
  const watcher = spawn(
    process.execPath,
    ['--import', 'tsx', 'scripts/build.ts', 'renderer', '--watch'],
    {
      cwd: `${root}apps/desktop`,
      stdio: 'inherit',
    },
  );
  children.push(watcher);
}

try {
  const [proctorUrl, webUrl] = await Promise.all(services.map(run));
  console.log('');
  console.log('  职业技能等级认定理论考试系统 is running');
  console.log(`  Proctor server (监考服务器):  ${proctorUrl}   health: ${proctorUrl}/api/health`);
  console.log(`  Desktop app in a browser:     ${webUrl}`);
  console.log('  Press Ctrl+C to stop.');
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  stopAll(1);
}
