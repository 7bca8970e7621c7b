import { CodedError } from '@skillexam/shared';
import type { ServerSettings } from '../settings';
import {
  backoffUntil,
  FailureCounter,
  TOO_MANY_ATTEMPTS,
  type BackoffPolicy,
} from './login-backoff';

/** An (account, address) pair idle this long starts over (at most 3 free tries an hour). */
const PAIR_MEMORY_MS = 3_600_000;

export type LoginKind = 'staff' | 'candidate';

/** Who tries to log in: the name typed (准考证号 or username) from one source address. */
export interface LoginAttempt {
  readonly kind: LoginKind;
  readonly name: string;
  readonly ip: string;
  /**
   * The account's failure count in the database before this attempt; undefined for a name that
   * does not exist. A count lower than at this address's last failure means a right login or
   * `proctor:unlock` cleared the account since, which clears this address's wait too.
   */
  readonly accountFailures?: number | undefined;
}

/**
 * The in-memory login throttling (docs/decisions/0215). The backoff wait belongs to the pair
 * (account name, source address), so a guesser slows only itself, never the real user at
 * another address; names that do not exist are treated exactly alike. Failures per source
 * address are limited across all names, and a request refused during its wait counts as a
 * failure of its address, so hammering is punished. Every refusal is the same RATE_LIMITED error.
 */
export class LoginGuard {
  readonly policy: BackoffPolicy;
  private readonly ips: FailureCounter;
  private readonly pairs = new FailureCounter(PAIR_MEMORY_MS);

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

  /**
   * Throws RATE_LIMITED while this address must wait before trying this name again (right
   * password or not); the refusal counts against the address's failure budget.
   */
  checkAccount(attempt: LoginAttempt, now: number): void {
    const key = pairKey(attempt);
    const mark = this.pairs.mark(key, now);
    if (mark !== undefined && attempt.accountFailures !== undefined) {
      if (attempt.accountFailures < mark) this.pairs.clear(key);
    }
    if (!this.pairs.blocked(key, now)) return;
    this.failAddress(attempt.kind, attempt.ip, now);
    throw tooManyAttempts();
  }

  /**
   * Counts a failed login of the pair and of its address (before an async verify: call
   * `succeeded` if it turns out right). Returns when this address may try this name again
   * (null: at once).
   */
  fail(attempt: LoginAttempt, now: number): number | null {
    this.failAddress(attempt.kind, attempt.ip, now);
    return this.pairs.fail(
      pairKey(attempt),
      now,
      (failures) => backoffUntil(failures, now, this.policy),
      attempt.accountFailures ?? 0,
    ).until;
  }

  /** A right login: this address's wait for the name is over; `refund` takes back `fail`. */
  succeeded(attempt: LoginAttempt, now: number, refund: boolean): void {
    this.pairs.clear(pairKey(attempt));
    if (refund) this.ips.refund(`${attempt.kind}:${attempt.ip}`, now);
  }

  /** Counts a failure of the address alone (e.g. a forged kiosk proof). */
  failAddress(kind: LoginKind, ip: string, now: number): void {
    const { loginFailuresPerIp, loginRateWindowMs } = this.settings;
    this.ips.fail(`${kind}:${ip}`, now, (failures) =>
      failures >= loginFailuresPerIp ? now + loginRateWindowMs : null,
    );
  }
}

function pairKey(attempt: LoginAttempt): string {
  return `${attempt.kind}\n${attempt.ip}\n${attempt.name}`;
}

export function tooManyAttempts(): CodedError {
  return new CodedError('RATE_LIMITED', TOO_MANY_ATTEMPTS);
}
