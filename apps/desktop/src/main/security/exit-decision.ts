import { scryptSync, timingSafeEqual } from 'node:crypto';
import type { KeyInput } from './shortcuts';

/**
 * Leaving the kiosk needs a proctor's password (docs/decisions/0452-kiosk-exit-password.md).
 * The server is asked first for a single-use exit grant (0218); only when it cannot be reached
 * does the offline hash count.
 */

/** The hidden combination that opens the proctor's exit prompt: Ctrl+Alt+Shift+F10. */
export function isExitCombo(input: KeyInput): boolean {
  return (
    input.type === 'keyDown' &&
    input.key === 'F10' &&
    input.control &&
    input.alt &&
    input.shift &&
    !input.meta
  );
}

/**
 * What `POST /api/kiosk/exit-grant` said about the typed credentials (docs/decisions/0218): a
 * single-use grant for this kiosk, never a staff session.
 */
export type ServerVerdict =
  | {
      readonly kind: 'accepted';
      readonly role: string;
      readonly username: string;
      /** Spent with `POST /api/kiosk/exit` before the kiosk quits. */
      readonly grant?: string;
    }
  | { readonly kind: 'rejected'; readonly message: string }
  | { readonly kind: 'unreachable' };

export type ExitDecision =
  | { readonly allow: true; readonly via: 'server' | 'offline-hash'; readonly who: string }
  | { readonly allow: false; readonly message: string };

const EXIT_ROLES = new Set(['proctor', 'admin']);

/**
 * The decision: a proctor or admin the server accepted may exit; a refusal by the server is
 * final (never retried against the offline hash); only an unreachable server falls back to the
 * provisioned offline hash; a lockout after repeated failures applies to both paths.
 */
export function decideExit(input: {
  readonly verdict: ServerVerdict;
  /** Whether the typed password matches the offline hash; undefined when none is provisioned. */
  readonly offlineMatch: boolean | undefined;
  readonly lockedUntil: number | undefined;
  readonly now: number;
}): ExitDecision {
  if (input.lockedUntil !== undefined && input.now < input.lockedUntil) {
    const seconds = Math.ceil((input.lockedUntil - input.now) / 1000);
    return { allow: false, message: `密码错误次数过多，请 ${seconds} 秒后再试` };
  }
  const { verdict } = input;
  switch (verdict.kind) {
    case 'accepted':
      return EXIT_ROLES.has(verdict.role)
        ? { allow: true, via: 'server', who: verdict.username }
        : { allow: false, message: '只有监考员或管理员可以退出考试机' };
    case 'rejected':
      return { allow: false, message: verdict.message };
    case 'unreachable':
      if (input.offlineMatch === true) return { allow: true, via: 'offline-hash', who: 'offline' };
      return {
        allow: false,
        message:
          input.offlineMatch === undefined
            ? '无法连接考点服务器验证密码，且本机未配置离线退出密码'
            : '无法连接考点服务器，离线退出密码不正确',
      };
  }
}

export const MAX_EXIT_FAILURES = 5;
export const EXIT_LOCK_MS = 60_000;

/** After a failed attempt: the new failure count and, at the limit, a lock. */
export function afterFailure(
  failures: number,
  now: number,
): { failures: number; lockedUntil?: number } {
  const next = failures + 1;
  return next >= MAX_EXIT_FAILURES
    ? { failures: 0, lockedUntil: now + EXIT_LOCK_MS }
    : { failures: next };
}

/**
 * The offline exit hash: `scrypt$<N>$<salt base64>$<hash base64>` (r=8, p=1, 32-byte hash),
 * written into the kiosk settings at deployment (docs/deployment.md). Malformed → no match.
 */
export function verifyOfflineExitHash(password: string, stored: string): boolean {
  const parts = stored.split('$');
  if (parts.length !== 4 || parts[0] !== 'scrypt') return false;
  const n = Number(parts[1]);
  if (!Number.isInteger(n) || n < 2 ** 14 || n > 2 ** 20 || (n & (n - 1)) !== 0) return false;
  const salt = Buffer.from(parts[2] ?? '', 'base64');
  const expected = Buffer.from(parts[3] ?? '', 'base64');
  if (salt.length < 16 || expected.length !== 32) return false;
  const actual = scryptSync(password.normalize('NFC'), salt, 32, {
    N: n,
    r: 8,
    p: 1,
    maxmem: 256 * n * 8,
  });
  return timingSafeEqual(actual, expected);
}

/** Makes an offline exit hash (used by the deployment instructions and the tests). */
export function makeOfflineExitHash(password: string, salt: Buffer, n = 2 ** 15): string {
  const hash = scryptSync(password.normalize('NFC'), salt, 32, {
    N: n,
    r: 8,
    p: 1,
    maxmem: 256 * n * 8,
  });
  return `scrypt$${n}$${salt.toString('base64')}$${hash.toString('base64')}`;
}
