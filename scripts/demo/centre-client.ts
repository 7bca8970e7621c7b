import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { ROOT } from './run-cli';
import { nodeArgsFor, SERVICES } from './service-command';

/*
 * The demo's way to the evaluation centre: `center serve` as its own process (the built bundle,
 * as an operator runs it) and a small client for its HTTP API — the same routes the centre's web
 * UI calls (docs/center.md). Nothing here reaches into the centre's code or store.
 */

export interface RunningCentre {
  readonly url: string;
  stop(): Promise<void>;
  /** Synchronous last resort for a failed run (`process.once('exit')`). */
  kill(): void;
}

/** Starts `center serve` on an embedded store in `dataDir`; resolves once it listens. */
export function startCentre(dataDir: string): Promise<RunningCentre> {
  const child: ChildProcess = spawn(
    process.execPath,
    [
      ...nodeArgsFor(SERVICES.center, false),
      'serve',
      '--data',
      dataDir,
      '--port',
      '0',
      '--host',
      '127.0.0.1',
    ],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const kill = () => {
    if (child.exitCode === null) child.kill('SIGKILL');
  };
  return new Promise((resolve, reject) => {
    child.once('exit', (code) =>
      reject(new Error(`center serve exited with code ${String(code)}:\n${stderr}`)),
    );
    if (child.stdout === null) throw new Error('center serve without stdout');
    createInterface({ input: child.stdout }).on('line', (line) => {
      if (!line.startsWith('{"event":"listening"')) return;
      const { url } = JSON.parse(line) as { url: string };
      resolve({
        url,
        kill,
        // SIGTERM closes the server and the store (the embedded store's lock is released)
        async stop() {
          if (child.exitCode === null) child.kill('SIGTERM');
          await exited;
        },
      });
    });
  });
}

export interface CallOptions {
  readonly token?: string;
  /** A JSON body. */
  readonly json?: unknown;
  /** A raw upload (a results package, a score sheet, a form post). */
  readonly raw?: Uint8Array | string;
  readonly contentType?: string;
}

/** A refusal of the centre: its HTTP status and `{ code, message }`. */
export class CentreRefusal extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(`中心拒绝 (centre refused, HTTP ${String(status)} ${code}): ${message}`);
  }
}

/** Calls one `/api/…` route; the reply's `data`, or throws the centre's refusal. */
export async function callCentre<T>(
  base: string,
  method: 'GET' | 'POST',
  path: string,
  options: CallOptions = {},
): Promise<T> {
  const headers: Record<string, string> = {};
  if (options.token !== undefined) headers['authorization'] = `Bearer ${options.token}`;
  let body: string | Buffer | undefined;
  if (options.json !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.json);
  } else if (options.raw !== undefined) {
    headers['content-type'] = options.contentType ?? 'application/octet-stream';
    body = typeof options.raw === 'string' ? options.raw : Buffer.from(options.raw);
  }
  const response = await fetch(new URL(path, base), {
    method,
    headers,
    ...(body === undefined ? {} : { body }),
  });
  const text = await response.text();
  let reply: { ok?: boolean; data?: unknown; error?: { code: string; message: string } };
  try {
    reply = JSON.parse(text) as typeof reply;
  } catch {
    throw new CentreRefusal(response.status, 'NOT_JSON', text.slice(0, 300));
  }
  if (reply.ok !== true)
    throw new CentreRefusal(
      response.status,
      reply.error?.code ?? 'UNKNOWN',
      reply.error?.message ?? text.slice(0, 300),
    );
  return reply.data as T;
}

/**
 * Signs in with a one-time password and sets a new one, as a new account must before it may do
 * anything else (docs/decisions/1003); returns the token, which stays valid.
 */
export async function signInFirstTime(
  base: string,
  username: string,
  oneTimePassword: string,
  newPassword: string,
): Promise<string> {
  const { token } = await callCentre<{ token: string }>(base, 'POST', '/api/auth/login', {
    json: { username, password: oneTimePassword },
  });
  await callCentre(base, 'POST', '/api/auth/password', {
    token,
    json: { currentPassword: oneTimePassword, newPassword },
  });
  return token;
}
