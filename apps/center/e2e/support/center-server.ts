import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

/*
 * The real centre, black-box: `center staff add` for the first centre admin, then
 * `center serve` on port 0 in its own process with an empty data folder (embedded PGlite),
 * serving the built web UI from apps/center/dist/web.
 */

const BIN = fileURLToPath(new URL('../../bin/center.js', import.meta.url));
const run = promisify(execFile);

export async function centerCli(args: readonly string[]): Promise<unknown> {
  const { stdout } = await run(process.execPath, [BIN, ...args], { timeout: 120_000 });
  return args.includes('--json') ? (JSON.parse(stdout) as unknown) : stdout;
}

export interface RunningCenter {
  readonly url: string;
  readonly dataDir: string;
  /** The first centre admin's one-time password (`center staff add`). */
  readonly adminPassword: string;
  stop(): Promise<void>;
}

export async function startCenter(): Promise<RunningCenter> {
  const dir = mkdtempSync(join(tmpdir(), 'center-e2e-'));
  const dataDir = join(dir, 'data');
  const admin = (await centerCli([
    'staff',
    'add',
    'admin',
    '--role',
    'centre_admin',
    '--name',
    '王管理',
    '--data',
    dataDir,
    '--json',
  ])) as { oneTimePassword: string };
  const child: ChildProcess = spawn(
    process.execPath,
    [BIN, 'serve', '--data', dataDir, '--port', '0', '--host', '127.0.0.1'],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const stdout = child.stdout;
  if (stdout === null) throw new Error('center stdout missing');
  const lines = createInterface({ input: stdout });
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('center did not start in 60 s')), 60_000);
    child.once('exit', (code) => reject(new Error(`center exited with ${String(code)}`)));
    lines.on('line', (line) => {
      if (!line.startsWith('{"event":"listening"')) return;
      clearTimeout(timer);
      resolve((JSON.parse(line) as { url: string }).url);
    });
  });
  return {
    url,
    dataDir,
    adminPassword: admin.oneTimePassword,
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
