import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { siteClientTls, type SiteClientTls } from './site-tls-client';

const BIN = join(import.meta.dirname, '..', '..', 'bin', 'proctor-server.js');

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** The real `proctor-server serve` in its own process, killable with SIGKILL. */
export class ServerProcess {
  private child: ChildProcess | undefined;
  starts = 0;
  kills = 0;

  /** HTTPS with the site certificate, like an exam day; `insecureHttp` only to compare. */
  constructor(
    readonly dataDir: string,
    readonly port: number,
    readonly insecureHttp = false,
  ) {}

  get url(): string {
    return `${this.insecureHttp ? 'http' : 'https'}://127.0.0.1:${this.port}`;
  }

  /** The site CA for test clients (the server creates it at its first start). */
  get tls(): SiteClientTls | undefined {
    return this.insecureHttp ? undefined : siteClientTls(this.dataDir);
  }

  async start(): Promise<number> {
    const started = Date.now();
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
        '--backup-interval',
        '0',
        '--log-level',
        'warn',
        '--no-discovery',
        ...(this.insecureHttp ? ['--insecure-http'] : []),
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    this.child = child;
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    await new Promise<void>((resolve, reject) => {
      let out = '';
      const timer = setTimeout(
        () => reject(new Error(`server did not start in 30 s: ${stderr}`)),
        30_000,
      );
      child.stdout?.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        if (out.includes('"event":"listening"')) {
          clearTimeout(timer);
          resolve();
        }
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`server exited with ${String(code)} before listening: ${stderr}`));
      });
    });
    this.starts += 1;
    return Date.now() - started;
  }

  /** SIGKILL: no shutdown code runs, like a power cut of the process. */
  async kill(): Promise<void> {
    const child = this.child;
    if (child === undefined || child.exitCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGKILL');
    await exited;
    this.kills += 1;
    this.child = undefined;
  }

  async stop(): Promise<void> {
    const child = this.child;
    if (child === undefined || child.exitCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    await exited;
    this.child = undefined;
  }
}
