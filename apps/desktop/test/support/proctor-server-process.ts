import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

/**
 * The real proctor server, black-box: its CLI for setup and `serve` in its own process, so a
 * test can SIGKILL and restart it like a power cut.
 */
const BIN = fileURLToPath(
  new URL('../../../proctor-server/bin/proctor-server.js', import.meta.url),
);
const execFileAsync = promisify(execFile);

export async function proctorCli(args: string[], stdin?: string): Promise<unknown> {
  const child = execFileAsync(process.execPath, [BIN, ...args], { timeout: 60_000 });
  if (stdin !== undefined) {
    child.child.stdin?.end(stdin);
  }
  const { stdout } = await child;
  return args.includes('--json') ? (JSON.parse(stdout) as unknown) : stdout;
}

export class ProctorServerProcess {
  private child: ChildProcess | undefined;
  url = '';

  /** The site CA fingerprint the server printed (HTTPS only): what a kiosk pins. */
  fingerprint: string | undefined;

  constructor(
    private readonly dataDir: string,
    private readonly port: number,
    /** HTTPS/WSS with the site certificate (the default of `serve`); false: `--insecure-http`. */
    private readonly tls = false,
  ) {}

  async start(): Promise<void> {
    const child = spawn(
      process.execPath,
      [
        BIN,
        'serve',
        '--data',
        this.dataDir,
        '--port',
        String(this.port),
        '--host',
        '127.0.0.1',
        '--log-level',
        'warn',
        '--backup-interval',
        '0',
        // integration tests talk plain HTTP; the e2e suite and the demo use TLS (decision 0231)
        ...(this.tls ? [] : ['--insecure-http']),
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    this.child = child;
    const lines = createInterface({ input: child.stdout! });
    this.url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error('proctor-server did not start in 30 s')),
        30_000,
      );
      child.once('exit', (code) => reject(new Error(`proctor-server exited with ${code}`)));
      lines.on('line', (line) => {
        if (!line.startsWith('{"event":"listening"')) return;
        clearTimeout(timer);
        const listening = JSON.parse(line) as { url: string; fingerprint?: string };
        this.fingerprint = listening.fingerprint;
        resolve(listening.url);
      });
    });
  }

  /** A power cut: no graceful shutdown. */
  async kill(): Promise<void> {
    const child = this.child;
    if (child === undefined || child.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGKILL');
    });
  }

  async stop(): Promise<void> {
    const child = this.child;
    if (child === undefined || child.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  }
}
