import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

export interface RunningWebShell {
  readonly url: string;
  readonly pid: number;
  stop(): Promise<void>;
}

const desktopDir = fileURLToPath(new URL('../..', import.meta.url));

/** Starts the real web shell (`src/web/server/index.ts`) on port 0 in its own Node process. */
export async function startWebShellProcess(
  kind: 'author' | 'kiosk' = 'author',
  env: Record<string, string> = {},
): Promise<RunningWebShell> {
  const child: ChildProcess = spawn(
    process.execPath,
    ['--import', 'tsx', 'src/web/server/index.ts', '--port', '0', '--kind', kind],
    { cwd: desktopDir, stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, ...env } },
  );
  if (child.stdout === null) throw new Error('web shell stdout missing');
  const lines = createInterface({ input: child.stdout });
  const listening = await new Promise<{ url: string; pid: number }>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error('web shell did not start within 20 s')),
      20_000,
    );
    child.once('exit', (code) => reject(new Error(`web shell exited early with code ${code}`)));
    lines.on('line', (line) => {
      try {
        const message = JSON.parse(line) as { event?: string; url: string; pid: number };
        if (message.event === 'listening') {
          clearTimeout(timer);
          resolve(message);
        }
      } catch {
        // not our line
      }
    });
  });
  return {
    ...listening,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
