import { spawn } from 'node:child_process';

/*
 * Wall-clock timing of whole processes, as a person at the terminal feels it: from spawn (exec)
 * to exit, or to the moment something outside the process observes it ready.
 */

export interface Summary {
  readonly runs: number;
  readonly medianMs: number;
  readonly p90Ms: number;
}

/** Median and 90th percentile (nearest rank) of samples in milliseconds. */
export function summarize(samples: readonly number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = (p: number) =>
    sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] ?? 0;
  const mid = Math.floor(sorted.length / 2);
  const median =
    sorted.length % 2 === 1
      ? (sorted[mid] ?? 0)
      : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
  return { runs: sorted.length, medianMs: round(median), p90Ms: round(rank(0.9)) };
}

const round = (ms: number) => Math.round(ms * 10) / 10;

/** Runs `node …args` to its end; returns the elapsed ms. A non-zero exit is an error. */
export function timeNodeProcess(args: readonly string[], cwd: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, args, { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('error', reject);
    child.once('exit', (code) => {
      const elapsed = performance.now() - started;
      if (code === 0) resolve(elapsed);
      else reject(new Error(`node ${args.join(' ')} exited with ${code}: ${stderr}`));
    });
  });
}

/** Samples `measure` `runs` times after one unmeasured warm-up run (the OS file cache). */
export async function sample(runs: number, measure: () => Promise<number>): Promise<number[]> {
  await measure();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) samples.push(await measure());
  return samples;
}
