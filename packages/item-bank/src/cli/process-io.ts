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

/** Output that the commands write to; tests may capture it. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
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
};
