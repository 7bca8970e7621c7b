import { describe, expect, it } from 'vitest';
import { isBlockedShortcut, type KeyInput } from './shortcuts';

const key = (k: string, mods: Partial<Omit<KeyInput, 'key' | 'type'>> = {}): KeyInput => ({
  type: 'keyDown',
  key: k,
  control: false,
  alt: false,
  meta: false,
  shift: false,
  ...mods,
});

describe('isBlockedShortcut', () => {
  it.each([
    ['F12', key('F12')],
    ['Ctrl+Shift+I', key('I', { control: true, shift: true })],
    ['⌘+Shift+J', key('j', { meta: true, shift: true })],
  ])('blocks devtools (%s) in every window', (_name, input) => {
    expect(isBlockedShortcut('author', input)).toBe(true);
    expect(isBlockedShortcut('kiosk', input)).toBe(true);
  });

  it.each([
    ['Alt+F4', key('F4', { alt: true })],
    ['Ctrl+R', key('r', { control: true })],
    ['Ctrl+W', key('w', { control: true })],
    ['Ctrl+P', key('p', { control: true })],
    ['F5', key('F5')],
    ['F11', key('F11')],
    ['Alt+←', key('ArrowLeft', { alt: true })],
    ['Ctrl+=', key('=', { control: true })],
    ['⌘+Q', key('q', { meta: true })],
  ])('blocks %s in the kiosk only', (_name, input) => {
    expect(isBlockedShortcut('kiosk', input)).toBe(true);
    expect(isBlockedShortcut('author', input)).toBe(false);
  });

  it.each([
    ['A', key('a')],
    ['1', key('1')],
    ['→', key('ArrowRight')],
    ['T', key('t')],
    ['Shift+A', key('A', { shift: true })],
    ['Ctrl+C (copy in an answer field)', key('c', { control: true })],
    ['Ctrl+V', key('v', { control: true })],
    ['Ctrl+Z', key('z', { control: true })],
  ])('lets exam keys through in the kiosk: %s', (_name, input) => {
    expect(isBlockedShortcut('kiosk', input)).toBe(false);
  });

  it('ignores key-up events', () => {
    expect(isBlockedShortcut('kiosk', { ...key('F5'), type: 'keyUp' })).toBe(false);
  });
});
