import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  afterFailure,
  decideExit,
  EXIT_LOCK_MS,
  isExitCombo,
  makeOfflineExitHash,
  MAX_EXIT_FAILURES,
  verifyOfflineExitHash,
  type ServerVerdict,
} from './exit-decision';
import { isBlockedShortcut } from './shortcuts';

const key = (k: string, mods: Partial<Record<'control' | 'alt' | 'shift' | 'meta', boolean>>) => ({
  type: 'keyDown',
  key: k,
  control: false,
  alt: false,
  shift: false,
  meta: false,
  ...mods,
});

describe('isExitCombo', () => {
  it('opens the prompt only for Ctrl+Alt+Shift+F10, which the kiosk does not swallow', () => {
    const combo = key('F10', { control: true, alt: true, shift: true });
    expect(isExitCombo(combo)).toBe(true);
    expect(isBlockedShortcut('kiosk', combo)).toBe(false);
    expect(isExitCombo({ ...combo, type: 'keyUp' })).toBe(false);
    expect(isExitCombo(key('F10', { control: true, alt: true }))).toBe(false);
    expect(isExitCombo(key('F10', { control: true, alt: true, shift: true, meta: true }))).toBe(
      false,
    );
    expect(isExitCombo(key('F9', { control: true, alt: true, shift: true }))).toBe(false);
  });
});

describe('decideExit', () => {
  const now = 1_000_000;
  const decide = (verdict: ServerVerdict, offlineMatch?: boolean, lockedUntil?: number) =>
    decideExit({ verdict, offlineMatch, lockedUntil, now });

  it.each([
    ['proctor', true],
    ['admin', true],
    ['supervisor', false],
    ['candidate', false],
  ])('server-accepted role %s may exit: %s', (role, allowed) => {
    expect(decide({ kind: 'accepted', role, username: 'u' }).allow).toBe(allowed);
  });

  it('never falls back to the offline hash when the server refused the password', () => {
    expect(decide({ kind: 'rejected', message: '用户名或密码错误' }, true)).toEqual({
      allow: false,
      message: '用户名或密码错误',
    });
  });

  it('uses the offline hash only when the server is unreachable', () => {
    expect(decide({ kind: 'unreachable' }, true)).toEqual({
      allow: true,
      via: 'offline-hash',
      who: 'offline',
    });
    expect(decide({ kind: 'unreachable' }, false)).toMatchObject({ allow: false });
    expect(decide({ kind: 'unreachable' }, undefined)).toMatchObject({
      allow: false,
      message: expect.stringContaining('未配置离线退出密码'),
    });
  });

  it('refuses everything while locked, even a correct server login', () => {
    const locked = decide({ kind: 'accepted', role: 'admin', username: 'a' }, true, now + 30_000);
    expect(locked).toEqual({ allow: false, message: '密码错误次数过多，请 30 秒后再试' });
    expect(decide({ kind: 'accepted', role: 'admin', username: 'a' }, true, now).allow).toBe(true);
  });

  it('locks after the maximum number of failures', () => {
    let state: { failures: number; lockedUntil?: number } = { failures: 0 };
    for (let i = 1; i < MAX_EXIT_FAILURES; i++) {
      state = afterFailure(state.failures, now);
      expect(state).toEqual({ failures: i });
    }
    expect(afterFailure(state.failures, now)).toEqual({
      failures: 0,
      lockedUntil: now + EXIT_LOCK_MS,
    });
  });
});

describe('offline exit hash', () => {
  const salt = randomBytes(16);
  const stored = makeOfflineExitHash('监考-Exit-2026', salt, 2 ** 14);

  it('matches the right password only', () => {
    expect(verifyOfflineExitHash('监考-Exit-2026', stored)).toBe(true);
    expect(verifyOfflineExitHash('监考-Exit-2027', stored)).toBe(false);
    expect(verifyOfflineExitHash('', stored)).toBe(false);
  });

  it.each([
    '',
    'plain-password',
    'scrypt$16384$short$abc',
    'bcrypt$16384$c2FsdHNhbHRzYWx0c2FsdA==$AAAA',
    'scrypt$1000$c2FsdHNhbHRzYWx0c2FsdA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=',
  ])('treats a malformed stored hash %s as no match', (bad) => {
    expect(verifyOfflineExitHash('anything', bad)).toBe(false);
  });
});
