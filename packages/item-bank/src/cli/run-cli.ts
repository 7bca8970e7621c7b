import { CodedError } from '@skillexam/shared';
import { CommanderError } from 'commander';
import { DbFromFutureError } from '../db/migrate';
import { StandardImportError } from '../standards/import-standard';
import {
  EXIT_INTERNAL,
  EXIT_INVALID,
  EXIT_OK,
  InvalidInputError,
  processIo,
  type CliIo,
} from './cli-context';
import { createProgram } from './program';

const USER_ERROR_CODES = new Set(['BAD_REQUEST', 'NOT_FOUND', 'CONFLICT', 'FORBIDDEN']);

/** Runs qbank with `argv` (without node and script); returns the exit code. */
export async function runCli(argv: readonly string[], io: CliIo = processIo): Promise<number> {
  const json = argv.includes('--json');
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
  try {
    await createProgram(io).parseAsync([...argv], { from: 'user' });
    return EXIT_OK;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (
        error.code === 'commander.helpDisplayed' ||
        error.code === 'commander.version' ||
        error.code === 'commander.help'
      ) {
        return EXIT_OK;
      }
      if (json) fail('BAD_REQUEST', error.message);
      return EXIT_INVALID;
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
    fail('INTERNAL', `内部错误：${error instanceof Error ? error.message : String(error)}`);
    if (!json) io.err(detail);
    return EXIT_INTERNAL;
  }
}
