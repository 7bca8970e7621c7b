import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../../..', import.meta.url));
/** The banner's last line: everything is listening once it is printed. */
const READY_LINE = 'Press Ctrl+C to stop.';

export interface DemoLauncher {
  /** Everything the launcher printed up to and including its ready line. */
  readonly printed: string;
  stop(): Promise<void>;
}

/**
 * `npm start`'s launcher (scripts/start.ts) in its own process, as a newcomer runs it: a fresh
 * demo site in `demoDir`, every port chosen by the system (0), discovery off so the test's server
 * is not advertised on the LAN. Resolves when the banner is printed.
 */
export async function startDemoLauncher(demoDir: string, timeoutMs: number): Promise<DemoLauncher> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      SKILLEXAM_DEMO_DIR: demoDir,
      PROCTOR_PORT: '0',
      PROCTOR_HOST: '127.0.0.1',
      PROCTOR_DISCOVERY: '0',
      WEB_SHELL_PORT: '0',
      KIOSK_PORT: '0',
    },
  });
  const { stdout, stderr } = child;
  let printed = '';
  let errors = '';
  stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGTERM');
      reject(new Error(`npm start was not ready in ${timeoutMs} ms:\n${printed}\n${errors}`));
    }, timeoutMs);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`npm start exited with ${code}:\n${printed}\n${errors}`));
    });
    createInterface({ input: stdout }).on('line', (line) => {
      printed += `${line}\n`;
      if (!line.includes(READY_LINE)) return;
      clearTimeout(timer);
      resolve();
    });
  });
  return {
    printed,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
