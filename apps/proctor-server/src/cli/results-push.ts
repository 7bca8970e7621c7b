import { readFileSync } from 'node:fs';
import { InvalidInputError } from '@skillexam/shared';
import type { Command } from 'commander';
import {
  centrePushUrl,
  pushResultsBytes,
  verdictLines,
  type PushVerdict,
} from '../results/push-to-centre';
import { EXIT_FAILURE, output } from './cli-io';

/*
 * `proctor-server results push <package> --to <centre-url>`: sends a results package to the
 * evaluation centre's site push route and prints the centre's verdict. The push itself is
 * src/results/push-to-centre.ts, shared with the console (docs/decisions/0991).
 */

export { CENTRE_PUSH_PATH, type PushVerdict } from '../results/push-to-centre';

export async function pushResultsPackage(
  file: string,
  to: string,
  timeoutMs = 120_000,
): Promise<PushVerdict> {
  centrePushUrl(to); // a wrong address is refused before the file is read
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch {
    throw new InvalidInputError(`成绩包文件无法读取 (cannot read the results package): ${file}`);
  }
  return pushResultsBytes(bytes, to, { timeoutMs });
}

/** `proctor-server results push <package> --to <url>`. */
export function addResultsPushCommand(results: Command): void {
  results
    .command('push <package>')
    .description('把成绩包上报评价中心并显示中心的核验结果 (push a results package to the centre)')
    .requiredOption('--to <url>', '评价中心地址, 如 https://centre.example.cn')
    .option('--json', 'print JSON')
    .action(async (file: string, opts: { to: string; json?: boolean }) => {
      const verdict = await pushResultsPackage(file, opts.to);
      output(opts.json === true, verdict, () => verdictLines(verdict));
      if (!verdict.ok) process.exitCode = EXIT_FAILURE;
    });
}
