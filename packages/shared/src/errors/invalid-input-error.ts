import { CodedError } from '../protocol/ack';

/*
 * The coded error family: `CodedError(code, message)` (protocol/ack) is the one error that
 * crosses a boundary with a whitelisted code. `InvalidInputError` is its member for a failure
 * the user can fix (a bad option, a file that does not parse): code BAD_REQUEST, which every
 * command line maps to exit code 2, with an optional JSON payload for `--json` output.
 */

export class InvalidInputError extends CodedError {
  readonly details?: unknown;
  constructor(message: string, details?: unknown) {
    super('BAD_REQUEST', message);
    this.name = 'InvalidInputError';
    this.details = details;
  }
}
