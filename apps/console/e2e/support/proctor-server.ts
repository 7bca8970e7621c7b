import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { seedSiteCa } from './site-tls';

/*
 * The real proctor server, black-box: its CLI for setup and `serve` in its own process. The
 * console may not import the server (apps never import apps), so the tests run its command.
 */
const BIN = fileURLToPath(
  new URL('../../../proctor-server/bin/proctor-server.js', import.meta.url),
);
export const CONSOLE_DIST = fileURLToPath(new URL('../../dist/', import.meta.url));
const execFileAsync = promisify(execFile);

export async function proctorCli(args: string[], stdin?: string): Promise<unknown> {
  const child = execFileAsync(process.execPath, [BIN, ...args], { timeout: 60_000 });
  if (stdin !== undefined) child.child.stdin?.end(stdin);
  const { stdout } = await child;
  return args.includes('--json') ? (JSON.parse(stdout) as unknown) : stdout;
}

export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const address = s.address();
      s.close(() => resolve(typeof address === 'object' && address !== null ? address.port : 0));
    });
  });
}

export interface RunningServer {
  readonly url: string;
  /**
   * The one-time set-up code `serve` prints on a data folder without an exam admin (its
   * `{"event":"first-run"}` line, written together with the listening line); else undefined.
   */
  readonly setupCode?: string | undefined;
  stop(): Promise<void>;
}

/**
 * `proctor-server serve` on a free port over HTTPS (the run's site CA, see site-tls.ts), serving
 * the built console from apps/console/dist.
 */
export async function startProctorServer(dataDir: string): Promise<RunningServer> {
  const port = await freePort();
  seedSiteCa(dataDir);
  const child: ChildProcess = spawn(
    process.execPath,
    [
      BIN,
      'serve',
      '--data',
      dataDir,
      '--port',
      String(port),
      '--host',
      '127.0.0.1',
      '--log-level',
      'warn',
      '--backup-interval',
      '0',
    ],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
      env: { ...process.env, PROCTOR_CONSOLE_DIR: CONSOLE_DIST },
    },
  );
  const stdout = child.stdout;
  if (stdout === null) throw new Error('proctor-server stdout missing');
  const lines = createInterface({ input: stdout });
  let setupCode: string | undefined;
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error('proctor-server did not start in 30 s')),
      30_000,
    );
    child.once('exit', (code) => reject(new Error(`proctor-server exited with ${code}`)));
    lines.on('line', (line) => {
      if (line.startsWith('{"event":"first-run"'))
        setupCode = (JSON.parse(line) as { setupCode: string }).setupCode;
      if (!line.startsWith('{"event":"listening"')) return;
      clearTimeout(timer);
      const listening = (JSON.parse(line) as { url: string }).url;
      // the first-run line came in the same write: readline hands it over before this runs
      setImmediate(() => resolve(listening));
    });
  });
  return {
    url,
    setupCode,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) {
          resolve();
          return;
        }
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
