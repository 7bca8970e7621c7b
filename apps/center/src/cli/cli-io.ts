import { CodedError, errorMessage } from '@skillexam/shared';

/* Exit codes and output of the `center` command (loaded only when a command runs or fails). */

export { errorMessage };

export const EXIT_FAILURE = 1;
export const EXIT_INVALID_INPUT = 2;
/** Cancelled with Ctrl-C: nothing half-written stays (the shell's code for SIGINT). */
export const EXIT_CANCELLED = 130;

/** Invalid input (BAD_REQUEST, NOT_FOUND, CONFLICT) exits 2, a cancel 130, anything else 1. */
export function exitCodeOf(error: unknown): number {
  if (error instanceof CodedError && error.code === 'CANCELLED') return EXIT_CANCELLED;
  if (
    error instanceof CodedError &&
    ['BAD_REQUEST', 'NOT_FOUND', 'CONFLICT'].includes(error.code)
  ) {
    return EXIT_INVALID_INPUT;
  }
  return EXIT_FAILURE;
}

/** Prints data as JSON (`--json`) or as the given human lines. */
export function output(json: boolean, data: unknown, human: () => string[]): void {
  if (json) console.log(JSON.stringify(data, null, 2));
  else for (const line of human()) console.log(line);
}
