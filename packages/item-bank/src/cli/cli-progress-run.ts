import type { Progress } from '@skillexam/shared';
import { withCommandProgress } from '@skillexam/shared/progress-terminal';
import type { CliIo } from './process-io';

/*
 * A long qbank command's progress (docs/decisions/0940) through the one command progress of
 * every CLI: the bar on `io.progress` (process.stderr) when it is a terminal, nothing in a pipe,
 * JSON lines with `--json`; Ctrl-C cancels inside the engine's transaction and qbank exits 130
 * (cli-errors.ts).
 */
export async function withCliProgress<T>(
  io: CliIo,
  json: boolean | undefined,
  work: (progress: Progress) => Promise<T> | T,
): Promise<T> {
  return withCommandProgress({ stream: io.progress, json: json === true }, work);
}
