import { getAttempt } from '../attempts/attempt-repository';
import { toAttemptView, type AttemptRecord } from '../attempts/attempt-record';
import { countAttemptLoginFailure } from '../attempts/attempt-status-repository';
import { transaction } from '@skillexam/shared/sql';
import type { CandidateLoginDeps } from './candidate-login';

/** A placeholder in the stored form of an exam code, checked when the ticket does not exist. */
export const NO_SUCH_CODE_HASH = `hmac-sha256$${'A'.repeat(22)}$${'A'.repeat(43)}`;

export interface CandidateLoginFailure {
  readonly attempt: AttemptRecord;
  readonly ticket: string;
  readonly ip: string;
  /** When this address may try this ticket again (null: at once). */
  readonly waitUntil: number | null;
  readonly at: number;
}

/**
 * Records a wrong exam code for a ticket that exists (docs/decisions/0215): the account's
 * failure count and `locked_until` (for the console: the latest end of a wait on this ticket),
 * a `candidate.login-failed` audit record and a console push. Runs AFTER the reply has gone
 * out (setImmediate), so a real ticket costs the request no more than a made-up one; the count
 * no longer decides any wait, so a few microseconds of delay change nothing.
 */
export function recordLoginFailureLater(
  deps: CandidateLoginDeps,
  failure: CandidateLoginFailure,
): void {
  setImmediate(() => {
    if (!deps.db.open) return; // the server shut down meanwhile
    try {
      recordLoginFailure(deps, failure);
    } catch (error) {
      process.emitWarning(
        error instanceof Error ? error : String(error),
        'LoginFailureNotRecorded',
      );
    }
  });
}

function recordLoginFailure(deps: CandidateLoginDeps, failure: CandidateLoginFailure): void {
  const { db, audit } = deps;
  const { attempt, ticket, ip, waitUntil, at } = failure;
  transaction(db, () => {
    const failures = countAttemptLoginFailure(db, attempt.id, waitUntil);
    audit.append(
      db,
      {
        actor: `candidate:${attempt.id}`,
        action: 'candidate.login-failed',
        payload: { ticket, ip, failures, waitUntil },
      },
      at,
    );
  });
  if (waitUntil !== null) {
    deps.notifier.attemptChanged(toAttemptView(getAttempt(db, attempt.id), deps.now()));
  }
}
