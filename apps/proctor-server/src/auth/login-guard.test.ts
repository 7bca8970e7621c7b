import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../settings';
import { LoginGuard, type LoginAttempt } from './login-guard';

const settings = {
  ...DEFAULT_SETTINGS,
  loginBackoffFreeFailures: 2,
  loginBackoffBaseMs: 1_000,
  loginBackoffCapMs: 30_000,
  loginFailuresPerIp: 10,
};

const guesser: LoginAttempt = { kind: 'candidate', name: 'T001', ip: '10.0.0.66' };
const realPc: LoginAttempt = { kind: 'candidate', name: 'T001', ip: '10.0.0.3' };

function refused(run: () => void): boolean {
  try {
    run();
    return false;
  } catch (error) {
    expect(String(error)).toContain('登录尝试过于频繁');
    return true;
  }
}

describe('LoginGuard', () => {
  it('makes only the failing address wait for the account, never another address', () => {
    const guard = new LoginGuard(settings);
    expect(guard.fail(guesser, 0)).toBeNull();
    expect(guard.fail(guesser, 0)).toBeNull();
    expect(guard.fail(guesser, 0)).toBe(1_000);
    expect(refused(() => guard.checkAccount(guesser, 500))).toBe(true);
    expect(refused(() => guard.checkAccount(realPc, 500))).toBe(false);
    expect(refused(() => guard.checkAccount(guesser, 1_000))).toBe(false);
  });

  it('counts refusals during the wait against the address budget', () => {
    const guard = new LoginGuard(settings);
    for (let i = 0; i < 3; i++) guard.fail(guesser, 0);
    for (let i = 0; i < 7; i++) refused(() => guard.checkAccount(guesser, 1));
    expect(refused(() => guard.checkAddress('candidate', guesser.ip, 2))).toBe(true);
    expect(refused(() => guard.checkAddress('candidate', realPc.ip, 2))).toBe(false);
    expect(refused(() => guard.checkAddress('staff', guesser.ip, 2))).toBe(false);
  });

  it('forgets an address wait once the account was cleared (unlock or a right login)', () => {
    const guard = new LoginGuard(settings);
    for (let i = 0; i < 3; i++) guard.fail({ ...realPc, accountFailures: i }, 0);
    expect(refused(() => guard.checkAccount({ ...realPc, accountFailures: 3 }, 1))).toBe(true);
    // proctor:unlock set the database count back to 0
    expect(refused(() => guard.checkAccount({ ...realPc, accountFailures: 0 }, 1))).toBe(false);
  });

  it('clears the pair and refunds the address after a right login', () => {
    const guard = new LoginGuard({ ...settings, loginFailuresPerIp: 2 });
    guard.fail(guesser, 0);
    guard.fail(realPc, 0);
    guard.succeeded(realPc, 0, true);
    expect(refused(() => guard.checkAddress('candidate', realPc.ip, 1))).toBe(false);
    guard.fail(realPc, 1);
    expect(refused(() => guard.checkAddress('candidate', realPc.ip, 1))).toBe(false);
  });
});
