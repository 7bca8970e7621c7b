import { createProgress, type Locale, type Progress } from '@skillexam/shared';
import { createTerminalProgress } from '@skillexam/shared/progress-terminal';
import type { CliIo } from './process-io';

/*
 * A long command's progress (docs/decisions/0940): the bar on stderr when it is a terminal,
 * nothing in a pipe, JSON lines on stderr with `--json`; stdout keeps only the final report.
 * Ctrl-C (SIGINT) aborts the operation's signal: the engine throws CancelledError at its next
 * step, inside its transaction, so nothing is written, and qbank exits 130 (cli-errors.ts).
 */

function cliLocale(): Locale {
  const tag = process.env.LC_ALL ?? process.env.LC_MESSAGES ?? process.env.LANG ?? '';
  return /^en/i.test(tag) ? 'en' : 'zh-CN';
}

export async function withCliProgress<T>(
  io: CliIo,
  json: boolean | undefined,
  work: (progress: Progress) => Promise<T> | T,
): Promise<T> {
  const controller = new AbortController();
  const onInterrupt = () => controller.abort();
  const listener =
    io.progress === undefined
      ? undefined
      : createTerminalProgress({ stream: io.progress, json: json === true, locale: cliLocale() });
  process.on('SIGINT', onInterrupt);
  try {
    return await work(createProgress(listener, { signal: controller.signal }));
  } finally {
    process.off('SIGINT', onInterrupt);
    listener?.stop();
  }
}
