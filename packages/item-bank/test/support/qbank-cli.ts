import { runCli } from '../../src/cli/run-cli';

/** Runs the real `qbank` CLI in process and collects what it printed. */
export async function qbank(
  ...args: string[]
): Promise<{ code: number; stdout: string; stderr: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

/** `qbank … --json` that must succeed; returns the `data` of its JSON reply. */
export async function qbankJson<T>(...args: string[]): Promise<T> {
  const result = await qbank(...args, '--json');
  if (result.code !== 0) throw new Error(`${args.join(' ')}: ${result.stdout} ${result.stderr}`);
  return (JSON.parse(result.stdout) as { data: T }).data;
}
