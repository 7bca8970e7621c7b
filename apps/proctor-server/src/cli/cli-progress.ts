import { createProgress, type Progress } from '@skillexam/shared';
import { createTerminalProgress } from '@skillexam/shared/progress-terminal';

/*
 * Progress of a long command (results export, backup, restore) on standard error: a bar when
 * stderr is a terminal, `{"progress":{…}}` JSON lines with `--json`, nothing in a pipe; standard
 * output keeps the final report only. The first Ctrl-C cancels cleanly (the engine unwinds and
 * leaves nothing half-written, exit 130); a second one stops the process at once
 * (docs/decisions/0945).
 */

export interface CommandProgress {
  readonly progress: Progress;
  /** Removes the Ctrl-C handler and ends the bar; safe to call twice. */
  close(): void;
}

export function commandProgress(options: { readonly json: boolean }): CommandProgress {
  const controller = new AbortController();
  const terminal = createTerminalProgress({ stream: process.stderr, json: options.json });
  const onInterrupt = () => {
    terminal.stop();
    process.stderr.write('\n正在取消… (cancelling; Ctrl-C again to stop at once)\n');
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
      terminal.stop();
    },
  };
}
