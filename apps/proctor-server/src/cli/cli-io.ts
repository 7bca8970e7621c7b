import { CodedError } from '@skillexam/shared';

/** For main.ts, which loads the shared domain only after a failure. */
export { errorMessage } from '@skillexam/shared';

/** Exit codes of every proctor-server command. */
export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_INVALID_INPUT = 2;
/** Cancelled with Ctrl-C (128 + SIGINT, as shells report it); nothing was written. */
export const EXIT_CANCELLED = 130;

/** Invalid input (`InvalidInputError` and the other user-fixable codes) exits 2. */
export function exitCodeOf(error: unknown): number {
  if (error instanceof CodedError && error.code === 'CANCELLED') return EXIT_CANCELLED;
  if (error instanceof CodedError && ['BAD_REQUEST', 'NOT_FOUND', 'CONFLICT'].includes(error.code))
    return EXIT_INVALID_INPUT;
  return EXIT_FAILURE;
}

/** Who a command acts as in the audit chain: `cli:<login name>`. */
export function cliActor(): string {
  return `cli:${process.env['USER'] ?? 'unknown'}`;
}

/** Prints data as JSON (`--json`) or as the given human lines. */
export function output(json: boolean, data: unknown, human: () => string[]): void {
  if (json) console.log(JSON.stringify(data, null, 2));
  else for (const line of human()) console.log(line);
}

/** The first line of standard input (for --password-stdin). */
export async function readFirstStdinLine(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) {
    chunks.push(chunk as Buffer);
    if (Buffer.concat(chunks).includes(10)) break;
  }
  return (Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0] ?? '').trimEnd();
}
