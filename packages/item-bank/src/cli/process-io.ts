import { watchClosedPipe } from './closed-pipe';

/*
 * Where qbank writes and the exit codes it returns. Its own file so that the entry point
 * (run-cli.ts) loads no bank code: `qbank --version` stays a few milliseconds of work
 * (docs/decisions/0721).
 */

/** Exit codes of every qbank command. */
export const EXIT_OK = 0;
export const EXIT_INTERNAL = 1;
export const EXIT_INVALID = 2;
/** Cancelled with Ctrl-C (SIGINT): 128 + 2, as a shell reports it; nothing was written. */
export const EXIT_CANCELLED = 130;

/** Output that the commands write to; tests may capture it. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  /**
   * Where progress goes (docs/decisions/0940): process.stderr for the real CLI — a bar when it
   * is a terminal, JSON lines with `--json`; absent (tests that capture `out`/`err`): none.
   */
  readonly progress?: {
    readonly isTTY?: boolean;
    readonly columns?: number;
    write(text: string): unknown;
  };
}

const stdoutGate = watchClosedPipe(process.stdout);
const stderrGate = watchClosedPipe(process.stderr);

/** stdout/stderr; a reader that closed the pipe early (`| head -1`) is no error. */
export const processIo: CliIo = {
  out: (text) => {
    if (stdoutGate.open) process.stdout.write(`${text}\n`);
  },
  err: (text) => {
    if (stderrGate.open) process.stderr.write(`${text}\n`);
  },
  progress: {
    get isTTY() {
      return process.stderr.isTTY;
    },
    get columns() {
      return process.stderr.columns;
    },
    write: (text: string) => stderrGate.open && process.stderr.write(text),
  },
};
