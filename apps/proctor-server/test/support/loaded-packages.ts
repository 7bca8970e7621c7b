import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/*
 * Which npm packages a command really loads: the command runs as its own Node process with a
 * preloaded probe (loaded-packages-probe.mjs) that prints, on exit, the packages in Node's module
 * cache. CommonJS packages land there whether imported statically or dynamically.
 */
const PROBE = fileURLToPath(new URL('loaded-packages-probe.mjs', import.meta.url));

export interface ProbedRun {
  readonly status: number | null;
  readonly stdout: string;
  /** npm package names, e.g. `exceljs`, `@peculiar/x509`. */
  readonly packages: readonly string[];
}

/** Runs `node <script> …args` with the probe and returns what it printed and loaded. */
export function runProbed(script: string, args: readonly string[]): ProbedRun {
  const result = spawnSync(process.execPath, ['--import', PROBE, script, ...args], {
    encoding: 'utf8',
  });
  const line = /LOADED_PACKAGES (\[.*\])/.exec(result.stderr);
  if (line?.[1] === undefined) {
    throw new Error(`the probe printed nothing (exit ${result.status}):\n${result.stderr}`);
  }
  return {
    status: result.status,
    stdout: result.stdout,
    packages: JSON.parse(line[1]) as string[],
  };
}

/**
 * Starts a long-running command with the probe, stops it (SIGTERM) once its stdout shows
 * `readyText`, and returns the packages it had loaded by then.
 */
export function runProbedUntilReady(
  script: string,
  args: readonly string[],
  readyText: string,
): Promise<ProbedRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', PROBE, script, ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let stopped = false;
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      // Once: a second SIGTERM during the graceful stop would kill the process before the probe
      // prints (the server's handler runs once; later log chunks must not signal it again).
      if (!stopped && stdout.includes(readyText)) {
        stopped = true;
        child.kill('SIGTERM');
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('error', reject);
    child.once('close', (status) => {
      const line = /LOADED_PACKAGES (\[.*\])/.exec(stderr);
      if (line?.[1] === undefined) {
        reject(new Error(`the probe printed nothing (exit ${status}):\n${stderr}`));
        return;
      }
      resolve({ status, stdout, packages: JSON.parse(line[1]) as string[] });
    });
  });
}
