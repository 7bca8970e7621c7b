import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** Repository root (scripts/demo/ → ../../). */
export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/**
 * The installed commands (`bin` of each workspace): they run the esbuild bundles
 * (docs/decisions/0720; `npm start` and `npm run demo:exam-day` rebuild them when stale).
 */
export const BINS = {
  qbank: 'packages/item-bank/bin/qbank.js',
  'proctor-server': 'apps/proctor-server/bin/proctor-server.js',
  center: 'apps/center/bin/center.js',
} as const;

export type CliName = keyof typeof BINS;

/**
 * Runs one of our CLIs the way an administrator would (`qbank …`, `proctor-server …`) and
 * returns its parsed `--json` output; a non-zero exit throws with the CLI's own message.
 */
export function runCli(cli: CliName, args: readonly string[], stdin?: string): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BINS[cli], ...args, '--json'], {
      cwd: ROOT,
      stdio: ['pipe', 'pipe', 'pipe'],
      env: { ...process.env, LOG_LEVEL: 'warn' },
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.stdin.end(stdin ?? '');
    child.once('error', reject);
    child.once('exit', (code) => {
      if (code !== 0) {
        reject(new Error(`${cli} ${args.join(' ')} failed (exit ${code}):\n${err || out}`));
        return;
      }
      try {
        const parsed = (out.trim() === '' ? {} : JSON.parse(out)) as {
          ok?: boolean;
          data?: unknown;
        };
        // qbank wraps its output as { ok, data }; proctor-server and center print the data itself.
        resolve(parsed.ok === true && 'data' in parsed ? parsed.data : parsed);
      } catch {
        reject(new Error(`${cli} ${args.join(' ')} printed no JSON:\n${out}`));
      }
    });
  });
}
