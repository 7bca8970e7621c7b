import { CodedError } from '@skillexam/shared';
import type { ServerSettings } from '../settings';
import {
  backoffUntil,
  FailureCounter,
  TOO_MANY_ATTEMPTS,
  type BackoffPolicy,
} from './login-backoff';

/** Names that do not exist are remembered this long, as long as a real account's count lasts. */
const UNKNOWN_NAME_MEMORY_MS = 24 * 3_600_000;

export type LoginKind = 'staff' | 'candidate';

/**
 * The in-memory half of login throttling (docs/decisions/0215): failures per source address,
 * and the backoff of names that do not exist (real accounts keep theirs in the database, where
 * a proctor can clear it). Every refusal is the same RATE_LIMITED error, whichever limit hit.
 */
export class LoginGuard {
  readonly policy: BackoffPolicy;
  private readonly ips: FailureCounter;
  private readonly unknownNames = new FailureCounter(UNKNOWN_NAME_MEMORY_MS);

  constructor(private readonly settings: ServerSettings) {
    this.policy = {
      freeFailures: settings.loginBackoffFreeFailures,
      baseMs: settings.loginBackoffBaseMs,
      capMs: settings.loginBackoffCapMs,
    };
    this.ips = new FailureCounter(settings.loginRateWindowMs);
  }

  /** Throws RATE_LIMITED when this address has failed too often in the window. */
  checkAddress(kind: LoginKind, ip: string, now: number): void {
    if (this.ips.blocked(`${kind}:${ip}`, now)) throw tooManyAttempts();
  }

  /** Counts a failure of the address (before an async verify: refund it if the login succeeds). */
  failAddress(kind: LoginKind, ip: string, now: number): void {
    const { loginFailuresPerIp, loginRateWindowMs } = this.settings;
    this.ips.fail(`${kind}:${ip}`, now, (failures) =>
      failures >= loginFailuresPerIp ? now + loginRateWindowMs : null,
    );
  }

  refundAddress(kind: LoginKind, ip: string, now: number): void {
    this.ips.refund(`${kind}:${ip}`, now);
  }

  /** A name that does not exist: backs off exactly like a real account would, then fails. */
  failUnknownName(kind: LoginKind, name: string, now: number): void {
    const key = `${kind}:${name}`;
    if (this.unknownNames.blocked(key, now)) throw tooManyAttempts();
    this.unknownNames.fail(key, now, (failures) => backoffUntil(failures, now, this.policy));
  }
}

export function tooManyAttempts(): CodedError {
  return new CodedError('RATE_LIMITED', TOO_MANY_ATTEMPTS);
}
