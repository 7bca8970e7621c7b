import { errorMessage, CodedError } from '@skillexam/shared';
import { DbFromFutureError } from '../db/migrate';
import { StandardImportError } from '../standards/import-standard';
import { InvalidInputError } from './cli-context';
import { EXIT_CANCELLED, EXIT_INTERNAL, EXIT_INVALID, type CliIo } from './process-io';

const USER_ERROR_CODES = new Set(['BAD_REQUEST', 'NOT_FOUND', 'CONFLICT', 'FORBIDDEN']);

/**
 * Reports an error a command threw (once: JSON on stdout with `--json`, else the message on
 * stderr) and returns the exit code: 2 for what the user can fix, 1 for our own failures.
 * Loaded only when a command failed (run-cli.ts).
 */
export function reportCommandError(error: unknown, io: CliIo, json: boolean): number {
  const fail = (code: string, message: string, details?: unknown) => {
    if (json) {
      io.out(
        JSON.stringify(
          { ok: false, error: { code, message }, ...(details === undefined ? {} : { details }) },
          null,
          2,
        ),
      );
    } else {
      io.err(message);
    }
  };
  if (error instanceof CodedError && error.code === 'CANCELLED') {
    fail('CANCELLED', '已取消，未写入任何内容 (cancelled; nothing was written)');
    return EXIT_CANCELLED;
  }
  if (error instanceof StandardImportError) {
    fail('BAD_REQUEST', error.message, error.issues);
    return EXIT_INVALID;
  }
  if (error instanceof InvalidInputError) {
    fail('BAD_REQUEST', error.message, error.details);
    return EXIT_INVALID;
  }
  if (error instanceof DbFromFutureError) {
    fail('CONFLICT', error.message);
    return EXIT_INVALID;
  }
  if (error instanceof CodedError && USER_ERROR_CODES.has(error.code)) {
    fail(error.code, error.message);
    return EXIT_INVALID;
  }
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  fail('INTERNAL', `内部错误：${errorMessage(error)}`);
  if (!json) io.err(detail);
  return EXIT_INTERNAL;
}
