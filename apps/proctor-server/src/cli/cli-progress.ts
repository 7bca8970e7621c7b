import { commandProgress as sharedCommandProgress } from '@skillexam/shared/progress-terminal';
import type { CommandProgress } from '@skillexam/shared/progress-terminal';

/*
 * Progress of a long command (results export, backup, restore) on standard error, through the
 * one command progress of every CLI: a bar on a terminal, JSON lines with `--json`, nothing in a
 * pipe; the first Ctrl-C cancels cleanly (exit 130), a second stops at once (docs/decisions/0945).
 */
export function commandProgress(options: { readonly json: boolean }): CommandProgress {
  return sharedCommandProgress({ stream: process.stderr, json: options.json });
}
