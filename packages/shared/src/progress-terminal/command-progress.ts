import type { Locale } from '../i18n/locale';
import { createProgress, type Progress } from '../progress/progress';
import { createTerminalProgress, type ProgressStream } from './terminal-progress';

/*
 * The progress of one long command of any CLI (qbank, proctor-server, center): a bar on the
 * stream when it is a terminal, `{"progress":{…}}` JSON lines with `json`, nothing in a pipe;
 * standard output keeps the final report only. The first Ctrl-C aborts the operation's signal —
 * the engine throws CancelledError at its next step, inside its transaction, so nothing
 * half-written stays and the command exits 130 — and a second Ctrl-C stops the process at once
 * (docs/decisions/0940, 0945).
 */

export interface CommandProgressOptions {
  /** Where the bar or the JSON lines go (process.stderr); none: report nothing, still cancel. */
  readonly stream?: ProgressStream | undefined;
  readonly json: boolean;
  readonly locale?: Locale;
}

export interface CommandProgress {
  readonly progress: Progress;
  /** Removes the Ctrl-C handler and ends the bar; safe to call twice. */
  close(): void;
}

/** The command's locale from the environment: English for an `en*` LC_ALL/LC_MESSAGES/LANG. */
export function commandLocale(env: NodeJS.ProcessEnv = process.env): Locale {
  const tag = env['LC_ALL'] ?? env['LC_MESSAGES'] ?? env['LANG'] ?? '';
  return /^en/i.test(tag) ? 'en' : 'zh-CN';
}

export function commandProgress(options: CommandProgressOptions): CommandProgress {
  const { stream, json, locale = commandLocale() } = options;
  const controller = new AbortController();
  const terminal =
    stream === undefined ? undefined : createTerminalProgress({ stream, json, locale });
  const onInterrupt = () => {
    terminal?.stop();
    if (stream?.isTTY === true && !json)
      stream.write('\n正在取消… (cancelling; Ctrl-C again to stop at once)\n');
    controller.abort();
  };
  process.once('SIGINT', onInterrupt);
  let closed = false;
  return {
    progress: createProgress(terminal, { signal: controller.signal }),
    close() {
      if (closed) return;
      closed = true;
      process.off('SIGINT', onInterrupt);
      terminal?.stop();
    },
  };
}

/** Runs `work` with a command progress and always closes it. */
export async function withCommandProgress<T>(
  options: CommandProgressOptions,
  work: (progress: Progress) => Promise<T> | T,
): Promise<T> {
  const command = commandProgress(options);
  try {
    return await work(command.progress);
  } finally {
    command.close();
  }
}
